using Geo.Analyses.ServiceAreas;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.ServiceAreas.Cells;

public class PieceStampsTests
{
    /// <summary>
    /// Streets of one to six points, bent at random, some with repeated points, some along an axis, some with points
    /// on cell centres and edges, one in four one-way, and a few eight kilometres long (too tall for the packed runs:
    /// stamped segment by segment).
    /// </summary>
    private static StreetGraph CurvyCity(Random random, int streets)
    {
        var city = new TestCity();
        double Coordinate() => random.Next(3) == 0 ? random.Next(0, 400) * 7.5 : random.NextDouble() * 3000;
        for (int s = 0; s < streets; s++)
        {
            var points = new List<(double X, double Y)> { (Coordinate(), Coordinate()) };
            int count = random.Next(1, 7);
            for (int k = 1; k < count; k++)
            {
                var (x, y) = points[^1];
                points.Add(random.Next(6) switch
                {
                    0 => (x, y),
                    1 => (x + random.Next(-20, 21) * 7.5, y),
                    2 => (x, y + random.Next(-20, 21) * 7.5),
                    _ => (x + (random.NextDouble() - 0.5) * 300, y + (random.NextDouble() - 0.5) * 300),
                });
            }
            if (random.Next(40) == 0) points.Add((points[^1].X + random.NextDouble() * 100, points[^1].Y + 8000));
            if (points.Count == 1) points.Add((points[0].X + 50, points[0].Y + 20));
            // One street in four one-way: stations then reach pieces from one end only, in part.
            city.Street(2 * s + 1, 2 * s + 2, points.ToArray(), oneway: random.Next(4) == 0);
        }
        return StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
    }

    [Fact]
    public void WholePieces_copiedFromTheirRuns_coverTheSameCellsAsStampedSegmentBySegment()
    {
        var random = new Random(41);
        int notKept = 0;
        for (int trial = 0; trial < 12; trial++)
        {
            var graph = CurvyCity(random, 300);
            var pieces = graph.Pieces;
            double lateral = random.Next(2) == 0 ? 60 : 5 + random.NextDouble() * 70;
            var grid = ServiceAreaAnalysis.GridFor(graph, lateral, random.Next(2) == 0 ? lateral / 4 : 3 + random.NextDouble() * 20);
            var whole = PieceStamps.Build(pieces, grid, lateral);
            int copied = 0;
            for (int draw = 0; draw < 40; draw++)
            {
                // Whole pieces, parts of pieces and pieces reached in two parts, as a station's reach holds them.
                var intervals = new List<ReachedInterval>();
                for (int p = 0; p < pieces.Count; p++)
                {
                    double length = pieces.LengthMeters[p];
                    switch (random.Next(5))
                    {
                        case 0 or 1: intervals.Add(new ReachedInterval(p, 0, length)); break;
                        case 2: intervals.Add(new ReachedInterval(p, 0, length * random.NextDouble())); break;
                        case 3: intervals.Add(new ReachedInterval(p, length * random.NextDouble(), length)); break;
                    }
                }
                intervals.RemoveAll(x => x.To <= x.From);
                var (c0, r0, width, height) = CellMask.WindowAround(grid, pieces, intervals, lateral);
                var stamped = new CellMask(grid, c0, r0, width, height);
                var copies = new CellMask(grid, c0, r0, width, height);
                stamped.Stamp(pieces, intervals, lateral);
                copies.Stamp(pieces, intervals, lateral, whole);
                Assert.True(stamped.Cells.AsSpan().SequenceEqual(copies.Cells), $"trial {trial}, draw {draw}: lateral {lateral}, cell {grid.CellMeters}");
                foreach (var x in intervals.Where(x => x.From == 0 && x.To == pieces.LengthMeters[x.Piece]))
                {
                    var probe = new CellMask(grid, c0, r0, width, height);
                    if (whole.TryCover(probe, x.Piece, lateral)) copied++;
                    else notKept++;
                }
            }
            Assert.True(copied > 0, $"trial {trial}: no piece was copied");
        }
        Assert.True(notKept > 0, "no piece too tall for its runs to be packed");
    }

    [Fact]
    public void EachWholePiece_alone_isCopiedAsItsOwnStamp()
    {
        var random = new Random(43);
        var graph = CurvyCity(random, 400);
        var pieces = graph.Pieces;
        const double Lateral = 60;
        var grid = ServiceAreaAnalysis.GridFor(graph, Lateral, Lateral / 4);
        var whole = PieceStamps.Build(pieces, grid, Lateral);
        for (int p = 0; p < pieces.Count; p++)
        {
            var one = new[] { new ReachedInterval(p, 0, pieces.LengthMeters[p]) };
            var (c0, r0, width, height) = CellMask.WindowAround(grid, pieces, one, Lateral);
            var stamped = new CellMask(grid, c0, r0, width, height);
            var copy = new CellMask(grid, c0, r0, width, height);
            stamped.Stamp(pieces, one, Lateral);
            if (!whole.TryCover(copy, p, Lateral)) continue;
            Assert.True(stamped.Cells.AsSpan().SequenceEqual(copy.Cells), $"piece {p}");
            Assert.True(copy.CountCovered() > 0);
        }
    }

    [Fact]
    public void WholePieces_reachedInAnyOrder_areCopiedOnceEach_inAscendingOrderOfNumbers()
    {
        var graph = StreetGraphBuilder.Build(TestCity.Grid(40, 40).ToDataset(), TravelProfile.BuiltIn("ebike"));
        var pieces = graph.Pieces;
        Assert.True(pieces.Count > 3 * 1024);
        var grid = ServiceAreaAnalysis.GridFor(graph, 60, 15);
        var whole = PieceStamps.Build(pieces, grid, 60);
        var random = new Random(47);
        var reached = Enumerable.Range(0, pieces.Count).Where(_ => random.Next(3) > 0).OrderBy(_ => random.Next()).ToList();

        var scratch = PieceStamps.Scratch();
        scratch.AddRange(reached);
        var ordered = whole.InCopyingOrder(scratch).ToArray();
        Assert.Equal(reached.Order(), ordered);

        var intervals = reached.Select(p => new ReachedInterval(p, 0, pieces.LengthMeters[p])).ToList();
        var (c0, r0, width, height) = CellMask.WindowAround(grid, pieces, intervals, 60);
        var stamped = new CellMask(grid, c0, r0, width, height);
        var copies = new CellMask(grid, c0, r0, width, height);
        stamped.Stamp(pieces, intervals, 60);
        copies.Stamp(pieces, intervals, 60, whole);
        Assert.True(stamped.Cells.AsSpan().SequenceEqual(copies.Cells));
    }

    [Fact]
    public void Runs_forAnotherGridOrWidening_areNotUsed()
    {
        var graph = CurvyCity(new Random(44), 50);
        var grid = ServiceAreaAnalysis.GridFor(graph, 60, 15);
        var whole = PieceStamps.Build(graph.Pieces, grid, 60);
        var other = ServiceAreaAnalysis.GridFor(graph, 60, 15);

        Assert.False(whole.TryCover(new CellMask(other, 0, 0, other.Width, other.Height), 0, 60));
        Assert.False(whole.TryCover(new CellMask(grid, 0, 0, grid.Width, grid.Height), 0, 50));
    }

    /// <summary>The intervals' cells in one window of the runs' grid, stamped and copied from the runs, are the same.</summary>
    private static void AssertCopiesCoverWhatStampingCovers(StreetPieces pieces, PieceStamps whole, List<ReachedInterval> intervals,
        (int C0, int R0, int Width, int Height) window, string label)
    {
        var stamped = new CellMask(whole.Grid, window.C0, window.R0, window.Width, window.Height);
        var copies = new CellMask(whole.Grid, window.C0, window.R0, window.Width, window.Height);
        stamped.Stamp(pieces, intervals, whole.Lateral);
        copies.Stamp(pieces, intervals, whole.Lateral, whole);
        Assert.True(stamped.Cells.AsSpan().SequenceEqual(copies.Cells), label);
    }

    [Fact]
    public void APiece_whoseRowsAreNotAllInTheWindow_isNotCopied_andIsStampedCutToTheWindow()
    {
        var graph = CurvyCity(new Random(48), 200);
        var pieces = graph.Pieces;
        var grid = ServiceAreaAnalysis.GridFor(graph, 60, 15);
        var whole = PieceStamps.Build(pieces, grid, 60);
        int cut = 0;
        for (int p = 0; p < pieces.Count; p++)
        {
            var one = new List<ReachedInterval> { new(p, 0, pieces.LengthMeters[p]) };
            var (c0, r0, width, height) = CellMask.WindowAround(grid, pieces, one, 60);
            if (height < 6) continue;
            // The window's lower half only: the piece's upper rows lie outside it.
            var probe = new CellMask(grid, c0, r0, width, height / 2);
            Assert.False(whole.TryCover(probe, p, 60));
            Assert.Equal(0, probe.CountCovered());
            AssertCopiesCoverWhatStampingCovers(pieces, whole, one, (c0, r0, width, height / 2), $"piece {p}");
            cut++;
        }
        Assert.True(cut > 50);
    }

    [Fact]
    public void APiece_inWindowsCutAcrossItsColumnsOrEndingAtItsLastCell_isCoveredAsStamped()
    {
        var graph = CurvyCity(new Random(49), 200);
        var pieces = graph.Pieces;
        var grid = ServiceAreaAnalysis.GridFor(graph, 60, 15);
        var whole = PieceStamps.Build(pieces, grid, 60);
        int windows = 0;
        for (int p = 0; p < pieces.Count; p++)
        {
            var one = new List<ReachedInterval> { new(p, 0, pieces.LengthMeters[p]) };
            var (c0, r0, width, height) = CellMask.WindowAround(grid, pieces, one, 60);
            var full = new CellMask(grid, c0, r0, width, height);
            full.Stamp(pieces, one, 60);
            var covered = Enumerable.Range(0, width * height).Where(i => full.Cells[i] != 0).ToList();
            if (covered.Count == 0 || width < 6) continue;
            int lastRow = covered.Max(i => i / width), lastColumn = covered.Max(i => i % width);
            int firstRow = covered.Min(i => i / width), firstColumn = covered.Min(i => i % width);
            // Cut on the left, cut on the right, and no blank border: the last covered cell is the window's last.
            var cuts = new[]
            {
                (C0: c0 + width / 3, R0: r0, Width: width - width / 3, Height: height),
                (C0: c0, R0: r0, Width: width * 2 / 3, Height: height),
                (C0: c0 + firstColumn, R0: r0 + firstRow, Width: lastColumn - firstColumn + 1, Height: lastRow - firstRow + 1),
            };
            foreach (var cut in cuts)
            {
                AssertCopiesCoverWhatStampingCovers(pieces, whole, one, cut, $"piece {p}, window {cut}");
                windows++;
            }
        }
        Assert.True(windows > 300);
    }

    [Fact]
    public void Build_whenCancelled_stops()
    {
        var graph = CurvyCity(new Random(47), 50);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PieceStamps.Build(graph.Pieces, ServiceAreaAnalysis.GridFor(graph, 60, 15), 60, new ParallelOptions { CancellationToken = cancelled.Token }));
    }

    [Fact]
    public void ServiceAreas_drawnWithAndWithoutCopies_areTheSame()
    {
        var random = new Random(45);
        var graph = CurvyCity(random, 500);
        var snapper = new StreetSnapper(graph, 500);
        var stations = Enumerable.Range(0, 12).Select(i =>
        {
            int v = random.Next(graph.VertexCount);
            var (lon, lat) = graph.VertexLonLat(v);
            // Half on junctions, half beside them.
            return new Station($"s{i}", $"驿站{i}", new NetTopologySuite.Geometries.Point(lon + (i % 2) * 2e-4, lat) { SRID = 4326 });
        }).ToList();
        var minutes = new double[] { 1, 2, 4 };

        var stamped = ServiceAreaAnalysis.Run(snapper, stations, new ServiceAreaOptions(minutes) { CopyWholePieces = false });
        var copied = ServiceAreaAnalysis.Run(snapper, stations, new ServiceAreaOptions(minutes) { CopyWholePieces = true });

        Assert.NotEmpty(stamped.Snapped);
        Assert.Equal(stamped.Areas.Select(a => (a.StationId, a.Minutes, a.AreaKm2, a.StreetKm, a.Area.ToText())),
            copied.Areas.Select(a => (a.StationId, a.Minutes, a.AreaKm2, a.StreetKm, a.Area.ToText())));
        Assert.Equal(stamped.Coverage.Select(c => (c.AreaKm2, c.Area.ToText())), copied.Coverage.Select(c => (c.AreaKm2, c.Area.ToText())));
        Assert.Equal(stamped.Overlap.Select(o => (o.StationsReaching, o.AreaKm2, o.Area.ToText())), copied.Overlap.Select(o => (o.StationsReaching, o.AreaKm2, o.Area.ToText())));
        Assert.Equal(stamped.CoveredCells!.Cells, copied.CoveredCells!.Cells);
    }

    [Fact]
    public void PayOff_whenEachPieceIsStampedMoreThanFourTimes_straightOrBent()
    {
        var straight = StreetGraphBuilder.Build(TestCity.Grid(20, 20).ToDataset(), TravelProfile.BuiltIn("ebike")).Pieces;
        var bent = CurvyCity(new Random(46), 400).Pieces;

        Assert.Equal(straight.Count, straight.PointX.Length - straight.Count);
        Assert.True((double)(bent.PointX.Length - bent.Count) / bent.Count > 1.5);
        foreach (var pieces in new[] { straight, bent })
        {
            Assert.True(PieceStamps.PayOff(pieces, 4.5 * pieces.Count));
            Assert.False(PieceStamps.PayOff(pieces, 3.5 * pieces.Count));
            Assert.False(PieceStamps.PayOff(pieces, 0));
        }
    }
}
