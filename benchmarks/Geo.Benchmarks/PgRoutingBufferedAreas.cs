using System.Diagnostics;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;

namespace Geo.Benchmarks;

/// <summary>
/// Service areas of the same kind as Geo's, done the usual PostGIS way: per station, <c>pgr_drivingDistance</c>, the
/// stretch of every street its budget reaches (a whole piece, or the part up to where the time runs out, from
/// either end one-ways allowing), each widened by the profile's lateral distance (<c>ST_Buffer</c>, 5 segments a
/// quarter circle) in UTM and dissolved (<c>ST_Union</c>). The streets are stored in UTM beforehand, untimed.
/// </summary>
public static class PgRoutingBufferedAreas
{
    public const string GeometryTable = "cmp_edge_geoms";

    /// <summary>Stores every piece's polyline, projected to the UTM zone of the graph's centre, keyed by edge id.</summary>
    public static void Load(NpgsqlConnection connection, StreetGraph graph, Envelope lonLat)
    {
        double lon = (lonLat.MinX + lonLat.MaxX) / 2, lat = (lonLat.MinY + lonLat.MaxY) / 2;
        int utm = (lat >= 0 ? 32600 : 32700) + (int)Math.Floor((lon + 180) / 6) + 1;
        using (var create = new NpgsqlCommand(
            $"DROP TABLE IF EXISTS {GeometryTable}; CREATE TABLE {GeometryTable} (id bigint PRIMARY KEY, wkb bytea)", connection))
        {
            create.ExecuteNonQuery();
        }
        var wkb = new WKBWriter();
        var pieces = graph.Pieces;
        using (var writer = connection.BeginBinaryImport($"COPY {GeometryTable} (id, wkb) FROM STDIN (FORMAT BINARY)"))
        {
            for (int s = 0; s < pieces.Count; s++)
            {
                writer.StartRow();
                writer.Write((long)s + 1);
                writer.Write(wkb.Write(pieces.Source[s].Geometry));
            }
            writer.Complete();
        }
        using var project = new NpgsqlCommand(
            $"ALTER TABLE {GeometryTable} ADD COLUMN geom geometry(LineString, {utm}); " +
            $"UPDATE {GeometryTable} SET geom = ST_Transform(ST_SetSRID(ST_GeomFromWKB(wkb), 4326), {utm}); " +
            $"ALTER TABLE {GeometryTable} DROP COLUMN wkb; ANALYZE {GeometryTable};", connection) { CommandTimeout = 3600 };
        project.ExecuteNonQuery();
    }

    /// <summary>Seconds per station and the areas' total in km², over the given origins one call each.</summary>
    public static (double SecondsPerStation, double AreaKm2) Measure(NpgsqlConnection connection, IReadOnlyList<int> origins, double budgetSeconds, double lateralMeters)
    {
        double area = 0;
        var clock = Stopwatch.StartNew();
        foreach (int origin in origins)
        {
            using var command = new NpgsqlCommand($"""
                WITH reached AS (
                  SELECT node, agg_cost FROM pgr_drivingDistance('SELECT id, source, target, cost, reverse_cost FROM cmp_edges',
                                                                 @origin, @budget, directed => true)),
                stretches AS (
                  SELECT e.id, 0.0 AS f0, CASE WHEN e.cost > 0 THEN LEAST(1.0, (@budget - r.agg_cost) / e.cost) ELSE 1.0 END AS f1
                  FROM cmp_edges e JOIN reached r ON r.node = e.source WHERE e.cost >= 0
                  UNION ALL
                  SELECT e.id, CASE WHEN e.reverse_cost > 0 THEN GREATEST(0.0, 1 - (@budget - r.agg_cost) / e.reverse_cost) ELSE 0.0 END, 1.0
                  FROM cmp_edges e JOIN reached r ON r.node = e.target WHERE e.reverse_cost >= 0)
                SELECT COALESCE(ST_Area(ST_Union(ST_Buffer(ST_LineSubstring(g.geom, s.f0, s.f1), @lateral, 'quad_segs=5'))), 0) / 1e6
                FROM stretches s JOIN {GeometryTable} g ON g.id = s.id
                WHERE s.f1 > s.f0
                """, connection) { CommandTimeout = 3600 };
            command.Parameters.AddWithValue("origin", (long)origin);
            command.Parameters.AddWithValue("budget", budgetSeconds);
            command.Parameters.AddWithValue("lateral", lateralMeters);
            area += Convert.ToDouble(command.ExecuteScalar());
        }
        return (clock.Elapsed.TotalSeconds / Math.Max(1, origins.Count), area);
    }
}
