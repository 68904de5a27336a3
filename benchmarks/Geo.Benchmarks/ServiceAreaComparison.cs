using System.Diagnostics;
using System.Globalization;
using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;
using Npgsql;

namespace Geo.Benchmarks;

/// <summary>
/// Geo's 15-minute e-bike service areas against pgRouting on the same graph and stations, in one run:
/// pgr_drivingDistance from every station at once (one call, so the edges are read once: pgRouting at its fastest)
/// plus ST_ConcaveHull of each station's reached junctions, one call per station likewise, and one call per station
/// with polygons of Geo's kind (<see cref="PgRoutingBufferedAreas"/>), versus Geo's network polygons with holes.
/// </summary>
public static class ServiceAreaComparison
{
    private const int BufferedSample = 20;

    public static void Run(string connectionString, string datasetName, int stationCount)
    {
        var dataset = BenchmarkData.Load(datasetName);
        var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));
        var snapper = new StreetSnapper(graph);
        var origins = BenchmarkData.RandomJunctions(graph, stationCount);
        var stations = origins.Select(v =>
        {
            var (lon, lat) = graph.VertexLonLat(v);
            return new Station($"v{v}", null, new NetTopologySuite.Geometries.Point(lon, lat) { SRID = 4326 });
        }).ToList();

        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Load(connection, graph);
        PgRoutingBufferedAreas.Load(connection, graph, snapper.LonLatExtent);
        Settle(connection, "cmp_edges", "cmp_vertices", PgRoutingBufferedAreas.GeometryTable);

        // Each side's all-stations form runs twice. Geo's first run follows a warm-up on a few stations (the thread
        // pool, most of the compiling) and is the yardstick of earlier rounds; its second follows a whole run, as a
        // server answers, with the first run's garbage collected. pgRouting's second call finds what its first left
        // in the server's buffers and caches, yet has measured slower than the first here: the ratios are of the first
        // runs and of each side's faster run.
        var options = new ServiceAreaOptions(new double[] { 15 }, Overlap: false, Direction: TravelDirection.FromStation);
        ServiceAreaAnalysis.Run(snapper, stations.Take(4).ToList(), options);
        var clock = Stopwatch.StartNew();
        var geo = ServiceAreaAnalysis.Run(snapper, stations, options);
        double geoFirst = clock.Elapsed.TotalSeconds;
        var firstTimings = geo.Timings;
        geo = null!;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        clock.Restart();
        geo = ServiceAreaAnalysis.Run(snapper, stations, options);
        double geoSecond = clock.Elapsed.TotalSeconds;

        var (pgrFirst, pgrKm2) = OneCall(connection, origins);
        var (pgrSecond, _) = OneCall(connection, origins);

        // The usual per-station workflow: one pgr_drivingDistance call (which reads the edges again) per station.
        int perStation = Math.Min(stationCount, 100);
        clock.Restart();
        foreach (var origin in origins.Take(perStation))
        {
            using var single = new NpgsqlCommand("""
                SELECT ST_Area(ST_ConcaveHull(ST_Collect(v.geom), 0.3)::geography)
                FROM pgr_drivingDistance('SELECT id, source, target, cost, reverse_cost FROM cmp_edges', @origin, 900, directed => true) d
                JOIN cmp_vertices v ON v.id = d.node
                """, connection) { CommandTimeout = 3600 };
            single.Parameters.AddWithValue("origin", (long)origin);
            single.ExecuteScalar();
        }
        double perStationSeconds = clock.Elapsed.TotalSeconds / perStation * stationCount;

        // Polygons of the same kind as Geo's (the reached stretches widened and dissolved) take long enough per
        // station that a sample of them is timed and the whole extrapolated.
        var sample = origins.Take(Math.Min(stationCount, BufferedSample)).ToList();
        var (bufferedPerStation, bufferedKm2) = PgRoutingBufferedAreas.Measure(connection, sample, 900, TravelProfile.BuiltIn("ebike").LateralMeters);
        double bufferedSeconds = bufferedPerStation * stationCount;

        var t = firstTimings;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{datasetName} | {stationCount} stations | Geo {geoFirst:0.000} s first, {geoSecond:0.000} s second (first: stations {t.StationsMs} ms, merged {t.CoverageMs} ms; {geo.Areas.Sum(a => a.AreaKm2):0} km²; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} collector) " +
            $"| pgRouting one call + ConcaveHull {pgrFirst:0.000} s first, {pgrSecond:0.000} s second ({pgrKm2:0} km²): ratio {pgrFirst / geoFirst:0.0}× first runs, {Math.Min(pgrFirst, pgrSecond) / Math.Min(geoFirst, geoSecond):0.0}× each side's faster run " +
            $"| pgRouting per station {perStationSeconds:0.0} s{(perStation < stationCount ? $" (from {perStation})" : "")}: ratio {perStationSeconds / geoFirst:0.0}× " +
            $"| pgRouting per station + ST_Union(ST_Buffer) of the reached stretches {bufferedSeconds:0.0} s{(sample.Count < stationCount ? $" (from {sample.Count})" : "")}, " +
            $"{bufferedKm2 / sample.Count:0.00} km² a station against Geo's {geo.Areas.Take(sample.Count).Sum(a => a.AreaKm2) / sample.Count:0.00}: ratio {bufferedSeconds / geoFirst:0.0}× (against Geo's first run)"));
    }

    /// <summary>pgr_drivingDistance from every origin in one call and a concave hull of each origin's reached junctions: its time and the hulls' km².</summary>
    private static (double Seconds, double Km2) OneCall(NpgsqlConnection connection, IReadOnlyList<int> origins)
    {
        var clock = Stopwatch.StartNew();
        using var command = new NpgsqlCommand("""
            SELECT count(*), sum(ST_Area(hull::geography)) / 1e6 FROM (
              SELECT d.from_v, ST_ConcaveHull(ST_Collect(v.geom), 0.3) AS hull
              FROM pgr_drivingDistance('SELECT id, source, target, cost, reverse_cost FROM cmp_edges', @origins, 900,
                                       directed => true, equicost => false) d
              JOIN cmp_vertices v ON v.id = d.node
              GROUP BY d.from_v) h
            """, connection) { CommandTimeout = 3600 };
        command.Parameters.AddWithValue("origins", origins.Select(v => (long)v).ToArray());
        using var reader = command.ExecuteReader();
        reader.Read();
        return (clock.Elapsed.TotalSeconds, reader.GetDouble(1));
    }

    /// <summary>
    /// Vacuums the tables just loaded (the loaders have analysed them) and writes the server's dirty buffers out, so
    /// neither side is timed beside the autovacuum and checkpoint that loading (every row updated once) would otherwise
    /// set off within the minute.
    /// </summary>
    private static void Settle(NpgsqlConnection connection, params string[] tables)
    {
        foreach (var table in tables)
        {
            using var vacuum = new NpgsqlCommand($"VACUUM {table}", connection) { CommandTimeout = 3600 };
            vacuum.ExecuteNonQuery();
        }
        using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 3600 };
        checkpoint.ExecuteNonQuery();
    }

    private static void Load(NpgsqlConnection connection, StreetGraph graph)
    {
        using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS cmp_vertices;
            CREATE TABLE cmp_vertices (id bigint PRIMARY KEY, lon double precision, lat double precision);
            """, connection))
        {
            create.ExecuteNonQuery();
        }
        Geo.Data.PostGis.RoutingEdgeTable.Write(connection, "cmp_edges", graph);
        using (var writer = connection.BeginBinaryImport("COPY cmp_vertices (id, lon, lat) FROM STDIN (FORMAT BINARY)"))
        {
            for (int v = 0; v < graph.VertexCount; v++)
            {
                var (lon, lat) = graph.VertexLonLat(v);
                writer.StartRow();
                writer.Write((long)v);
                writer.Write(lon);
                writer.Write(lat);
            }
            writer.Complete();
        }
        using var analyze = new NpgsqlCommand(
            "ALTER TABLE cmp_vertices ADD COLUMN geom geometry(Point, 4326); UPDATE cmp_vertices SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326); ANALYZE cmp_edges; ANALYZE cmp_vertices;",
            connection);
        analyze.ExecuteNonQuery();
    }
}
