using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Data.Subdistricts;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data.Subdistricts;

public class PlanningCellsTests
{
    /// <summary>
    /// <code>
    ///   +--------+--------+--------+
    ///   |        |        |        |
    ///   1========|========|=======2     one straight piece, 2.9 km, points only at its ends
    ///   +--------+--------+--------+
    /// </code>
    /// </summary>
    [Fact]
    public void Over_straightPieceThroughCellWithoutPoints_makesThatCellToo()
    {
        var city = new TestCity().Street(1, 2, new[] { (0.0, 500.0), (2900.0, 500.0) })
            .Street(3, 4, new[] { (0.0, 0.0), (0.0, 10.0) });
        var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk"));

        var cells = PlanningCells.Over(graph, 1000);

        Assert.Equal(new[] { "网格 A-1", "网格 A-2", "网格 A-3" }, cells.Select(c => c.Name));
    }

    [Fact]
    public void Crossed_randomBentStreets_equalsTheCellsTheirLinesPassThrough()
    {
        var random = new Random(12);
        var factory = new GeometryFactory();
        for (int round = 0; round < 20; round++)
        {
            var city = new TestCity();
            for (int k = 0; k < 6; k++)
            {
                var points = Enumerable.Range(0, random.Next(2, 6)).Select(_ => (random.NextDouble() * 4000, random.NextDouble() * 3000)).ToArray();
                city.Street(2 * k + 1, 2 * k + 2, points);
            }
            var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk"));
            var pieces = graph.Pieces;
            double size = 300 + random.NextDouble() * 700;
            double minX = pieces.PointX.Min() - 1, minY = pieces.PointY.Min() - 1;
            int columns = (int)Math.Ceiling((pieces.PointX.Max() - minX) / size), rows = (int)Math.Ceiling((pieces.PointY.Max() - minY) / size);

            var crossed = PlanningCells.Crossed(pieces, minX, minY, size, columns, rows);

            var lines = Enumerable.Range(0, pieces.Count).Select(s => factory.CreateLineString(
                Enumerable.Range(pieces.FirstPoint[s], pieces.FirstPoint[s + 1] - pieces.FirstPoint[s]).Select(i => new Coordinate(pieces.PointX[i], pieces.PointY[i])).ToArray())).ToList();
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    var square = factory.ToGeometry(new Envelope(minX + c * size, minX + (c + 1) * size, minY + r * size, minY + (r + 1) * size));
                    bool expected = lines.Any(l => l.Intersection(square).Length > 1e-6);
                    Assert.True(expected == crossed[r * columns + c], $"round {round}, cell row {r} column {c}: expected {(expected ? "crossed" : "empty")}");
                }
            }
        }
    }

    [Fact]
    public void Over_chengdu_cellsHoldEveryMetreOfStreet()
    {
        var dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset("chengdu-center.osm.pbf")).Dataset;
        var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));
        var cells = PlanningCells.Over(graph, 1000);

        var (streetKm, _) = StreetShares.ByArea(graph, cells.Select(c => graph.ToLocal(c.Geometry)).ToList(), Array.Empty<ReachedInterval>());

        Assert.Equal(graph.Pieces.LengthMeters.Sum(m => (double)m) / 1000, streetKm.Sum(), 3);
    }
}
