using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Fills a newly created, empty SQLite R-tree of two dimensions by writing its node, rowid and parent tables directly:
/// leaves hold consecutive entries along a Hilbert curve, packed full, and each level above packs the one below the
/// same way. Inserting rows one by one makes SQLite split nodes as it goes, seconds for a city's streets; the packed
/// tree answers the same queries and passes SQLite's own <c>rtreecheck</c>.
/// </summary>
internal static class PackedRtree
{
    /// <summary>A cell: the 64-bit row id (or child node number), then min x, max x, min y, max y as 32-bit floats.</summary>
    private const int CellBytes = 8 + 4 * 4;

    /// <summary>A node starts with the tree's depth (meaningful in the root only) and its number of cells, two bytes each.</summary>
    private const int HeaderBytes = 4;

    private sealed record Node(long Number, List<(long Id, float MinX, float MaxX, float MinY, float MaxY)> Cells)
    {
        /// <summary>This node as a cell of its parent: its number and the box around its cells.</summary>
        public (long, float, float, float, float) AsCell() =>
            (Number, Cells.Min(c => c.MinX), Cells.Max(c => c.MaxX), Cells.Min(c => c.MinY), Cells.Max(c => c.MaxY));
    }

    /// <param name="table">The R-tree virtual table, just created; row i's id is i + 1.</param>
    public static void Fill(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<Envelope> extents)
    {
        if (extents.Count == 0) return;
        int nodeBytes = NodeBytes(connection, transaction, table);
        int perNode = (nodeBytes - HeaderBytes) / CellBytes;

        long nextNumber = 2;
        var leaves = Pack(HilbertOrder.Of(extents).Select(i => (
            (long)i + 1, Down(extents[i].MinX), Up(extents[i].MaxX), Down(extents[i].MinY), Up(extents[i].MaxY))).ToList(), perNode, ref nextNumber);
        var levels = new List<List<Node>> { leaves };
        while (levels[^1].Count > 1)
        {
            levels.Add(Pack(levels[^1].Select(n => n.AsCell()).ToList(), perNode, ref nextNumber));
        }
        // The root is always node 1.
        levels[^1][0] = levels[^1][0] with { Number = 1 };

        using var node = new PreparedStatement(connection, $"INSERT OR REPLACE INTO main.\"{table}_node\" (nodeno, data) VALUES (?, ?)");
        using var parent = new PreparedStatement(connection, $"INSERT INTO main.\"{table}_parent\" (nodeno, parentnode) VALUES (?, ?)");
        using var rowid = new PreparedStatement(connection, $"INSERT INTO main.\"{table}_rowid\" (rowid, nodeno) VALUES (?, ?)");
        var bytes = new byte[nodeBytes];
        var leafOf = new long[extents.Count];
        for (int level = 0; level < levels.Count; level++)
        {
            foreach (var n in levels[level])
            {
                node.Bind(1, n.Number);
                node.BindBlob(2, Encode(n, level == levels.Count - 1 ? levels.Count - 1 : 0, bytes));
                node.Execute();
                if (level == 0)
                {
                    foreach (var cell in n.Cells) leafOf[cell.Id - 1] = n.Number;
                    continue;
                }
                parent.Bind(2, n.Number);
                foreach (var cell in n.Cells)
                {
                    parent.Bind(1, cell.Id);
                    parent.Execute();
                }
            }
        }
        // Row ids in increasing order: each insert appends to the rowid table's B-tree rather than landing anywhere in it.
        for (int i = 0; i < leafOf.Length; i++)
        {
            rowid.Bind(1, i + 1L);
            rowid.Bind(2, leafOf[i]);
            rowid.Execute();
        }
    }

    private static List<Node> Pack(List<(long, float, float, float, float)> cells, int perNode, ref long nextNumber)
    {
        var nodes = new List<Node>((cells.Count + perNode - 1) / perNode);
        for (int start = 0; start < cells.Count; start += perNode)
        {
            nodes.Add(new Node(nextNumber++, cells.GetRange(start, Math.Min(perNode, cells.Count - start))));
        }
        return nodes;
    }

    /// <summary>The node's bytes, in <paramref name="bytes"/> (the node size long, reused from node to node).</summary>
    private static byte[] Encode(Node node, int depth, byte[] bytes)
    {
        Array.Clear(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)depth);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)node.Cells.Count);
        int at = HeaderBytes;
        foreach (var (id, minX, maxX, minY, maxY) in node.Cells)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(at), id);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 8), minX);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 12), maxX);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 16), minY);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 20), maxY);
            at += CellBytes;
        }
        return bytes;
    }

    /// <summary>SQLite sized the empty root node it wrote on creation from the page size; every node has that size.</summary>
    internal static int NodeBytes(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = GeoPackageLayerWriter.Command(connection, transaction, $"SELECT length(data) FROM \"{table}_node\" WHERE nodeno = 1");
        return Convert.ToInt32(command.ExecuteScalar());
    }

    // Bounds are stored as 32-bit floats rounded outwards, as SQLite rounds them, so each box still holds its feature.
    private static float Down(double value)
    {
        float f = (float)value;
        return f > value ? MathF.BitDecrement(f) : f;
    }

    private static float Up(double value)
    {
        float f = (float)value;
        return f < value ? MathF.BitIncrement(f) : f;
    }
}
