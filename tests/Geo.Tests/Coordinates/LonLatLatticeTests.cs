using Geo.Streets;

namespace Geo.Tests.Coordinates;

public class LonLatLatticeTests
{
    [Fact]
    public void ToLonLat_interpolated_isWithinACentimetreOfTheExactTransform()
    {
        var graph = StreetGraphBuilder.Build(TestCity.Grid(40, 40, spacing: 500).ToDataset(), TravelProfile.BuiltIn("walk"));
        var random = new Random(5);
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        for (int i = 0; i < 500; i++)
        {
            double x = (random.NextDouble() - 0.5) * 24_000, y = (random.NextDouble() - 0.5) * 24_000;
            var fast = graph.ToLonLat(factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(x, y))).Coordinate;
            var (lon, lat) = graph.Projection.Unproject(graph.OriginX + x, graph.OriginY + y);
            double dx = (fast.X - lon) * 111_320 * Math.Cos(lat * Math.PI / 180), dy = (fast.Y - lat) * 110_900;
            Assert.True(Math.Sqrt(dx * dx + dy * dy) < 0.01, $"{Math.Sqrt(dx * dx + dy * dy)} m off at ({x:0}, {y:0})");
        }
    }

    [Fact]
    public void ToLonLat_keeps_every_part_ring_and_point_of_a_geometry_each_ring_packed_in_one_array()
    {
        var graph = StreetGraphBuilder.Build(TestCity.Grid(10, 10, spacing: 500).ToDataset(), TravelProfile.BuiltIn("walk"));
        var reader = new NetTopologySuite.IO.WKTReader();
        var local = reader.Read("GEOMETRYCOLLECTION (MULTIPOLYGON (((0 0, 900 0, 900 900, 0 900, 0 0), (100 100, 100 300, 300 300, 100 100)), " +
            "((2000 2000, 2500 2000, 2500 2600, 2000 2000))), LINESTRING (-300 40, 10 20, 700 -80), POINT (123.5 -456.25))");

        var lonLat = graph.ToLonLat(local);

        Assert.Equal(4326, lonLat.SRID);
        Assert.Equal(local.NumGeometries, lonLat.NumGeometries);
        Assert.Equal(local.NumPoints, lonLat.NumPoints);
        var polygon = (NetTopologySuite.Geometries.Polygon)lonLat.GetGeometryN(0).GetGeometryN(0);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.IsType<NetTopologySuite.Geometries.Implementation.PackedDoubleCoordinateSequence>(polygon.Holes[0].CoordinateSequence);
        var expected = local.Coordinates;
        var actual = lonLat.Coordinates;
        for (int i = 0; i < expected.Length; i++)
        {
            var one = graph.ToLonLat(local.Factory.CreatePoint(expected[i])).Coordinate;
            Assert.Equal(one.X, actual[i].X);
            Assert.Equal(one.Y, actual[i].Y);
        }
        Assert.Equal(0, local.Coordinates[0].X);   // the local geometry is left as it was
    }
}
