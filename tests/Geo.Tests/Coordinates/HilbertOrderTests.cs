using Geo.Coordinates;

namespace Geo.Tests.Coordinates;

public class HilbertOrderTests
{
    [Fact]
    public void Of_aShuffledSquareLattice_stepsToANeighbourEveryTime()
    {
        // 16 × 16 points over any extent fill the curve's first four levels one point a cell: along a Hilbert curve
        // each cell's successor shares a side with it (a row-by-row or Z order jumps).
        var random = new Random(3);
        var lattice = Enumerable.Range(0, 256).Select(k => (Column: k % 16, Row: k / 16)).OrderBy(_ => random.Next()).ToArray();
        var x = lattice.Select(p => 431_250.0 + 37.5 * p.Column).ToArray();
        var y = lattice.Select(p => 3_380_000.0 + 37.5 * p.Row).ToArray();

        var order = HilbertOrder.Of(x, y);

        Assert.Equal(Enumerable.Range(0, 256), order.Order());
        for (int k = 1; k < order.Length; k++)
        {
            var (a, b) = (lattice[order[k - 1]], lattice[order[k]]);
            Assert.True(Math.Abs(a.Column - b.Column) + Math.Abs(a.Row - b.Row) == 1, $"step {k}: ({a.Column}, {a.Row}) to ({b.Column}, {b.Row})");
        }
    }

    [Fact]
    public void Of_pointsInOnePlace_keepTheirOrder_andOnePointOrNoneIsOrdered()
    {
        var order = HilbertOrder.Of(new double[] { 5, 1, 5, 5, 1 }, new double[] { 5, 1, 5, 5, 1 });

        Assert.Equal(new[] { 1, 4, 0, 2, 3 }, order);
        Assert.Equal(new[] { 0 }, HilbertOrder.Of(new double[] { 7 }, new double[] { 8 }));
        Assert.Empty(HilbertOrder.Of(Array.Empty<double>(), Array.Empty<double>()));
    }
}
