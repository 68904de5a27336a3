using Geo.Streets;

namespace Geo.Tests.Streets;

public class StreetGraphBuilderTests
{
    /// <summary>Random polylines, some one-way, between a few thousand junctions that many streets share.</summary>
    private static TestCity RandomCity(int seed, int streets)
    {
        var random = new Random(seed);
        var city = new TestCity();
        string[] classes = { "residential", "primary", "service", "tertiary" };
        for (int s = 0; s < streets; s++)
        {
            var points = new (double X, double Y)[random.Next(2, 6)];
            for (int i = 0; i < points.Length; i++) points[i] = (random.NextDouble() * 3000, random.NextDouble() * 3000);
            city.Street(random.Next(1, 3000), random.Next(1, 3000), points, classes[random.Next(classes.Length)], oneway: random.Next(4) == 0);
        }
        return city;
    }

    [Fact]
    public void Build_manyStreets_givesEachPieceItsProjectedPointsLengthAndTimes_andNumbersJunctionsAsFirstMet()
    {
        var city = RandomCity(3, 10_000);
        var profile = TravelProfile.BuiltIn("car");
        var graph = StreetGraphBuilder.Build(city.ToDataset(), profile);
        var pieces = graph.Pieces;

        var usable = city.Streets.Where(s => (s.Access & profile.Mode) != 0).ToList();
        Assert.Equal(usable.Count, pieces.Count);
        var numbered = new Dictionary<long, int>();
        int Number(long node) => numbered.TryGetValue(node, out int v) ? v : numbered[node] = numbered.Count;
        for (int s = 0; s < usable.Count; s++)
        {
            var street = usable[s];
            Assert.Same(street, pieces.Source[s]);
            Assert.Equal(Number(street.FromNodeId), pieces.FromVertex[s]);
            Assert.Equal(Number(street.ToNodeId), pieces.ToVertex[s]);
            var coords = street.Geometry.Coordinates;
            Assert.Equal(coords.Length, pieces.FirstPoint[s + 1] - pieces.FirstPoint[s]);
            double meters = 0;
            for (int i = 0; i < coords.Length; i++)
            {
                var (x, y) = graph.Projection.Project(coords[i].X, coords[i].Y);
                int p = pieces.FirstPoint[s] + i;
                Assert.Equal((float)(x - graph.OriginX), pieces.PointX[p]);
                Assert.Equal((float)(y - graph.OriginY), pieces.PointY[p]);
                if (i == 0) continue;
                double dx = pieces.PointX[p] - pieces.PointX[p - 1], dy = pieces.PointY[p] - pieces.PointY[p - 1];
                meters += Math.Sqrt(dx * dx + dy * dy);
            }
            Assert.Equal((float)meters, pieces.LengthMeters[s]);
            float seconds = (float)(meters / (profile.SpeedKmh(street) / 3.6));
            Assert.Equal(seconds, pieces.ForwardSeconds[s]);
            Assert.Equal(street.Oneway ? float.PositiveInfinity : seconds, pieces.BackwardSeconds[s]);
        }
        Assert.Equal(numbered.Count, graph.VertexCount);
        Assert.All(numbered, n => Assert.Equal(n.Key, graph.VertexOsmId[n.Value]));
    }
}
