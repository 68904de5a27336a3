using Geo.Analyses.ServiceAreas.Cells;
using Geo.Coordinates;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.ServiceAreas.Cells;

/// <summary>
/// Overlap parts against the plain way: for each count, a mask over every visited cell holding the cells with that
/// count; traced straight to lon/lat, the parts are the plain way's turned to lon/lat afterwards.
/// </summary>
public class CellOverlapTests
{
    [Fact]
    public void Parts_randomCounts_equalEachCountTracedOverTheWholeBounds()
    {
        var grid = new CellGrid(0, 0, 1000, 800, 10);
        var lattice = new LonLatLattice(new LocalProjection(104.07, 30.66), 1_000, -2_000, new Envelope(-5_000, 5_000, -5_000, 5_000));
        for (int seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            int threads = random.Next(1, 4);
            var counts = Enumerable.Range(0, threads).Select(_ => new ushort[grid.Width * grid.Height]).ToList();
            // Discs of stations, so counts nest and each count's cells gather in a few places; a few stray cells too.
            for (int s = random.Next(0, 25); s > 0; s--)
            {
                var part = counts[random.Next(threads)];
                int cx = random.Next(grid.Width), cy = random.Next(grid.Height), radius = random.Next(1, 30);
                for (int r = Math.Max(0, cy - radius); r <= Math.Min(grid.Height - 1, cy + radius); r++)
                for (int c = Math.Max(0, cx - radius); c <= Math.Min(grid.Width - 1, cx + radius); c++)
                {
                    if ((r - cy) * (r - cy) + (c - cx) * (c - cx) <= radius * radius) part[r * grid.Width + c]++;
                }
            }
            for (int stray = random.Next(0, 20); stray > 0; stray--) counts[0][random.Next(counts[0].Length)]++;
            var bounds = (C0: random.Next(0, 10), R0: random.Next(0, 10), C1: grid.Width - 1 - random.Next(0, 10), R1: grid.Height - 1 - random.Next(0, 10));

            var expected = new List<(int Count, NetTopologySuite.Geometries.Geometry Area, double Km2)>();
            int w = bounds.C1 - bounds.C0 + 1, h = bounds.R1 - bounds.R0 + 1;
            for (int k = 1; k < 200; k++)
            {
                var mask = new CellMask(grid, bounds.C0, bounds.R0, w, h);
                int n = 0;
                for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                {
                    int total = counts.Sum(p => p[(bounds.R0 + r) * grid.Width + bounds.C0 + c]);
                    if (total != k) continue;
                    mask.Cells[r * w + c] = 1;
                    n++;
                }
                if (n == 0) continue;
                mask.RemoveDiagonals();
                expected.Add((k, CellTracer.Trace(mask), n * grid.CellAreaKm2));
            }

            var actual = CellOverlap.Parts(grid, counts, bounds).ToList();
            var inLonLat = CellOverlap.Parts(grid, counts, bounds, lattice).ToList();

            Assert.Equal(expected.Select(e => e.Count), actual.Select(a => a.Count));
            Assert.Equal(expected.Select(e => e.Count), inLonLat.Select(a => a.Count));
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Km2, actual[i].AreaKm2);
                Assert.True(expected[i].Area.EqualsExact(actual[i].Area), $"seed {seed}, {expected[i].Count} stations: the parts differ");
                Assert.True(lattice.ToLonLat(expected[i].Area).EqualsExact(inLonLat[i].Area), $"seed {seed}, {expected[i].Count} stations: the lon/lat parts differ");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Parts_noCellCovered_none(int threads)
    {
        var grid = new CellGrid(0, 0, 1000, 800, 10);
        var counts = Enumerable.Range(0, threads).Select(_ => new ushort[grid.Width * grid.Height]).ToList();

        Assert.Empty(CellOverlap.Parts(grid, counts, (0, 0, grid.Width - 1, grid.Height - 1)));
    }
}
