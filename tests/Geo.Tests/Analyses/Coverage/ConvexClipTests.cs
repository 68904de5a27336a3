using Geo.Analyses.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// A polygon's area inside a convex one, checked against an overlay, on random concave polygons with holes made of
/// lattice squares and convex polygons whose sides run along the polygons' edges and through their vertices
/// (rectangles and triangles on a half lattice) or anywhere (random rectangles, rotated squares, hexagons); and the
/// same through a concave unit's triangles.
/// </summary>
public sealed class ConvexClipTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void AreaInside_randomPolygonsAndConvexAreas_agreesWithOverlay(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 20; round++)
        {
            var area = LatticeAreas.Random(random);
            for (int r = 0; r < 10; r++)
            {
                var convex = RandomConvex(random);
                var clip = ConvexClip.For(convex);
                Assert.NotNull(clip);
                for (int p = 0; p < area.NumGeometries; p++)
                {
                    var polygon = (Polygon)area.GetGeometryN(p);
                    double expected = OverlayNGRobust.Overlay(polygon, convex, SpatialFunction.Intersection).Area;

                    Assert.Equal(expected, clip!.AreaInside(polygon), 9);
                }
            }
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void ConvexPieces_concaveUnitsWithHoles_agreeWithOverlay(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 15; round++)
        {
            // Units: lattice unions (concave, with holes, several parts) shifted off the blocks' lattice by a random
            // amount or not at all, so unit and block edges cross, touch and overlap.
            var shift = random.Next(2) == 0 ? 0 : random.NextDouble();
            var unit = NetTopologySuite.Geometries.Utilities.AffineTransformation.TranslationInstance(shift, shift / 2).Transform(LatticeAreas.Random(random));
            var pieces = ConvexPieces.Of(unit);
            Assert.NotNull(pieces);
            var blocks = LatticeAreas.Random(random);
            for (int p = 0; p < blocks.NumGeometries; p++)
            {
                var block = (Polygon)blocks.GetGeometryN(p);
                double expected = OverlayNGRobust.Overlay(unit, block, SpatialFunction.Intersection).Area;

                Assert.Equal(expected, pieces!.AreaInside(block), 9);
            }
        }
    }

    [Fact]
    public void AreaInside_holeCutByTheClip_leavesOnlyTheRing()
    {
        var shell = Factory.CreateLinearRing(new[] { new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(10, 10), new Coordinate(0, 10), new Coordinate(0, 0) });
        var hole = Factory.CreateLinearRing(new[] { new Coordinate(2, 2), new Coordinate(2, 8), new Coordinate(8, 8), new Coordinate(8, 2), new Coordinate(2, 2) });
        var frame = Factory.CreatePolygon(shell, new[] { hole });
        double Inside(Envelope e) => ConvexClip.For(Factory.ToGeometry(e))!.AreaInside(frame);

        Assert.Equal(50 - 18, Inside(new Envelope(0, 5, 0, 10)), 12);
        Assert.Equal(0, Inside(new Envelope(3, 7, 3, 7)), 12);
        Assert.Equal(0, Inside(new Envelope(20, 30, 0, 10)), 12);
        Assert.Equal(64, Inside(new Envelope(-5, 15, -5, 15)), 12);
    }

    [Fact]
    public void For_acceptsOnlyConvexPolygonsWithoutHoles()
    {
        Assert.NotNull(ConvexClip.For(Factory.ToGeometry(new Envelope(0, 1000, 0, 1000))));
        Assert.NotNull(ConvexClip.For(Polygon((0, 0), (1000, 1e-9), (1000 - 1e-9, 1000), (0, 1000))));
        Assert.NotNull(ConvexClip.For(Polygon((0, 0), (1000, 1000), (0, 1000))));
        Assert.NotNull(ConvexClip.For(Polygon((0, 0), (500, 0), (1000, 0), (1000, 1000), (0, 1000))));
        Assert.NotNull(ConvexClip.For(Polygon((0, 1000), (1000, 1000), (1000, 0), (0, 0))));
        Assert.Null(ConvexClip.For(Polygon((0, 0), (1000, 0), (1000, 1000), (500, 400), (0, 1000))));
        Assert.Null(ConvexClip.For(Polygon((0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2))));
        var hole = Factory.CreateLinearRing(new[] { new Coordinate(2, 2), new Coordinate(2, 8), new Coordinate(8, 8), new Coordinate(8, 2), new Coordinate(2, 2) });
        Assert.Null(ConvexClip.For(Factory.CreatePolygon(((Polygon)Factory.ToGeometry(new Envelope(0, 10, 0, 10))).Shell, new[] { hole })));
        Assert.Null(ConvexClip.For(Factory.CreateMultiPolygon(new[] { (Polygon)Factory.ToGeometry(new Envelope(0, 10, 0, 10)) })));
        Assert.Null(ConvexClip.For(Factory.CreatePolygon()));
    }

    private static Polygon Polygon(params (double X, double Y)[] corners) =>
        Factory.CreatePolygon(corners.Append(corners[0]).Select(c => new Coordinate(c.X, c.Y)).ToArray());

    private static Polygon RandomConvex(Random random)
    {
        double Half() => random.Next(-2, 14) / 2.0;
        switch (random.Next(4))
        {
            case 0:
                double x = Half(), y = Half();
                return (Polygon)Factory.ToGeometry(new Envelope(x, x + random.Next(1, 8) / 2.0, y, y + random.Next(1, 8) / 2.0));
            case 1:
                // A right triangle on the half lattice: its hypotenuse runs through lattice vertices.
                double tx = Half(), ty = Half(), side = random.Next(1, 8) / 2.0;
                return Polygon((tx, ty), (tx + side, ty), (tx, ty + side));
            case 2:
                double fx = random.NextDouble() * 7 - 1, fy = random.NextDouble() * 7 - 1;
                return (Polygon)Factory.ToGeometry(new Envelope(fx, fx + random.NextDouble() * 4 + 0.01, fy, fy + random.NextDouble() * 4 + 0.01));
            default:
                int corners = random.Next(4) == 0 ? 4 : 6;
                double cx = random.NextDouble() * 6, cy = random.NextDouble() * 6, radius = random.NextDouble() * 3 + 0.1, turn = random.NextDouble();
                return Polygon(Enumerable.Range(0, corners).Select(k => (cx + radius * Math.Cos(turn + 2 * Math.PI * k / corners), cy + radius * Math.Sin(turn + 2 * Math.PI * k / corners))).ToArray());
        }
    }
}
