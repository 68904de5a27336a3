using Geo.Analyses.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// A polygon's area inside a rectangle, checked against an overlay, on random concave polygons with holes made of
/// lattice squares and rectangles whose sides run along the polygons' edges, through their vertices, or anywhere.
/// </summary>
public sealed class RectangleClipTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void AreaInside_randomPolygonsAndRectangles_agreesWithOverlay(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 20; round++)
        {
            var area = LatticeArea(random);
            for (int p = 0; p < area.NumGeometries; p++)
            {
                var polygon = (Polygon)area.GetGeometryN(p);
                for (int r = 0; r < 10; r++)
                {
                    var rectangle = random.Next(2) == 0 ? HalfLatticeRectangle(random) : FreeRectangle(random);
                    double expected = OverlayNGRobust.Overlay(polygon, Factory.ToGeometry(rectangle), SpatialFunction.Intersection).Area;

                    Assert.Equal(expected, RectangleClip.AreaInside(polygon, rectangle), 9);
                }
            }
        }
    }

    [Fact]
    public void AreaInside_holeCutByTheRectangle_leavesOnlyTheRing()
    {
        var shell = Factory.CreateLinearRing(new[] { new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(10, 10), new Coordinate(0, 10), new Coordinate(0, 0) });
        var hole = Factory.CreateLinearRing(new[] { new Coordinate(2, 2), new Coordinate(2, 8), new Coordinate(8, 8), new Coordinate(8, 2), new Coordinate(2, 2) });
        var frame = Factory.CreatePolygon(shell, new[] { hole });

        Assert.Equal(50 - 18, RectangleClip.AreaInside(frame, new Envelope(0, 5, 0, 10)), 12);
        Assert.Equal(0, RectangleClip.AreaInside(frame, new Envelope(3, 7, 3, 7)), 12);
        Assert.Equal(0, RectangleClip.AreaInside(frame, new Envelope(20, 30, 0, 10)), 12);
        Assert.Equal(64, RectangleClip.AreaInside(frame, new Envelope(-5, 15, -5, 15)), 12);
    }

    [Fact]
    public void IsAxisAligned_acceptsOnlyRectanglesWithoutHoles()
    {
        Assert.True(RectangleClip.IsAxisAligned(Factory.ToGeometry(new Envelope(0, 1000, 0, 1000))));
        Assert.True(RectangleClip.IsAxisAligned(Polygon((0, 0), (1000, 1e-9), (1000 - 1e-9, 1000), (0, 1000))));
        Assert.False(RectangleClip.IsAxisAligned(Polygon((0, 0), (1000, 0.01), (1000, 1000), (0, 1000))));
        Assert.False(RectangleClip.IsAxisAligned(Polygon((0, 0), (1000, 0), (900, 1000), (0, 1000))));
        Assert.False(RectangleClip.IsAxisAligned(Polygon((500, 0), (1000, 500), (500, 1000), (0, 500))));
        Assert.False(RectangleClip.IsAxisAligned(Polygon((0, 0), (1000, 0), (1000, 1000), (1000, 0))));
        var hole = Factory.CreateLinearRing(new[] { new Coordinate(2, 2), new Coordinate(2, 8), new Coordinate(8, 8), new Coordinate(8, 2), new Coordinate(2, 2) });
        Assert.False(RectangleClip.IsAxisAligned(Factory.CreatePolygon(((Polygon)Factory.ToGeometry(new Envelope(0, 10, 0, 10))).Shell, new[] { hole })));
        Assert.False(RectangleClip.IsAxisAligned(Factory.CreateMultiPolygon(new[] { (Polygon)Factory.ToGeometry(new Envelope(0, 10, 0, 10)) })));
    }

    private static Polygon Polygon(params (double X, double Y)[] corners) =>
        Factory.CreatePolygon(corners.Append(corners[0]).Select(c => new Coordinate(c.X, c.Y)).ToArray());

    private static Geometry LatticeArea(Random random)
    {
        var squares = new List<Geometry>();
        for (int x = 0; x < 6; x++)
        {
            for (int y = 0; y < 6; y++)
            {
                if (random.NextDouble() < 0.6) squares.Add(Factory.ToGeometry(new Envelope(x, x + 1, y, y + 1)));
            }
        }
        if (squares.Count == 0) squares.Add(Factory.ToGeometry(new Envelope(2, 3, 2, 3)));
        return CascadedPolygonUnion.Union(squares);
    }

    private static Envelope HalfLatticeRectangle(Random random)
    {
        double x = random.Next(-2, 12) / 2.0, y = random.Next(-2, 12) / 2.0;
        return new Envelope(x, x + random.Next(1, 8) / 2.0, y, y + random.Next(1, 8) / 2.0);
    }

    private static Envelope FreeRectangle(Random random)
    {
        double x = random.NextDouble() * 7 - 1, y = random.NextDouble() * 7 - 1;
        return new Envelope(x, x + random.NextDouble() * 4 + 0.01, y, y + random.NextDouble() * 4 + 0.01);
    }
}
