using System.Diagnostics;
using System.Globalization;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// One station's 15-minute e-bike polygon, step by step, for many stations one after another on one thread and with
/// every buffer reused as inside a run: the search, the reached streets, the cells (window and stamping), the
/// diagonal pass, adding to the merged cells, the outline (traced straight to lon/lat, as a run does), counting cells
/// and adding the reached streets to the thread's union; and the bytes allocated per station. Whole pieces' cells are
/// copied from their runs (<see cref="PieceStamps"/>) when a run of that many stations would copy them. The stations
/// are drawn in the order a run draws them (<see cref="ServiceAreaAnalysis.DrawingOrder"/>), or as picked at random
/// with GEO_STATION_ORDER=random. Medians are not needed: each step is summed over the stations, and the last of
/// three rounds is printed.
/// </summary>
public static class StationSteps
{
    private static readonly string[] Names = { "search", "reached streets", "cells", "diagonals", "merge", "outline", "count", "union" };

    public static void Print(string datasetName, int stationCount)
    {
        var dataset = BenchmarkData.Load(datasetName);
        var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));
        var snapper = new StreetSnapper(graph);
        double lateral = graph.Profile.LateralMeters;
        var grid = ServiceAreaAnalysis.GridFor(graph, lateral, new ServiceAreaOptions(new double[] { 15 }).Cell(lateral));
        var random = new Random(7);
        var snaps = new List<SnapResult>();
        while (snaps.Count < stationCount)
        {
            int v = random.Next(graph.VertexCount);
            if (graph.ComponentOf[v] != 0) continue;
            var (lon, lat) = graph.VertexLonLat(v);
            var snap = snapper.Snap(new Point(lon, lat) { SRID = 4326 });
            if (snap.IsSnapped) snaps.Add(snap);
        }
        if (Environment.GetEnvironmentVariable("GEO_STATION_ORDER") != "random")
        {
            var order = ServiceAreaAnalysis.DrawingOrder(snaps, 1);
            snaps = order.Select(i => snaps[i]).ToList();
        }
        var search = new ShortestPathSearch(graph.SearchGraph(TravelDirection.FromStation));
        var reachedStreets = new ReachedStreets(graph, TravelDirection.FromStation);
        var merged = new CellMask(grid, 0, 0, grid.Width, grid.Height);
        var union = new IntervalUnion(graph.Pieces.LengthMeters);
        var buffer = Array.Empty<byte>();
        var breaks = new double[] { 900 };
        var clock = new Stopwatch();
        // Whole pieces' cells are copied from runs worked out once when a run of these stations would do so (or
        // when told to, GEO_COPY_WHOLE_PIECES=0/1): judged, as a run judges, from what the first station reaches.
        search.Run(snaps[0].Seeds(graph, 0, TravelDirection.FromStation), breaks[0]);
        double expectedStamps = (double)reachedStreets.CollectReused(search, snaps[0], breaks)[0].Count * stationCount;
        bool copy = Environment.GetEnvironmentVariable("GEO_COPY_WHOLE_PIECES") switch
        {
            "1" => true,
            "0" => false,
            _ => PieceStamps.PayOff(graph.Pieces, expectedStamps),
        };
        clock.Start();
        var whole = copy ? PieceStamps.Build(graph.Pieces, grid, lateral) : null;
        string runs = whole is null
            ? "whole pieces stamped"
            : string.Create(CultureInfo.InvariantCulture, $"whole pieces copied from {whole.RunCount:N0} runs worked out in {clock.Elapsed.TotalMilliseconds:0} ms");
        var ms = new double[Names.Length];
        long windowCells = 0, points = 0, allocated = 0;
        for (int round = 0; round < 3; round++)
        {
            Array.Clear(ms);
            windowCells = points = 0;
            allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var snap in snaps)
            {
                int step = 0;
                void Lap() { ms[step++] += clock.Elapsed.TotalMilliseconds; clock.Restart(); }
                clock.Restart();
                search.Run(snap.Seeds(graph, 0, TravelDirection.FromStation), breaks[0]);
                Lap();
                var reached = reachedStreets.CollectReused(search, snap, breaks)[0];
                Lap();
                var (c0, r0, w, h) = CellMask.WindowAround(grid, graph.Pieces, reached, lateral);
                var mask = CellMask.Reusing(ref buffer, grid, c0, r0, w, h);
                mask.Stamp(graph.Pieces, reached, lateral, whole);
                Lap();
                mask.RemoveDiagonals();
                Lap();
                merged.Include(mask);
                Lap();
                var outline = CellTracer.Trace(mask, graph.LonLat);
                Lap();
                mask.CountCovered();
                Lap();
                union.Add(reached);
                Lap();
                windowCells += (long)w * h;
                points += outline.NumPoints;
            }
        }
        int n = snaps.Count;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var steps = string.Join(", ", Names.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name} {ms[i] / n:0.000}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{datasetName} | {n} stations one after another | {ms.Sum() / n:0.000} ms per station: {steps} | window {windowCells / n:N0} cells, outline {points / n:N0} points, {allocated / n / 1024.0:0} KB allocated; {runs}"));
    }
}
