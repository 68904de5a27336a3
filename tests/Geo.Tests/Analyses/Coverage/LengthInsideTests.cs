using Geo.Analyses.Coverage;
using NetTopologySuite.Geometries;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// The length of a street inside an area, checked against an overlay of the line with the area, on random areas made
/// of lattice squares (holes, touching corners, several parts) and random lines with vertices on a half lattice, so
/// lines run along borders, through border vertices and end on borders.
/// </summary>
public sealed class LengthInsideTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Measure_randomLinesOnLatticeAreas_agreesWithOverlay(int seed) =>
        MeasureAgreesWithOverlay(new Random(seed), random => LatticeAreas.Random(random, share: 0.55));

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Measure_randomLinesOnAreasWithDiagonalSides_agreesWithOverlay(int seed) =>
        MeasureAgreesWithOverlay(new Random(seed), DiagonalArea);

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void ClearOfBoundary_randomBoxes_meansTheBoundaryMissesTheBox(int seed)
    {
        var random = new Random(seed);
        int clearInsideSideEnvelopes = 0, apart = 0, clearBoxes = 0;
        for (int round = 0; round < 20; round++)
        {
            var area = DiagonalArea(random);
            var inside = new LengthInside(area);
            var boundary = area.Boundary;
            for (int b = 0; b < 50; b++)
            {
                double x = random.Next(-2, 22) / 2.0, y = random.Next(-2, 22) / 2.0;
                var box = new Envelope(x, x + random.Next(1, 4) / 2.0, y, y + random.Next(1, 4) / 2.0);
                bool clear = inside.ClearOfBoundary(box), touches = boundary.Intersects(Factory.ToGeometry(box));

                // Clear may be too careful (a corner on a side's line), never too bold.
                if (clear) Assert.False(touches, $"{box} meets the boundary of {area}");
                if (!touches) apart++;
                if (clear) clearBoxes++;
                if (clear && SideEnvelopes(area).Any(e => e.Intersects(box))) clearInsideSideEnvelopes++;
            }
        }
        Assert.True(clearBoxes >= 0.9 * apart, $"{clearBoxes} of {apart} boxes apart from the boundary found clear");
        Assert.True(clearInsideSideEnvelopes > 50, $"{clearInsideSideEnvelopes} clear boxes within a side's envelope");
    }

    [Fact]
    public void ClearOfBoundary_besideALongDiagonalSide_isTrue()
    {
        var triangle = Factory.CreatePolygon(new[] { new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(10, 10), new Coordinate(0, 0) });
        var inside = new LengthInside(triangle);

        Assert.True(inside.ClearOfBoundary(new Envelope(6, 9, 1, 2)));
        Assert.True(inside.ClearOfBoundary(new Envelope(1, 2, 6, 9)));
        Assert.False(inside.ClearOfBoundary(new Envelope(4, 6, 3, 5)));
    }

    [Fact]
    public void Measure_lineAlongTheBorder_isInsideButNotContained()
    {
        var square = Factory.CreatePolygon(new[] { new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(10, 10), new Coordinate(0, 10), new Coordinate(0, 0) });
        var inside = new LengthInside(square);

        Assert.Equal((10.0, false), inside.Measure(new[] { (0.0, 0.0), (10.0, 0.0) }));
        Assert.Equal((10.0, true), inside.Measure(new[] { (0.0, 5.0), (10.0, 5.0) }));
        Assert.Equal((5.0, false), inside.Measure(new[] { (5.0, 5.0), (15.0, 5.0) }));
        Assert.Equal((0.0, false), inside.Measure(new[] { (11.0, 0.0), (20.0, 0.0) }));
    }

    [Fact]
    public void ClearOfBoundary_isFalseOnlyNearTheBorder()
    {
        var square = Factory.CreatePolygon(new[] { new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(10, 10), new Coordinate(0, 10), new Coordinate(0, 0) });
        var inside = new LengthInside(square);

        Assert.True(inside.ClearOfBoundary(new Envelope(2, 8, 2, 8)));
        Assert.False(inside.ClearOfBoundary(new Envelope(2, 10, 2, 8)));
        Assert.True(inside.Contains(5, 5));
        Assert.False(inside.Contains(15, 5));
    }

    /// <summary>Twenty random areas, thirty random lines in each: the length inside and containment, against an overlay.</summary>
    private static void MeasureAgreesWithOverlay(Random random, Func<Random, Geometry> randomArea)
    {
        for (int round = 0; round < 20; round++)
        {
            var area = randomArea(random);
            var inside = new LengthInside(area);
            for (int l = 0; l < 30; l++)
            {
                var points = MonotoneLine(random);
                var line = Factory.CreateLineString(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());
                if (line.Length == 0) continue;

                var (length, contained) = inside.Measure(points);

                Assert.Equal(line.Intersection(area).Length, length, 9);
                Assert.Equal(area.Contains(line), contained);
            }
        }
    }

    /// <summary>
    /// A star-shaped polygon around (5, 5) with corners on a half lattice, so its sides run at every angle and lines
    /// on the same lattice pass through its corners; now and then with a diamond-shaped hole.
    /// </summary>
    private static Geometry DiagonalArea(Random random)
    {
        while (true)
        {
            int corners = random.Next(3, 9);
            var angles = Enumerable.Range(0, corners).Select(_ => random.NextDouble() * 2 * Math.PI).Order().ToArray();
            var ring = angles.Select(a =>
            {
                double r = 1 + random.NextDouble() * 5;
                return new Coordinate(Math.Round(2 * (5 + r * Math.Cos(a))) / 2, Math.Round(2 * (5 + r * Math.Sin(a))) / 2);
            }).ToList();
            ring.Add(ring[0]);
            if (ring.Distinct().Count() < 4) continue;
            Geometry area = Factory.CreatePolygon(ring.ToArray());
            if (!area.IsValid || area.Area <= 0) continue;
            if (random.Next(2) == 0)
            {
                var hole = Factory.CreatePolygon(new[] { new Coordinate(5, 4), new Coordinate(6, 5), new Coordinate(5, 6), new Coordinate(4, 5), new Coordinate(5, 4) });
                area = area.Difference(hole);
            }
            if (area.IsValid && !area.IsEmpty) return area;
        }
    }

    private static IEnumerable<Envelope> SideEnvelopes(Geometry area)
    {
        var boundary = area.Boundary;
        for (int g = 0; g < boundary.NumGeometries; g++)
        {
            var c = boundary.GetGeometryN(g).Coordinates;
            for (int k = 0; k + 1 < c.Length; k++) yield return new Envelope(c[k], c[k + 1]);
        }
    }

    /// <summary>A line that never runs back over itself (streets do not): strictly rising along x or along y.</summary>
    private static List<(double X, double Y)> MonotoneLine(Random random)
    {
        var points = new List<(double X, double Y)>();
        double along = random.Next(-2, 6) / 2.0;
        for (int k = random.Next(2, 6); k > 0; k--)
        {
            points.Add((along, random.Next(-2, 15) / 2.0));
            along += random.Next(1, 5) / 2.0;
        }
        return random.Next(2) == 0 ? points : points.Select(p => (p.Y, p.X)).ToList();
    }
}
