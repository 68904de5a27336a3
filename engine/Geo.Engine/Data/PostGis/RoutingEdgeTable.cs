using Geo.Data.Features;
using Geo.Streets;
using Npgsql;

namespace Geo.Data.PostGis;

/// <summary>
/// Writes a street graph as a pgRouting edge table (id, source, target, cost, reverse_cost; costs in seconds,
/// -1 where a one-way forbids the direction), so pgRouting can be run on exactly the graph Geo uses.
/// Vertex ids are Geo's vertex indices.
/// </summary>
public static class RoutingEdgeTable
{
    public static void Write(NpgsqlConnection connection, string table, StreetGraph graph)
    {
        LayerName.Require(table, "table");
        using (var create = new NpgsqlCommand(
            $"DROP TABLE IF EXISTS \"{table}\"; CREATE TABLE \"{table}\" (id bigint, source bigint, target bigint, cost double precision, reverse_cost double precision)",
            connection))
        {
            create.ExecuteNonQuery();
        }
        var pieces = graph.Pieces;
        using var writer = connection.BeginBinaryImport($"COPY \"{table}\" FROM STDIN (FORMAT BINARY)");
        for (int s = 0; s < pieces.Count; s++)
        {
            writer.StartRow();
            writer.Write((long)s + 1);
            writer.Write((long)pieces.FromVertex[s]);
            writer.Write((long)pieces.ToVertex[s]);
            writer.Write((double)pieces.ForwardSeconds[s]);
            writer.Write(pieces.CanTravelBackward(s) ? (double)pieces.BackwardSeconds[s] : -1.0);
        }
        writer.Complete();
    }
}
