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
}
