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
}
