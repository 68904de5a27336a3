using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Coverage;

public class StreetSharesTests
{
    [Fact]
    public void ByArea_runAgainAndAgain_givesTheSameFiguresToTheLastBit()
    {
        // Enough pieces for many runs on many threads, streets cut by skewed unit borders, covered part way, lengths
        // that do not add up exactly: a sum that depended on how the pieces fell to threads would differ.
        var graph = StreetGraphBuilder.Build(TestCity.Grid(160, 160, spacing: 37.3).ToDataset(), TravelProfile.BuiltIn("walk"));
        var pieces = graph.Pieces;
        double minX = pieces.PointX.Min(), maxX = pieces.PointX.Max(), minY = pieces.PointY.Min(), maxY = pieces.PointY.Max();
        var factory = new GeometryFactory();
        Coordinate Corner(int i, int j) => new(minX + (maxX - minX) * i / 3 + (j % 2) * 23.7, minY + (maxY - minY) * j / 3 + (i % 2) * 17.1);
        var areas = new List<Geometry>();
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++) areas.Add(factory.CreatePolygon(new[] { Corner(i, j), Corner(i + 1, j), Corner(i + 1, j + 1), Corner(i, j + 1), Corner(i, j) }));
        }
        var covered = Enumerable.Range(0, pieces.Count).Where(p => p % 3 != 0)
            .Select(p => new ReachedInterval(p, 0, pieces.LengthMeters[p] * (p % 7 == 0 ? 0.613 : 1))).ToList();
        ThreadPool.GetMinThreads(out int workers, out int ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), ports);
        try
        {
            var first = StreetShares.ByArea(graph, areas, covered);

            Assert.True(first.Total.Sum() > 0.9 * pieces.LengthMeters.Sum(l => (double)l) / 1000);
            for (int run = 0; run < 10; run++)
            {
                var again = StreetShares.ByArea(graph, areas, covered);
                Assert.Equal(first.Total, again.Total);
                Assert.Equal(first.Covered, again.Covered);
            }
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, ports);
        }
    }
}
