using Geo.Data.Subdistricts;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data.Subdistricts;

/// <summary>
/// The hull of the candidates is the hull of every point, vertex for vertex: on random clouds, on grids whose hull
/// edges are lined with points, with repeated points, and on degenerate sets (a line, one point).
/// </summary>
public class HullCandidatesTests
{
    [Theory]
    [InlineData(1, "cloud")]
    [InlineData(2, "cloud")]
    [InlineData(3, "grid")]
    [InlineData(4, "grid")]
    [InlineData(5, "disc")]
    [InlineData(6, "line")]
    [InlineData(7, "point")]
    public void Of_hullOfTheCandidates_isTheHullOfEveryPoint(int seed, string shape)
    {
        var random = new Random(seed);
        int n = 20_000;
        var (xs, ys) = (new float[n], new float[n]);
        for (int i = 0; i < n; i++)
        {
            (double x, double y) = shape switch
            {
                "cloud" => (random.NextDouble() * 30_000 - 15_000, random.NextDouble() * 20_000 - 4_000),
                "grid" => (random.Next(-40, 41) * 125.0, random.Next(-25, 26) * 125.0),
                "disc" => Disc(random),
                "line" => (random.Next(1000) * 3.0, random.Next(1000) * -1.5 + 7),
                _ => (1234.5, -678.25),
            };
            if (shape == "line") y = -0.5 * x + 7;
            (xs[i], ys[i]) = ((float)x, (float)y);
        }
        var factory = new GeometryFactory();
        var every = new ConvexHull(Enumerable.Range(0, n).Select(i => new Coordinate(xs[i], ys[i])).ToArray(), factory).GetConvexHull();

        var candidates = HullCandidates.Of(xs, ys);
        var hull = new ConvexHull(candidates, factory).GetConvexHull();

        Assert.True(every.EqualsExact(hull), $"{shape}: hull of every point {every}, of the candidates {hull}");
        if (shape is "cloud" or "grid" or "disc") Assert.True(candidates.Length < n / 4, $"{candidates.Length} of {n} points kept");
    }

    private static (double X, double Y) Disc(Random random)
    {
        double angle = random.NextDouble() * 2 * Math.PI, radius = 5_000 * Math.Sqrt(random.NextDouble());
        return (radius * Math.Cos(angle), radius * Math.Sin(angle));
    }
}
