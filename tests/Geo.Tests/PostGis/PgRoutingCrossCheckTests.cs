using Geo.Data.Osm;
using Geo.Data.PostGis;
using Geo.Streets;
using Geo.Streets.Search;
using Npgsql;

namespace Geo.Tests.PostGis;

/// <summary>
/// Geo's travel times against an independent implementation: pgRouting's pgr_drivingDistance over the same edges
/// loaded into the real PostGIS server, from random origins of a real extract.
/// </summary>
[Collection("PostGIS")]
public class PgRoutingCrossCheckTests(PostGisServer server)
{
    [Theory]
    [InlineData("andorra.osm.pbf", "walk")]
    [InlineData("andorra.osm.pbf", "ebike")]
    [InlineData("liechtenstein.osm.pbf", "car")]
    public void Reach_equalsPgrDrivingDistance_forTwentyRandomOrigins(string extract, string profile)
    {
        var dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset(extract)).Dataset;
        var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn(profile));
        string table = $"edges_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        RoutingEdgeTable.Write(connection, table, graph);
        try
        {
            var random = new Random(20261122);
            var search = new ShortestPathSearch(graph);
            int checkedOrigins = 0;
            while (checkedOrigins < 20)
            {
                int origin = random.Next(graph.VertexCount);
                if (graph.ComponentOf[origin] != 0) continue;
                checkedOrigins++;
                search.Run(origin, 900);
                var geo = search.Settled.ToDictionary(v => v, v => search.SecondsTo(v));
                var pgr = DrivingDistance(connection, table, origin, 900);

                Assert.Equal(pgr.Count, geo.Count);
                foreach (var (vertex, seconds) in pgr)
                {
                    Assert.True(geo.TryGetValue(vertex, out double mine), $"vertex {vertex} reached by pgRouting only");
                    Assert.True(Math.Abs(mine - seconds) <= 0.01, $"vertex {vertex}: Geo {mine:0.000} s, pgRouting {seconds:0.000} s");
                }
            }
        }
        finally
        {
            using var drop = new NpgsqlCommand($"DROP TABLE {table}", connection);
            drop.ExecuteNonQuery();
        }
    }

    private static Dictionary<int, double> DrivingDistance(NpgsqlConnection connection, string table, int origin, double limit)
    {
        using var command = new NpgsqlCommand(
            "SELECT node, agg_cost FROM pgr_drivingDistance(@sql, @origin, @limit, directed => true)", connection);
        command.Parameters.AddWithValue("sql", $"SELECT id, source, target, cost, reverse_cost FROM {table}");
        command.Parameters.AddWithValue("origin", (long)origin);
        command.Parameters.AddWithValue("limit", limit);
        var result = new Dictionary<int, double>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result[(int)reader.GetInt64(0)] = reader.GetDouble(1);
        return result;
    }
}
