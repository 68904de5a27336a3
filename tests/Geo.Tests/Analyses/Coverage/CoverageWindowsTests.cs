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

    /// <summary>
    /// Leaving out the holes far from a window changes nothing in the overlay, vertex for vertex: coverages of one or
    /// several parts riddled with small square holes and long thin ones (long segments widen the overlay's clipping
    /// envelope), windows small and large, inside, across and beyond the coverage.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Overlay_withOnlyTheHolesNearAWindow_isTheSameGeometry(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 6; round++)
        {
            var parts = new List<Polygon>();
            for (int part = 0; part < random.Next(1, 4); part++)
            {
                double x0 = part * 1200, size = 1000;
                var holes = new List<LinearRing>();
                var taken = new List<Envelope>();
                for (int h = 0; h < 150; h++)
                {
                    bool thin = random.Next(10) == 0;
                    double w = thin ? 300 + random.NextDouble() * 500 : 2 + random.NextDouble() * 20, t = thin ? 3 : w;
                    var e = random.Next(2) == 0 ? new Envelope(0, w, 0, t) : new Envelope(0, t, 0, w);
                    double hx = x0 + 5 + random.NextDouble() * (size - 10 - e.Width), hy = 5 + random.NextDouble() * (size - 10 - e.Height);
                    var hole = new Envelope(hx, hx + e.Width, hy, hy + e.Height);
                    var apart = hole.Copy();
                    apart.ExpandBy(1);
                    if (taken.Any(o => o.Intersects(apart))) continue;
                    taken.Add(hole);
                    holes.Add(Ring(hole));
                }
                parts.Add(Factory.CreatePolygon(Ring(new Envelope(x0, x0 + size, 0, size)), holes.ToArray()));
            }
            Geometry coverage = parts.Count == 1 ? parts[0] : Factory.CreateMultiPolygon(parts.ToArray());
            var windows = new CoverageWindows(coverage);
            for (int w = 0; w < 60; w++)
            {
                double side = random.Next(3) == 0 ? 400 + random.NextDouble() * 2000 : 5 + random.NextDouble() * 150;
                double x = random.NextDouble() * (parts.Count * 1200 + 200) - 200, y = random.NextDouble() * 1300 - 200;
                var window = new Envelope(x, x + side * (0.3 + random.NextDouble()), y, y + side * (0.3 + random.NextDouble()));
                var box = Factory.ToGeometry(window);

                var reduced = windows.WithHolesNear(window);
                var expected = OverlayNGRobust.Overlay(coverage, box, SpatialFunction.Intersection);
                var actual = OverlayNGRobust.Overlay(reduced, box, SpatialFunction.Intersection);

                Assert.True(expected.EqualsExact(actual), $"round {round} window {window}");
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
