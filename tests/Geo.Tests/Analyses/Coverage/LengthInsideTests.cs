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
    public void Measure_randomLinesOnLatticeAreas_agreesWithOverlay(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 20; round++)
        {
            var area = LatticeAreas.Random(random, share: 0.55);
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
