using Geo.Analyses.Coverage;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// Points located in banded rings against NetTopologySuite's own point-in-area locator: on random areas of lattice
/// squares (holes, parts touching at corners, level and upright sides) and random areas with slanted sides, at every
/// point of a quarter lattice over and around them, so points fall on vertices, on level, upright and slanted sides,
/// at a vertex's height, inside, in holes and outside.
/// </summary>
public sealed class BandedRingsTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Locate_onLatticeAreas_isNetTopologySuitesLocation(int seed) =>
        LocatesAsNetTopologySuite(LatticeAreas.Random(new Random(seed), size: 7, scale: 2, share: 0.55));

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Locate_onAreasWithSlantedSides_isNetTopologySuitesLocation(int seed)
    {
        var random = new Random(seed);
        var triangles = Enumerable.Range(0, 6).Select(_ =>
        {
            Coordinate Corner() => new(random.Next(0, 15), random.Next(0, 15));
            var ring = new[] { Corner(), Corner(), Corner() };
            return (Geometry)Factory.CreatePolygon(new[] { ring[0], ring[1], ring[2], ring[0] });
        }).Where(t => t.Area > 0).ToList();
        var area = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(triangles);
        var hole = Factory.CreatePolygon(new[] { new Coordinate(6, 5), new Coordinate(8, 7), new Coordinate(6, 9), new Coordinate(4, 7), new Coordinate(6, 5) });

        LocatesAsNetTopologySuite(area.Difference(hole));
    }

    [Fact]
    public void Locate_emptyArea_isExteriorEverywhere()
    {
        var rings = new BandedRings(Factory.CreatePolygon());

        Assert.Equal(Location.Exterior, rings.Locate(new Coordinate(0, 0)));
    }

    private static void LocatesAsNetTopologySuite(Geometry area)
    {
        Assert.True(area.IsValid && !area.IsEmpty);
        var rings = new BandedRings(area);
        var reference = new IndexedPointInAreaLocator(area);
        var seen = new HashSet<Location>();
        for (double x = -1; x <= 16; x += 0.25)
        {
            for (double y = -1; y <= 16; y += 0.25)
            {
                var point = new Coordinate(x, y);
                var expected = reference.Locate(point);
                Assert.True(expected == rings.Locate(point), $"({x}, {y}): {rings.Locate(point)}, NetTopologySuite says {expected}");
                Assert.Equal(expected != Location.Exterior, rings.Covers(point));
                seen.Add(expected);
            }
        }
        Assert.Equal(3, seen.Count);
    }
}
