using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Coordinates;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// Service areas ("15-minute circles") of many stations at once: per station and break, the streets reached along
/// the network widened by the lateral distance into polygons with holes (or straight-line circles); the merged
/// coverage per break; and how many stations reach each part of the covered area. Network polygons are drawn on
/// cells aligned across the dataset, so 5 ⊆ 10 ⊆ 15, the merged union and the overlap counts are exact.
/// Stations run in parallel on every core, each thread reusing one search. A cancelled run stops between stations
/// and between one station's breaks, and throws <see cref="OperationCanceledException"/>.
/// </summary>
public static class ServiceAreaAnalysis
{
    public static ServiceAreaResult Run(StreetSnapper snapper, IReadOnlyList<Station> stations, ServiceAreaOptions options, CancellationToken cancellation = default)
    {
        options.Validate();
        var graph = snapper.Graph;
        double lateral = options.LateralMeters ?? graph.Profile.LateralMeters;
        var breaks = options.Minutes.Select(m => m * 60).ToArray();
        int last = breaks.Length - 1;
        string mode = options.Circle ? "circle" : "network";
        var clock = Stopwatch.StartNew();

        // One worker per core: each holds a city-sized cell mask and a search, and more threads than cores (the pool
        // adds some while others wait) only add workers to allocate and merge.
        var parallel = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var snaps = new SnapResult[stations.Count];
        Parallel.For(0, stations.Count, parallel, i => snaps[i] = snapper.Snap(stations[i].Geometry));
        var snapped = new List<SnappedStation>();
        var unsnapped = new List<UnsnappedStation>();
        for (int i = 0; i < stations.Count; i++)
        {
            if (snaps[i].IsSnapped) snapped.Add(new SnappedStation(stations[i], snaps[i]));
            else unsnapped.Add(new UnsnappedStation(stations[i], snaps[i].Reason!));
        }
        long snapMs = clock.ElapsedMilliseconds;
        clock.Restart();

        var grid = GridFor(graph, lateral, options.Cell(lateral));
        var areas = new ServiceArea[snapped.Count * breaks.Length];
        var circles = options.Circle ? new Geometry[snapped.Count][] : null;
        // Exactly one worker per core, each taking more stations as it finishes: a worker per pool thread
        // would be made again whenever the pool moved the loop to another thread.
        var workers = new StationWorker[Math.Min(parallel.MaxDegreeOfParallelism, snapped.Count)];
        var drawingOrder = DrawingOrder(snapped.ConvertAll(s => s.Snap), workers.Length);
        // A first station for each worker; what they reached tells whether copying whole pieces' cells will pay for
        // working them out before the rest.
        PieceStamps? whole = null;
        long firstReached = 0;
        Parallel.For(0, workers.Length, parallel, w =>
        {
            var worker = workers[w] = new StationWorker(graph, grid, breaks.Length, options.Overlap, options.Direction);
            Interlocked.Add(ref firstReached, Draw(drawingOrder[w], worker));
        });
        cancellation.ThrowIfCancellationRequested();
        int rest = snapped.Count - workers.Length;
        if (circles is null && (options.CopyWholePieces ?? PieceStamps.PayOff(graph.Pieces, (double)firstReached / Math.Max(1, workers.Length) * rest)))
        {
            whole = PieceStamps.Build(graph.Pieces, grid, lateral, parallel);
        }
        // Each worker takes the next stretch of the curve rather than the next station: its stations follow one
        // another on the ground, so what one brought into the core's own cache serves the next.
        int nextStation = workers.Length;
        const int Stretch = 16;
        Parallel.For(0, workers.Length, parallel, w =>
        {
            for (int k; (k = Interlocked.Add(ref nextStation, Stretch) - Stretch) < snapped.Count && !cancellation.IsCancellationRequested;)
            {
                for (int j = k; j < Math.Min(k + Stretch, snapped.Count) && !cancellation.IsCancellationRequested; j++) Draw(drawingOrder[j], workers[w]);
            }
        });

        // Returns how many pieces the station's last break reached, in part or whole.
        int Draw(int i, StationWorker worker)
        {
            var station = snapped[i];
            var outlines = new Geometry[breaks.Length];
            var km2 = new double[breaks.Length];
            IReadOnlyList<ReachedInterval>[] reached;
            if (circles is not null)
            {
                var centre = graph.ToLocal(station.Station.Geometry).Coordinate;
                double speed = graph.Profile.DefaultSpeedKmh / 3.6;
                reached = breaks.Select(b => (IReadOnlyList<ReachedInterval>)CircleReach.Inside(snapper, centre.X, centre.Y, speed * b).ToArray()).ToArray();
                circles[i] = breaks.Select(b => ServiceAreaGeometry.Circle(centre.X, centre.Y, speed * b)).ToArray();
                for (int b = 0; b < breaks.Length; b++) (outlines[b], km2[b]) = (graph.ToLonLat(circles[i][b]), circles[i][b].Area / 1e6);
            }
            else
            {
                worker.Search.Run(station.Snap.Seeds(graph, 0, options.Direction), breaks[^1]);
                reached = worker.Reached.CollectReused(worker.Search, station.Snap, breaks);
                var (column0, row0, width, height) = CellMask.WindowAround(grid, graph.Pieces, reached[last], lateral);
                var window = CellMask.Reusing(ref worker.BreakCells[last], grid, column0, row0, width, height);
                CellMask? smaller = null;
                for (int b = 0; b < breaks.Length; b++)
                {
                    if (cancellation.IsCancellationRequested) return 0;
                    // The window's own cells, still blank, serve the largest break; the smaller breaks' cells are the
                    // thread's own too, cleared for each station rather than a fresh large array each time.
                    var mask = b == last ? window : CellMask.Reusing(ref worker.BreakCells[b], grid, window.Column0, window.Row0, window.Width, window.Height);
                    mask.Stamp(graph.Pieces, b == 0 ? reached[0] : NotReachedBefore(reached[b], reached[b - 1], worker.Fresh), lateral, whole);
                    if (smaller is not null) mask.Include(smaller);
                    mask.RemoveDiagonals();
                    worker.Merged[b].Include(mask);
                    worker.Extend(mask);
                    if (b == last && worker.Counts is not null) worker.Count(mask);
                    outlines[b] = CellTracer.Trace(mask, graph.LonLat);
                    km2[b] = mask.CountCovered() * grid.CellAreaKm2;
                    smaller = mask;
                }
            }
            for (int b = 0; b < breaks.Length; b++)
            {
                var s = station.Station;
                areas[i * breaks.Length + b] = new ServiceArea(s.Id, s.Name, options.Minutes[b], mode, outlines[b],
                    km2[b], reached[b].Sum(x => x.Length) / 1000);
                worker.Unions[b].Add(reached[b]);
            }
            return reached[last].Count;
        }
        cancellation.ThrowIfCancellationRequested();
        long stationsMs = clock.ElapsedMilliseconds;
        clock.Restart();

        var threads = workers.ToList();
        var coverage = new CoverageArea[breaks.Length];
        var coveredCells = new CellMask?[breaks.Length];
        var coverageLocal = new Geometry[breaks.Length];
        var covered = new IReadOnlyList<ReachedInterval>[breaks.Length];
        Parallel.For(0, breaks.Length, parallel, b =>
        {
            // The reached streets' union and the covered cells' outline need nothing of each other: side by side.
            double streetKm = 0;
            Parallel.Invoke(parallel,
                () =>
                {
                    covered[b] = IntervalUnion.Combine(threads.Select(t => t.Unions[b]).ToList());
                    streetKm = covered[b].Sum(x => x.Length) / 1000;
                },
                () =>
                {
                    if (circles is not null)
                    {
                        coverageLocal[b] = CascadedPolygonUnion.Union(circles.Select(c => c[b]).ToList()) ?? ServiceAreaGeometry.Local.CreatePolygon();
                        return;
                    }
                    var (c0, r0, c1, r1) = StationWorker.Bounds(threads);
                    var merged = new CellMask(grid, c0, r0, Math.Max(1, c1 - c0 + 1), Math.Max(1, r1 - r0 + 1));
                    foreach (var t in threads) merged.Include(t.Merged[b]);
                    merged.RemoveDiagonals();
                    coveredCells[b] = merged;
                    coverageLocal[b] = CellTracer.Trace(merged);
                });
            double km2 = circles is not null ? coverageLocal[b].Area / 1e6 : coveredCells[b]!.CountCovered() * grid.CellAreaKm2;
            coverage[b] = new CoverageArea(options.Minutes[b], mode, snapped.Count, graph.ToLonLat(coverageLocal[b]), km2, streetKm);
        });
        cancellation.ThrowIfCancellationRequested();
        long coverageMs = clock.ElapsedMilliseconds;
        clock.Restart();

        var overlap = new List<OverlapArea>();
        if (options.Overlap && snapped.Count > 0)
        {
            var parts = circles is not null
                ? OverlapCounter.Count(circles.Select(c => c[last]).ToList()).Select(p => (p.Count, graph.ToLonLat(p.Area), p.Area.Area / 1e6))
                : CellOverlap.Parts(grid, threads.Select(t => t.Counts!).ToList(), StationWorker.Bounds(threads), graph.LonLat);
            foreach (var (count, area, km2) in parts) overlap.Add(new OverlapArea(options.Minutes[last], count, area, km2));
        }
        long overlapMs = clock.ElapsedMilliseconds;

        return new ServiceAreaResult(graph.Profile.Name, mode, options.Minutes, areas, coverage, overlap, unsnapped, snapped, covered,
            new ServiceAreaTimings(snapMs, stationsMs, coverageMs, overlapMs))
        {
            Direction = options.Direction,
            CoveredCells = coveredCells[last],
            CoverageLocal = coverageLocal,
        };
    }

    /// <summary>
    /// The order stations are drawn in: along a Hilbert curve through where they join the streets. A station's search
    /// and cells touch a few megabytes of a city's graph and pieces' runs scattered over tens of megabytes; its
    /// neighbour along the curve reaches much the same streets while they are still in the cache. First come
    /// <paramref name="sampled"/> stations from the middles of equal shares of the curve: what they reach is a fair
    /// sample of the city (the curve's ends lie at its edges) for judging whether whole pieces' runs will pay. Each
    /// station's polygons and the merged figures do not depend on the order.
    /// </summary>
    internal static int[] DrawingOrder(IReadOnlyList<SnapResult> snaps, int sampled)
    {
        int n = snaps.Count;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++) (x[i], y[i]) = (snaps[i].X, snaps[i].Y);
        var curve = HilbertOrder.Of(x, y);
        sampled = Math.Clamp(sampled, 0, n);
        var order = new int[n];
        var isSample = new bool[n];
        for (int w = 0; w < sampled; w++)
        {
            int at = (int)((2L * w + 1) * n / (2L * sampled));
            order[w] = curve[at];
            isSample[at] = true;
        }
        int next = sampled;
        for (int at = 0; at < n; at++)
        {
            if (!isSample[at]) order[next++] = curve[at];
        }
        return order;
    }

    /// <summary>The cell grid over the whole street network, with room for the widening on every side.</summary>
    public static CellGrid GridFor(StreetGraph graph, double lateral, double cellMeters)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        var pieces = graph.Pieces;
        for (int i = 0; i < pieces.PointX.Length; i++)
        {
            minX = Math.Min(minX, pieces.PointX[i]);
            maxX = Math.Max(maxX, pieces.PointX[i]);
            minY = Math.Min(minY, pieces.PointY[i]);
            maxY = Math.Max(maxY, pieces.PointY[i]);
        }
        double margin = lateral + 2 * cellMeters;
        return new CellGrid(minX - margin, minY - margin, maxX + margin, maxY + margin, cellMeters);
    }

    /// <summary>The union of many stations' reached intervals: one sorted, non-overlapping list per piece.</summary>
    public static IReadOnlyList<ReachedInterval> MergeIntervals(IEnumerable<ReachedInterval> intervals)
    {
        // Bucket by piece (linear), then sort each small bucket by start: millions of intervals merge in well under a second.
        var all = intervals as IReadOnlyList<ReachedInterval> ?? intervals.ToList();
        if (all.Count == 0) return Array.Empty<ReachedInterval>();
        int pieces = 0;
        foreach (var x in all) pieces = Math.Max(pieces, x.Piece + 1);
        var start = new int[pieces + 1];
        foreach (var x in all) start[x.Piece + 1]++;
        for (int p = 0; p < pieces; p++) start[p + 1] += start[p];
        var next = (int[])start.Clone();
        var bucketed = new ReachedInterval[all.Count];
        foreach (var x in all) bucketed[next[x.Piece]++] = x;
        return MergeBuckets(bucketed, start, pieces);
    }

    /// <summary>Merges each piece's bucket (<paramref name="start"/>[p] to [p + 1]) into sorted, non-overlapping intervals.</summary>
    private static List<ReachedInterval> MergeBuckets(ReachedInterval[] bucketed, int[] start, int pieces)
    {
        var merged = new List<ReachedInterval>();
        for (int p = 0; p < pieces; p++)
        {
            int from = start[p], count = start[p + 1] - from;
            if (count == 0) continue;
            var bucket = bucketed.AsSpan(from, count);
            if (count > 1) bucket.Sort((a, b) => a.From.CompareTo(b.From));
            var open = bucket[0];
            for (int i = 1; i < count; i++)
            {
                if (bucket[i].From <= open.To) { if (bucket[i].To > open.To) open = open with { To = bucket[i].To }; }
                else { merged.Add(open); open = bucket[i]; }
            }
            merged.Add(open);
        }
        return merged;
    }

    /// <summary>
    /// The intervals of a break that the break before did not already reach exactly (same piece, same ends): their
    /// cells are in the smaller break's mask, which the larger one includes, so stamping them again adds nothing.
    /// Both lists hold their pieces in the order the search met them, the smaller break's a subsequence of the larger's.
    /// </summary>
    internal static List<ReachedInterval> NotReachedBefore(IReadOnlyList<ReachedInterval> current, IReadOnlyList<ReachedInterval> before, List<ReachedInterval> into)
    {
        into.Clear();
        int j = 0;
        for (int i = 0; i < current.Count;)
        {
            int piece = current[i].Piece, end = i;
            while (end < current.Count && current[end].Piece == piece) end++;
            int from = j;
            while (j < before.Count && before[j].Piece == piece) j++;
            for (; i < end; i++)
            {
                bool seen = false;
                for (int k = from; k < j && !seen; k++) seen = before[k] == current[i];
                if (!seen) into.Add(current[i]);
            }
        }
        return into;
    }

    /// <summary>One thread's reusable search state and its share of the merged coverage and overlap counts.</summary>
    private sealed class StationWorker
    {
        public StationWorker(StreetGraph graph, CellGrid grid, int breaks, bool overlap, TravelDirection direction)
        {
            Search = new ShortestPathSearch(graph.SearchGraph(direction));
            Reached = new ReachedStreets(graph, direction);
            Merged = Enumerable.Range(0, breaks).Select(_ => new CellMask(grid, 0, 0, grid.Width, grid.Height)).ToArray();
            Unions = Enumerable.Range(0, breaks).Select(_ => new IntervalUnion(graph.Pieces.LengthMeters)).ToArray();
            Counts = overlap ? new ushort[grid.Width * grid.Height] : null;
            BreakCells = Enumerable.Range(0, breaks).Select(_ => Array.Empty<byte>()).ToArray();
            _gridWidth = grid.Width;
        }

        private readonly int _gridWidth;

        /// <summary>The cells of the station being drawn, by break, reused from station to station; the last break's is its window.</summary>
        public byte[][] BreakCells { get; }

        /// <summary>The intervals a break reaches beyond the break before, reused from break to break.</summary>
        public List<ReachedInterval> Fresh { get; } = new();

        public ShortestPathSearch Search { get; }
        public ReachedStreets Reached { get; }
        public CellMask[] Merged { get; }

        /// <summary>Per break, the streets this thread's stations reach.</summary>
        public IntervalUnion[] Unions { get; }
        public ushort[]? Counts { get; }

        private int _c0 = int.MaxValue, _r0 = int.MaxValue, _c1 = -1, _r1 = -1;

        /// <summary>Remembers the cells this thread touched, so the merge visits only those.</summary>
        public void Extend(CellMask mask)
        {
            _c0 = Math.Min(_c0, mask.Column0);
            _r0 = Math.Min(_r0, mask.Row0);
            _c1 = Math.Max(_c1, mask.Column0 + mask.Width - 1);
            _r1 = Math.Max(_r1, mask.Row0 + mask.Height - 1);
        }

        public static (int C0, int R0, int C1, int R1) Bounds(IEnumerable<StationWorker> workers)
        {
            var list = workers.Where(w => w._c1 >= 0).ToList();
            return list.Count == 0 ? (0, 0, 0, 0) : (list.Min(w => w._c0), list.Min(w => w._r0), list.Max(w => w._c1), list.Max(w => w._r1));
        }

        /// <summary>Adds one to the count of every cell the mask covers, counts stopping at their largest value.</summary>
        public void Count(CellMask mask)
        {
            for (int r = 0; r < mask.Height; r++)
            {
                var cells = mask.Cells.AsSpan(r * mask.Width, mask.Width);
                var counts = Counts.AsSpan((mask.Row0 + r) * _gridWidth + mask.Column0, mask.Width);
                int c = 0;
                if (Avx2.IsSupported)
                {
                    // 32 cells at a time: each covered cell's 1 (a cell holds 0 or 1, or more: taken as 1) widened to a
                    // count and added with saturation, as the loop below adds it.
                    ref byte cell = ref MemoryMarshal.GetReference(cells);
                    ref ushort count = ref MemoryMarshal.GetReference(counts);
                    var one = Vector256.Create((byte)1);
                    for (; c <= cells.Length - 32; c += 32)
                    {
                        var (low, high) = Vector256.Widen(Vector256.Min(Vector256.LoadUnsafe(ref cell, (nuint)c), one));
                        Avx2.AddSaturate(Vector256.LoadUnsafe(ref count, (nuint)c), low).StoreUnsafe(ref count, (nuint)c);
                        Avx2.AddSaturate(Vector256.LoadUnsafe(ref count, (nuint)(c + 16)), high).StoreUnsafe(ref count, (nuint)(c + 16));
                    }
                }
                for (; c < cells.Length; c++)
                {
                    if (cells[c] != 0 && counts[c] < ushort.MaxValue) counts[c]++;
                }
            }
        }
    }
}
