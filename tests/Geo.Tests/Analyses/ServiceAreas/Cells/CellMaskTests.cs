using Geo.Analyses.ServiceAreas.Cells;

namespace Geo.Tests.Analyses.ServiceAreas.Cells;

public class CellMaskTests
{
    private static readonly CellGrid Grid = new(0, 0, 1000, 1000, 10);

    [Fact]
    public void Reusing_aBufferOfAnEarlierLargerWindow_startsBlankAndTracesAsAFreshMask()
    {
        var random = new Random(3);
        var buffer = Array.Empty<byte>();
        foreach (var (w, h) in new[] { (30, 20), (7, 9), (31, 21), (5, 4) })
        {
            var reused = CellMask.Reusing(ref buffer, Grid, 2, 3, w, h);
            var fresh = new CellMask(Grid, 2, 3, w, h);
            Assert.Equal(0, reused.CountCovered());
            for (int i = 0; i < w * h; i++) reused.Cells[i] = fresh.Cells[i] = (byte)(random.Next(3) == 0 ? 1 : 0);
            // What lies beyond this window in the buffer is another station's and must not count.
            Array.Fill(buffer, (byte)1, w * h, buffer.Length - w * h);

            reused.RemoveDiagonals();
            fresh.RemoveDiagonals();
            Assert.Equal(fresh.CountCovered(), reused.CountCovered());
            Assert.True(CellTracer.Trace(fresh).EqualsExact(CellTracer.Trace(reused)), $"{w}×{h}");
        }
        Assert.True(buffer.Length >= 31 * 21);
    }

    [Fact]
    public void Include_coversWhatEitherWindowCovered_overTheirOverlapOnly_andCountsCoveredCells()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            // Windows from a few cells to longer than several vectors, overlapping in part, in whole or not at all.
            var target = RandomMask(random, random.Next(0, 80), random.Next(0, 80), random.Next(1, 150), random.Next(1, 40));
            var source = RandomMask(random, random.Next(0, 80), random.Next(0, 80), random.Next(1, 150), random.Next(1, 40));
            var expected = (byte[])target.Cells.Clone();
            for (int r = 0; r < target.Height; r++)
            {
                for (int c = 0; c < target.Width; c++)
                {
                    if (source[target.Column0 + c - source.Column0, target.Row0 + r - source.Row0]) expected[r * target.Width + c] = 1;
                }
            }
            var sourceBefore = (byte[])source.Cells.Clone();

            target.Include(source);

            Assert.Equal(expected, target.Cells);
            Assert.Equal(sourceBefore, source.Cells);
            Assert.Equal(expected.Count(c => c != 0), target.CountCovered());
        }
    }

    private static CellMask RandomMask(Random random, int column0, int row0, int width, int height)
    {
        var mask = new CellMask(Grid, column0, row0, width, height);
        double share = random.NextDouble();
        for (int i = 0; i < mask.Cells.Length; i++) mask.Cells[i] = (byte)(random.NextDouble() < share ? 1 : 0);
        return mask;
    }
}
