using Geo.Data.Features;
using Geo.Rendering.Maps;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Rendering;

public class StreetsInViewTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1, 2000)]
    [InlineData(2, 50)]
    [InlineData(3, 1)]
    public void Meeting_randomViews_areTheStreetsWhoseExtentsMeetThem_inOrder(int seed, int count)
    {
        var random = new Random(seed);
        var streets = RandomStreets(random, count);
        var index = new StreetsInView(streets);

        for (int q = 0; q < 300; q++)
        {
            var view = RandomView(random, streets);
            var expected = Enumerable.Range(0, streets.Count).Where(i => LayerGeometry.Extent(streets[i]).Intersects(view)).ToList();

            Assert.Equal(expected, index.Meeting(view));
        }
    }

    [Fact]
    public void Meeting_aViewTouchingAStreetsEnd_takesItIn()
    {
        var street = Factory.CreateLineString(new[] { new Coordinate(104.0, 30.0), new Coordinate(104.1, 30.0) });
        var index = new StreetsInView(new Geometry[] { street });

        Assert.Equal(new[] { 0 }, index.Meeting(new Envelope(104.1, 104.2, 29.9, 30.1)));
        Assert.Empty(index.Meeting(new Envelope(104.1000001, 104.2, 29.9, 30.1)));
        Assert.Empty(index.Meeting(new Envelope()));
    }

    [Fact]
    public void StreetsMeeting_aCopyWithOtherStreets_usesItsOwn()
    {
        var near = Factory.CreateLineString(new[] { new Coordinate(0, 0), new Coordinate(1, 1) });
        var far = Factory.CreateLineString(new[] { new Coordinate(10, 10), new Coordinate(11, 11) });
        var layers = new MapLayers(new Geometry[] { near }, Factory.CreateMultiPolygon(), Array.Empty<(int, Geometry, double, double)>(),
            Array.Empty<(string, Geometry)>(), Array.Empty<Point>(), 15, 0, 0);
        var view = new Envelope(9, 12, 9, 12);
        Assert.Empty(layers.StreetsMeeting(view));

        var other = layers with { Streets = new Geometry[] { near, far } };

        Assert.Equal(new[] { 1 }, other.StreetsMeeting(view));
        Assert.Empty(layers.StreetsMeeting(view));
    }

    /// <summary>Short and long lines, some repeated, some a single spot, some empty, a few far out.</summary>
    private static List<Geometry> RandomStreets(Random random, int count)
    {
        var streets = new List<Geometry>();
        for (int i = 0; i < count; i++)
        {
            int kind = random.Next(20);
            if (kind == 0)
            {
                streets.Add(Factory.CreateLineString());
                continue;
            }
            if (kind == 1 && streets.Count > 0)
            {
                streets.Add(streets[random.Next(streets.Count)].Copy());
                continue;
            }
            double x = 104 + random.NextDouble() * (kind == 2 ? 3 : 0.3), y = 30.5 + random.NextDouble() * 0.3;
            var points = new List<Coordinate> { new(x, y) };
            int more = kind == 3 ? 1 : 1 + random.Next(4);
            for (int k = 0; k < more; k++)
            {
                double step = kind == 4 ? 0.2 : 0.003;
                points.Add(kind == 3 ? new Coordinate(x, y) : new Coordinate(points[^1].X + (random.NextDouble() - 0.5) * step, points[^1].Y + (random.NextDouble() - 0.5) * step));
            }
            streets.Add(Factory.CreateLineString(points.ToArray()));
        }
        return streets;
    }

    /// <summary>Small and large windows, some with an edge exactly on a street's point, some beyond the streets.</summary>
    private static Envelope RandomView(Random random, List<Geometry> streets)
    {
        double x, y;
        var withPoints = streets.Where(s => !s.IsEmpty).ToList();
        if (random.Next(3) == 0 && withPoints.Count > 0)
        {
            var corner = withPoints[random.Next(withPoints.Count)].Coordinates[0];
            (x, y) = (corner.X, corner.Y);
        }
        else (x, y) = (103.8 + random.NextDouble() * 0.8, 30.3 + random.NextDouble() * 0.7);
        double w = random.Next(4) switch { 0 => 0, 1 => 0.001, 2 => 0.05, _ => 5 } * random.NextDouble();
        double h = random.Next(4) switch { 0 => 0, 1 => 0.001, 2 => 0.05, _ => 5 } * random.NextDouble();
        return random.Next(2) == 0 ? new Envelope(x, x + w, y, y + h) : new Envelope(x - w, x, y - h, y);
    }
}
