using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// The coverage cut to a window, checked against an overlay of the whole coverage with the window, on random
/// coverages of lattice squares (holes, parts touching at corners) and windows on the lattice, off it, inside holes
/// and far from any border.
/// </summary>
public sealed class CoverageWindowsTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Clip_randomWindows_agreesWithOverlay(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 10; round++)
        {
            var coverage = LatticeAreas.Random(random, size: 12, scale: 10);
            var windows = new CoverageWindows(coverage);
            for (int w = 0; w < 40; w++)
            {
                var window = random.Next(2) == 0 ? LatticeWindow(random, 12, 10) : FreeWindow(random, 120);
                var expected = ServiceAreaGeometry.Polygonal(OverlayNGRobust.Overlay(coverage, Factory.ToGeometry(window), SpatialFunction.Intersection));

                var clipped = windows.Clip(window);

                Assert.True(clipped is Polygon or MultiPolygon, $"window {window} gave {clipped.GeometryType}");
                Assert.Equal(expected.Area, clipped.Area, 6);
                Assert.Equal(0, OverlayNGRobust.Overlay(expected, clipped, SpatialFunction.SymDifference).Area, 6);
            }
        }
    }

    [Fact]
    public void Clip_windowClearOfTheBoundary_isWholeOrNothing()
    {
        var shell = new Envelope(0, 1000, 0, 1000);
        var hole = new Envelope(400, 600, 400, 600);
        var coverage = Factory.CreatePolygon(Ring(shell), new[] { Ring(hole) });
        var windows = new CoverageWindows(coverage);

        var inside = windows.Clip(new Envelope(100, 200, 100, 200));
        var inHole = windows.Clip(new Envelope(450, 550, 450, 550));
        var outside = windows.Clip(new Envelope(2000, 2100, 0, 100));

        Assert.Equal(10_000, inside.Area, 9);
        Assert.True(inside.EqualsTopologically(Factory.ToGeometry(new Envelope(100, 200, 100, 200))));
        Assert.True(inHole.IsEmpty);
        Assert.True(outside.IsEmpty);
    }

    [Fact]
    public void Clip_emptyCoverage_isEmpty()
    {
        var windows = new CoverageWindows(Factory.CreateMultiPolygon());

        Assert.True(windows.Clip(new Envelope(0, 10, 0, 10)).IsEmpty);
    }

    /// <summary>A window whose sides lie on the lattice or half-way between its lines.</summary>
    private static Envelope LatticeWindow(Random random, int size, double scale)
    {
        double x = random.Next(-1, 2 * size) * scale / 2, y = random.Next(-1, 2 * size) * scale / 2;
        return new Envelope(x, x + random.Next(1, 8) * scale / 2, y, y + random.Next(1, 8) * scale / 2);
    }

    private static Envelope FreeWindow(Random random, double extent)
    {
        double x = random.NextDouble() * extent - 10, y = random.NextDouble() * extent - 10;
        return new Envelope(x, x + random.NextDouble() * 40 + 0.5, y, y + random.NextDouble() * 40 + 0.5);
    }

    private static LinearRing Ring(Envelope e) => Factory.CreateLinearRing(new[]
    {
        new Coordinate(e.MinX, e.MinY), new Coordinate(e.MaxX, e.MinY), new Coordinate(e.MaxX, e.MaxY), new Coordinate(e.MinX, e.MaxY), new Coordinate(e.MinX, e.MinY),
    });
}
