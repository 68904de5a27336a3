using System.Globalization;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Coordinates;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Geo.Tests.Analyses.ServiceAreas.Cells;

public class CellTracerTests
{
    private static readonly CellGrid Grid = new(0, 0, 1000, 1000, 10);

    /// <summary>Random cells, with blobs so that holes, islands inside holes and diagonal touches all occur.</summary>
    private static CellMask RandomMask(int seed)
    {
        var random = new Random(seed);
        int w = random.Next(1, 40), h = random.Next(1, 40);
        var mask = new CellMask(Grid, random.Next(0, 5), random.Next(0, 5), w, h);
        double density = random.NextDouble();
        for (int i = 0; i < mask.Cells.Length; i++) mask.Cells[i] = (byte)(random.NextDouble() < density ? 1 : 0);
        if (seed % 3 == 0)
        {
            // Rings of cells nested in one another: an outer ring, a hole, an island in the hole, a hole in the island.
            Array.Clear(mask.Cells);
            for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                int ring = Math.Min(Math.Min(r, c), Math.Min(h - 1 - r, w - 1 - c));
                if (ring % 4 < 2) mask.Cells[r * w + c] = 1;
            }
        }
        return mask;
    }

    /// <summary>The textbook rule: whole row-major passes until a pass fills nothing.</summary>
    private static void RemoveDiagonalsByFullPasses(CellMask mask)
    {
        int w = mask.Width;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int r = 0; r + 1 < mask.Height; r++)
            for (int c = 0; c + 1 < w; c++)
            {
                int i = r * w + c;
                var m = mask.Cells;
                if (m[i] != 0 && m[i + w + 1] != 0 && m[i + 1] == 0 && m[i + w] == 0) { m[i + 1] = 1; changed = true; }
                else if (m[i + 1] != 0 && m[i + w] != 0 && m[i] == 0 && m[i + w + 1] == 0) { m[i] = 1; changed = true; }
            }
        }
    }

    [Fact]
    public void RemoveDiagonals_randomMasks_fillsTheSameCellsAsFullPasses()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var mask = RandomMask(seed);
            var reference = new CellMask(Grid, mask.Column0, mask.Row0, mask.Width, mask.Height);
            mask.Cells.CopyTo(reference.Cells, 0);
            mask.RemoveDiagonals();
            RemoveDiagonalsByFullPasses(reference);
            Assert.True(mask.Cells.AsSpan().SequenceEqual(reference.Cells), $"seed {seed}");
        }
    }

    [Fact]
    public void RemoveDiagonals_wideSparseMasks_fillsTheSameCellsAsFullPasses()
    {
        // Rows wide enough for stretches of 32 blocks to be told free of diagonals at once, and sparse enough for most to be.
        for (int seed = 0; seed < 120; seed++)
        {
            var random = new Random(seed);
            int w = random.Next(33, 300), h = random.Next(2, 30);
            var mask = new CellMask(Grid, 0, 0, w, h);
            double density = random.NextDouble() * 0.2;
            for (int i = 0; i < mask.Cells.Length; i++) mask.Cells[i] = (byte)(random.NextDouble() < density ? 1 : 0);
            // A diagonal right at the edge of a stretch, whose fill the next stretch must see.
            int r = random.Next(0, h - 1), c = 31 + 32 * random.Next(0, (w - 33) / 32 + 1);
            if (c + 1 < w) (mask.Cells[r * w + c], mask.Cells[(r + 1) * w + c + 1]) = ((byte)1, (byte)1);
            var reference = new CellMask(Grid, 0, 0, w, h);
            mask.Cells.CopyTo(reference.Cells, 0);

            mask.RemoveDiagonals();
            RemoveDiagonalsByFullPasses(reference);

            Assert.True(mask.Cells.AsSpan().SequenceEqual(reference.Cells), $"seed {seed}");
        }
    }

    [Fact]
    public void RemoveDiagonals_staircase_cascadesDownwardAcrossPasses()
    {
        // Filling a cell of a lower row can create a new diagonal with the row below it, which a later pass fixes.
        //   row 3: . . . #
        //   row 2: . . # .
        //   row 1: . # . .
        //   row 0: # . . .
        var mask = new CellMask(Grid, 0, 0, 4, 4);
        foreach (var (c, r) in new[] { (0, 0), (1, 1), (2, 2), (3, 3) }) mask.Cells[r * 4 + c] = 1;
        var reference = new CellMask(Grid, 0, 0, 4, 4);
        mask.Cells.CopyTo(reference.Cells, 0);
        mask.RemoveDiagonals();
        RemoveDiagonalsByFullPasses(reference);
        Assert.Equal(reference.Cells, mask.Cells);
        Assert.True(mask.CountCovered() > 4);
    }

    [Fact]
    public void Trace_randomMasks_equalsTheUnionOfTheCoveredSquares()
    {
        var factory = new GeometryFactory();
        for (int seed = 0; seed < 150; seed++)
        {
            var mask = RandomMask(seed);
            mask.RemoveDiagonals();
            var traced = CellTracer.Trace(mask);
            double cell = Grid.CellMeters;
            var squares = new List<Geometry>();
            for (int r = 0; r < mask.Height; r++)
            for (int c = 0; c < mask.Width; c++)
            {
                if (!mask[c, r]) continue;
                double x = Grid.MinX + (mask.Column0 + c) * cell, y = Grid.MinY + (mask.Row0 + r) * cell;
                squares.Add(factory.ToGeometry(new Envelope(x, x + cell, y, y + cell)));
            }
            if (squares.Count == 0)
            {
                Assert.True(traced.IsEmpty, $"seed {seed}");
                continue;
            }
            var union = CascadedPolygonUnion.Union(squares);
            Assert.True(traced.IsValid, $"seed {seed}: traced polygons are not valid");
            Assert.Equal(squares.Count * cell * cell, traced.Area, 6);
            Assert.True(union.SymmetricDifference(traced).Area < 1e-6, $"seed {seed}: traced polygons differ from the cells");
            Assert.Equal(union.NumGeometries, traced.NumGeometries);
            for (int p = 0; p < traced.NumGeometries; p++)
            {
                var polygon = (Polygon)traced.GetGeometryN(p);
                Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence), $"seed {seed}: outer ring not counter-clockwise");
                Assert.All(polygon.Holes, hole => Assert.False(Orientation.IsCCW(hole.CoordinateSequence), $"seed {seed}: hole not clockwise"));
            }
        }
    }

    /// <summary>Masks wider than a 64-cell word, with widths at and around its multiples, long runs and short ones.</summary>
    private static CellMask WideMask(int seed)
    {
        var random = new Random(seed);
        int[] widths = { 63, 64, 65, 127, 128, 129, 200 };
        int w = seed % 2 == 0 ? widths[random.Next(widths.Length)] : random.Next(1, 300), h = random.Next(1, 30);
        var mask = new CellMask(Grid, random.Next(0, 5), random.Next(0, 5), w, h);
        double gap = random.NextDouble() * 0.3, fill = random.NextDouble() * 0.3;
        for (int r = 0; r < h; r++)
        {
            bool covered = random.Next(2) == 0;
            for (int c = 0; c < w; c++)
            {
                if (random.NextDouble() < (covered ? gap : fill)) covered = !covered;
                mask.Cells[r * w + c] = (byte)(covered ? 1 : 0);
            }
        }
        return mask;
    }

    /// <summary>
    /// The textbook trace: every cell side between a covered and an uncovered cell is an edge, covered cell on the
    /// left; rings are walked from their lowest corner, leftmost on that row of corners, with a point wherever the
    /// boundary turns (and none at the start when it lies mid-way along a straight line).
    /// </summary>
    private static List<string> RingsByEveryEdge(CellMask mask)
    {
        int w = mask.Width, h = mask.Height, stride = w + 1;
        bool Covered(int c, int r) => c >= 0 && r >= 0 && c < w && r < h && mask[c, r];
        var next = new Dictionary<int, int>();
        for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++)
        {
            if (!Covered(c, r)) continue;
            int bl = r * stride + c, br = bl + 1, tl = bl + stride, tr = tl + 1;
            if (!Covered(c, r - 1)) next.Add(bl, br);
            if (!Covered(c + 1, r)) next.Add(br, tr);
            if (!Covered(c, r + 1)) next.Add(tr, tl);
            if (!Covered(c - 1, r)) next.Add(tl, bl);
        }
        double cell = Grid.CellMeters, x0 = Grid.MinX + mask.Column0 * cell, y0 = Grid.MinY + mask.Row0 * cell;
        var rings = new List<string>();
        foreach (int start in next.Keys.Order().ToList())
        {
            if (!next.ContainsKey(start)) continue;
            var corners = new List<int>();
            int v = start;
            do
            {
                corners.Add(v);
                int to = next[v];
                next.Remove(v);
                v = to;
            }
            while (v != start);
            var points = new List<(double X, double Y)>();
            for (int i = 0; i < corners.Count; i++)
            {
                int before = corners[(i + corners.Count - 1) % corners.Count], at = corners[i], after = corners[(i + 1) % corners.Count];
                if (i == 0 || at - before != after - at) points.Add((x0 + at % stride * cell, y0 + at / stride * cell));
            }
            int first = corners[0];
            if (points.Count > 1 && first - corners[^1] == corners[1] - first) points.RemoveAt(0);
            points.Add(points[0]);
            rings.Add(string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y}"))));
        }
        return rings;
    }

    private static List<string> RingsOf(Geometry traced) =>
        Enumerable.Range(0, traced.NumGeometries).Select(i => (Polygon)traced.GetGeometryN(i))
            .SelectMany(p => new[] { p.Shell }.Concat(p.Holes))
            .Select(ring => string.Join(" ", ring.Coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X},{c.Y}"))))
            .ToList();

    [Fact]
    public void Trace_randomMasks_ringsAreThoseOfAWalkAlongEveryCellEdge()
    {
        for (int seed = 0; seed < 400; seed++)
        {
            var mask = seed % 2 == 0 ? RandomMask(seed) : WideMask(seed);
            mask.RemoveDiagonals();
            var expected = RingsByEveryEdge(mask);
            var actual = RingsOf(CellTracer.Trace(mask));
            Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)),
                $"seed {seed}: {actual.Count} rings traced, {expected.Count} expected");
        }
    }

    [Fact]
    public void Trace_withLonLat_equalsTheLocalOutlineTurnedToLonLatToTheLastBit()
    {
        var lattice = new LonLatLattice(new LocalProjection(104.07, 30.66), 1_000, -2_000, new Envelope(-5_000, 5_000, -5_000, 5_000));
        for (int seed = 0; seed < 120; seed++)
        {
            var mask = seed % 2 == 0 ? RandomMask(seed) : WideMask(seed);
            mask.RemoveDiagonals();
            var expected = lattice.ToLonLat(CellTracer.Trace(mask));
            var actual = CellTracer.Trace(mask, lattice);
            Assert.Equal(expected.GeometryType, actual.GeometryType);
            Assert.Equal(4326, actual.SRID);
            Assert.True(expected.EqualsExact(actual), $"seed {seed}: the lon/lat outlines differ");
            Assert.Equal(expected.NumPoints, actual.NumPoints);
        }
    }

    [Fact]
    public void Trace_withLonLat_keepsRingsAsCorners_andAWindowBeyond16BitsOfCornersAsDoubles()
    {
        var lattice = new LonLatLattice(new LocalProjection(104.07, 30.66), 1_000, -2_000, new Envelope(-5_000, 5_000, -5_000, 5_000));
        var station = RandomMask(4);
        station.RemoveDiagonals();
        Assert.All(Rings(CellTracer.Trace(station, lattice)), r => Assert.IsType<LatticeRingSequence>(r.CoordinateSequence));

        // 70,000 cells of 10 cm across: 70,001 corners a row, more than 16 bits hold.
        var grid = new CellGrid(-4_000, -1_000, 4_000, 1_000, 0.1);
        var wide = new CellMask(grid, 5, 3, 70_000, 3);
        for (int c = 0; c < wide.Width; c++) wide.Cells[wide.Width + c] = (byte)(c % 997 == 0 ? 0 : 1);
        for (int c = 0; c < wide.Width; c++) wide.Cells[c] = wide.Cells[2 * wide.Width + c] = (byte)(c % 5000 < 4000 ? 1 : 0);
        wide.RemoveDiagonals();

        var expected = lattice.ToLonLat(CellTracer.Trace(wide));
        var actual = CellTracer.Trace(wide, lattice);

        Assert.True(expected.EqualsExact(actual), "the wide window's lon/lat outline differs");
        Assert.All(Rings(actual), r => Assert.IsType<NetTopologySuite.Geometries.Implementation.PackedDoubleCoordinateSequence>(r.CoordinateSequence));
    }

    private static IEnumerable<LineString> Rings(Geometry traced) =>
        Enumerable.Range(0, traced.NumGeometries).Select(i => (Polygon)traced.GetGeometryN(i)).SelectMany(p => p.Holes.Prepend(p.Shell));

    [Fact]
    public void Trace_maskWithMoreCornersThanAreKept_ringsAreThoseOfAWalkAlongEveryCellEdge()
    {
        // 1,031 × 1,031 corners, past the 2^20 whose links are kept between traces: these links live outside the heap.
        var random = new Random(7);
        var mask = new CellMask(new CellGrid(0, 0, 20_000, 20_000, 10), 2, 1, 1_030, 1_030);
        for (int r = 0; r < mask.Height; r++)
        {
            bool covered = random.Next(2) == 0;
            for (int c = 0; c < mask.Width; c++)
            {
                // Runs along the rows, and every 97th row and column left open, so rings of every size and holes occur.
                if (random.NextDouble() < 0.05) covered = !covered;
                mask.Cells[r * mask.Width + c] = (byte)(covered && r % 97 != 0 && c % 97 != 0 ? 1 : 0);
            }
        }
        mask.Cells[0] = mask.Cells[^1] = 1;
        mask.RemoveDiagonals();

        var expected = RingsByEveryEdge(mask);
        var actual = RingsOf(CellTracer.Trace(mask));

        Assert.True(expected.Count > 1_000, $"only {expected.Count} rings");
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)),
            $"{actual.Count} rings traced, {expected.Count} expected");
    }

    [Fact]
    public void Trace_cityWideMask_givesEveryBarOfCellsAsOneRectangle()
    {
        // 3.4 million corners and 1.6 million runs: the working arrays come from the heap, not the shared pool.
        var grid = new CellGrid(0, 0, 30_000, 20_000, 10);
        int w = 2100, h = 1600;
        var mask = new CellMask(grid, 3, 2, w, h);
        for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++)
        {
            mask.Cells[r * w + c] = (byte)(c % 2 == 0 && r % 40 < 39 ? 1 : 0);
        }
        var expected = new HashSet<Envelope>();
        for (int c = 0; c < w; c += 2)
        for (int top = 0; top < h; top += 40)
        {
            int rows = Math.Min(39, h - top);
            double x = grid.MinX + (3 + c) * 10, y = grid.MinY + (2 + top) * 10;
            expected.Add(new Envelope(x, x + 10, y, y + 10 * rows));
        }

        var traced = CellTracer.Trace(mask);

        Assert.Equal(expected.Count, traced.NumGeometries);
        for (int p = 0; p < traced.NumGeometries; p++)
        {
            var polygon = (Polygon)traced.GetGeometryN(p);
            Assert.Empty(polygon.Holes);
            Assert.Equal(polygon.EnvelopeInternal.Area, polygon.Area, 6);
            Assert.True(expected.Remove(polygon.EnvelopeInternal), $"polygon {p}: {polygon.EnvelopeInternal} is no bar of the mask");
        }
        Assert.Empty(expected);
    }

    [Fact]
    public void Trace_islandInAHole_isItsOwnPolygonAndTheHoleStaysWithTheOuterRing()
    {
        //   # # # # #
        //   # . . . #
        //   # . # . #
        //   # . . . #
        //   # # # # #
        var mask = new CellMask(Grid, 0, 0, 5, 5);
        for (int r = 0; r < 5; r++)
        for (int c = 0; c < 5; c++)
        {
            if (r == 0 || c == 0 || r == 4 || c == 4 || (r == 2 && c == 2)) mask.Cells[r * 5 + c] = 1;
        }
        var traced = CellTracer.Trace(mask);
        Assert.Equal(2, traced.NumGeometries);
        var outer = (Polygon)traced.GetGeometryN(0);
        var island = (Polygon)traced.GetGeometryN(1);
        Assert.Equal(1, outer.NumInteriorRings);
        Assert.Equal(0, island.NumInteriorRings);
        Assert.Equal(100, island.Area, 9);
        Assert.Equal(1600, outer.Area, 9);
    }
}
