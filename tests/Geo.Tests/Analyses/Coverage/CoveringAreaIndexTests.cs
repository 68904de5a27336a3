using Geo.Analyses.Coverage;
using Geo.Analyses.Pairing;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// The lowest-index covering area of a point, against every area's own Covers taken one by one, and against the
/// prepared-geometry locator the audit used before: on jittered cells sharing their edges (some with holes, some in two
/// parts), concave stars and one large area lying over the others, at random points, at every vertex, at the midpoint
/// of every edge (exactly on it) and inside and on the holes, from several threads at once.
/// </summary>
public class CoveringAreaIndexTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void First_isTheLowestIndexWhoseAreaCoversThePoint(int seed)
    {
        var random = new Random(seed);
        var areas = Areas(random);
        var points = Points(areas, random);
        var index = new CoveringAreaIndex(areas);
        var prepared = new SubdistrictLocator(areas, 0);

        var found = new int[points.Count];
        Parallel.For(0, points.Count, k => found[k] = index.First(points[k].X, points[k].Y));
        int onBoundary = 0, outside = 0;
        for (int k = 0; k < points.Count; k++)
        {
            var point = Factory.CreatePoint(points[k]);
            int expected = -1;
            for (int i = 0; i < areas.Count && expected < 0; i++) if (areas[i].Covers(point)) expected = i;
            Assert.True(expected == found[k], $"point {points[k]}: expected area {expected}, found {found[k]}");
            Assert.Equal(prepared.First(point), found[k]);
            if (expected < 0) outside++;
            else if (areas[expected].Boundary.Intersects(point)) onBoundary++;
        }
        Assert.True(onBoundary > 500, $"only {onBoundary} points on a boundary");
        Assert.True(outside > 50, $"only {outside} points outside every area");
    }

    [Fact]
    public void First_withNoAreasOrEmptyOnes_findsNone()
    {
        Assert.Equal(-1, new CoveringAreaIndex(Array.Empty<Geometry>()).First(1, 2));
        var areas = new Geometry[] { Factory.CreatePolygon(), Square(0, 0, 10) };
        var index = new CoveringAreaIndex(areas);
        Assert.Equal(1, index.First(5, 5));
        Assert.Equal(1, index.First(10, 0));
        Assert.Equal(-1, index.First(10.000001, 5));
    }

    private static List<Geometry> Areas(Random random)
    {
        const int n = 12, size = 100;
        var corners = new Coordinate[n + 1, n + 1];
        for (int i = 0; i <= n; i++)
        {
            for (int j = 0; j <= n; j++) corners[i, j] = new Coordinate(i * size + random.Next(-30, 31), j * size + random.Next(-30, 31));
        }
        var areas = new List<Geometry>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                var shell = Factory.CreateLinearRing(new[] { corners[i, j], corners[i + 1, j], corners[i + 1, j + 1], corners[i, j + 1], corners[i, j] }.Select(c => c.Copy()).ToArray());
                var centre = shell.Centroid.Coordinate;
                Geometry cell = (i + j) % 3 == 0
                    ? Factory.CreatePolygon(shell, new[] { (LinearRing)Square(Math.Round(centre.X) - 10, Math.Round(centre.Y) - 10, 20).ExteriorRing.Reverse() })
                    : Factory.CreatePolygon(shell);
                if ((i * n + j) % 17 == 5) cell = Factory.CreateMultiPolygon(new[] { (Polygon)cell, Square(i * size, -400 - j * 30, 25) });
                areas.Add(cell);
            }
        }
        for (int s = 0; s < 6; s++) areas.Add(Star(random, random.Next(0, n * size), random.Next(0, n * size)));
        // One large area over many cells, in the middle of the list: points under it belong to the lower indices first.
        areas.Insert(areas.Count / 2, Square(250, 250, 500));
        return areas;
    }

    private static List<Coordinate> Points(List<Geometry> areas, Random random)
    {
        var points = new List<Coordinate>();
        var extent = new Envelope();
        foreach (var a in areas) extent.ExpandToInclude(a.EnvelopeInternal);
        for (int k = 0; k < 4000; k++) points.Add(new Coordinate(extent.MinX - 50 + random.NextDouble() * (extent.Width + 100), extent.MinY - 50 + random.NextDouble() * (extent.Height + 100)));
        foreach (var a in areas)
        {
            var c = a.Coordinates;
            points.AddRange(c.Select(p => p.Copy()));
            for (int k = 1; k < c.Length; k++) points.Add(new Coordinate((c[k - 1].X + c[k].X) / 2, (c[k - 1].Y + c[k].Y) / 2));
        }
        return points;
    }

    private static Polygon Square(double x, double y, double side) =>
        Factory.CreatePolygon(new[] { new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y) });

    private static Polygon Star(Random random, double x, double y)
    {
        int spikes = random.Next(5, 40);
        var ring = new Coordinate[2 * spikes + 1];
        for (int k = 0; k < 2 * spikes; k++)
        {
            double angle = Math.PI * k / spikes, radius = k % 2 == 0 ? random.Next(60, 200) : random.Next(10, 50);
            ring[k] = new Coordinate(Math.Round(x + radius * Math.Cos(angle)), Math.Round(y + radius * Math.Sin(angle)));
        }
        ring[^1] = ring[0].Copy();
        return Factory.CreatePolygon(ring);
    }
}
