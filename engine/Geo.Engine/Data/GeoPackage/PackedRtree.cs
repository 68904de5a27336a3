using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Geo.Coordinates;
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

    /// <summary>
    /// One level's entries in packing order, held as flat arrays (a city's territory lines are 600,000 of them): each
    /// entry's id (a row id on the leaf level, a child node's number above) and its box.
    /// </summary>
    private sealed class Level
    {
        public Level(int count)
        {
            Ids = new long[count];
            MinX = new float[count];
            MaxX = new float[count];
            MinY = new float[count];
            MaxY = new float[count];
        }

        public long[] Ids { get; }
        public float[] MinX { get; }
        public float[] MaxX { get; }
        public float[] MinY { get; }
        public float[] MaxY { get; }
        public int Count => Ids.Length;

        /// <summary>The number of the node holding this level's first entries (the nodes after it follow in order); set as the level above is packed.</summary>
        public long FirstNode { get; set; }
    }

    /// <param name="table">The R-tree virtual table, just created; row i's id is i + 1.</param>
    public static void Fill(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<Envelope> extents)
    {
        if (extents.Count == 0) return;
        int nodeBytes = NodeBytes(connection, transaction, table);
        int perNode = (nodeBytes - HeaderBytes) / CellBytes;
        var levels = Pack(extents, perNode);

        using var node = new PreparedStatement(connection, $"INSERT OR REPLACE INTO main.\"{table}_node\" (nodeno, data) VALUES (?, ?)");
        using var parent = new PreparedStatement(connection, $"INSERT INTO main.\"{table}_parent\" (nodeno, parentnode) VALUES (?, ?)");
        using var rowids = new RowInserter(connection, $"INSERT INTO main.\"{table}_rowid\" (rowid, nodeno)", 2);
        var bytes = new byte[nodeBytes];
        var leafOf = new long[extents.Count];
        int depth = levels.Count - 1;
        for (int level = 0; level < levels.Count; level++)
        {
            var entries = levels[level];
            for (int first = 0, n = 0; first < entries.Count; first += perNode, n++)
            {
                int count = Math.Min(perNode, entries.Count - first);
                long number = level == depth ? 1 : entries.FirstNode + n;
                node.Bind(1, number);
                node.BindBlob(2, Encode(entries, first, count, level == depth ? depth : 0, bytes));
                node.Execute();
                if (level == 0)
                {
                    for (int i = first; i < first + count; i++) leafOf[entries.Ids[i] - 1] = number;
                    continue;
                }
                parent.Bind(2, number);
                for (int i = first; i < first + count; i++)
                {
                    parent.Bind(1, entries.Ids[i]);
                    parent.Execute();
                }
            }
        }
        // Row ids in increasing order: each insert appends to the rowid table's B-tree rather than landing anywhere in it.
        rowids.Insert(leafOf.Length, (statement, offset, i) =>
        {
            statement.Bind(offset + 1, i + 1L);
            statement.Bind(offset + 2, leafOf[i]);
        });
    }

    /// <summary>
    /// The tree's levels, leaves first: the leaf level holds the rows along the Hilbert curve, each level above one entry
    /// per node of the level below (numbered from 2 up, level by level; the root, alone on the last level, is node 1).
    /// </summary>
    private static List<Level> Pack(IReadOnlyList<Envelope> extents, int perNode)
    {
        var order = HilbertOrder.Of(extents);
        var leaves = new Level(order.Length);
        for (int k = 0; k < order.Length; k++)
        {
            var e = extents[order[k]];
            leaves.Ids[k] = order[k] + 1L;
            leaves.MinX[k] = Down(e.MinX);
            leaves.MaxX[k] = Up(e.MaxX);
            leaves.MinY[k] = Down(e.MinY);
            leaves.MaxY[k] = Up(e.MaxY);
        }
        var levels = new List<Level> { leaves };
        long nextNumber = 2;
        while (levels[^1].Count > perNode)
        {
            var below = levels[^1];
            below.FirstNode = nextNumber;
            var above = new Level((below.Count + perNode - 1) / perNode);
            for (int n = 0; n < above.Count; n++)
            {
                int first = n * perNode, end = Math.Min(below.Count, first + perNode);
                float minX = below.MinX[first], maxX = below.MaxX[first], minY = below.MinY[first], maxY = below.MaxY[first];
                // Strict comparisons: of two equal bounds (0 and -0) the first is kept.
                for (int i = first + 1; i < end; i++)
                {
                    if (below.MinX[i] < minX) minX = below.MinX[i];
                    if (below.MaxX[i] > maxX) maxX = below.MaxX[i];
                    if (below.MinY[i] < minY) minY = below.MinY[i];
                    if (below.MaxY[i] > maxY) maxY = below.MaxY[i];
                }
                above.Ids[n] = nextNumber++;
                (above.MinX[n], above.MaxX[n], above.MinY[n], above.MaxY[n]) = (minX, maxX, minY, maxY);
            }
            levels.Add(above);
        }
        // The level of one node, the root, is numbered 1 and its entries are the level below's nodes.
        levels[^1].FirstNode = 1;
        return levels;
    }

    /// <summary>The node of entries <paramref name="first"/>… in <paramref name="bytes"/> (the node size long, reused from node to node).</summary>
    private static byte[] Encode(Level entries, int first, int count, int depth, byte[] bytes)
    {
        Array.Clear(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)depth);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)count);
        int at = HeaderBytes;
        for (int i = first; i < first + count; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(at), entries.Ids[i]);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 8), entries.MinX[i]);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 12), entries.MaxX[i]);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 16), entries.MinY[i]);
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at + 20), entries.MaxY[i]);
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
