using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// Served land on hand-made grids whose blocks are 100 m squares. A block counts with the reached share of its
/// frontage, weighted by its area:
/// <code>
///   (0,2)----(1,2)----(2,2)
///     |   C    |   D    |
///   (0,1)====(1,1)----(2,1)        ==== / ‖ : streets the circle reaches
///     ‖   A    ‖   B    |
///   (0,0)====(1,0)----(2,0)
/// </code>
/// A is ringed by reached streets: served whole. B and C have one reached side of four: a quarter. D touches A
/// only at a corner: not served.
/// </summary>
public sealed class ServedLandTests
{
    [Fact]
    public void ServedShares_blockRingedByReachedStreets_isServedWholeAndNeighboursPartly()
    {
        var (graph, side) = Grid(3, 3);
        var reached = new[] { side[(0, 0, 'h')], side[(0, 1, 'h')], side[(0, 0, 'v')], side[(1, 0, 'v')] }
            .Select(p => new ReachedInterval(p, 0, graph.Pieces.LengthMeters[p])).ToList();

        var blocks = CityBlocks.Of(graph).Blocks;
        var shares = ServedLand.ServedShares(graph, blocks, reached);

        Assert.Equal(4, blocks.Count);
        Assert.Equal(1.0, ShareOf(graph, blocks, shares, 0, 0), 2);
        Assert.Equal(0.25, ShareOf(graph, blocks, shares, 1, 0), 2);
        Assert.Equal(0.25, ShareOf(graph, blocks, shares, 0, 1), 2);
        Assert.Equal(0.0, ShareOf(graph, blocks, shares, 1, 1), 2);
    }

    [Fact]
    public void ServedShares_blockWithOneUnreachedSide_isPartlyServed()
    {
        var (graph, side) = Grid(2, 2);
        // Three sides of the only block, and half of the fourth.
        var whole = new[] { side[(0, 0, 'h')], side[(0, 1, 'h')], side[(0, 0, 'v')] };
        var reached = whole.Select(p => new ReachedInterval(p, 0, graph.Pieces.LengthMeters[p])).ToList();
        reached.Add(new ReachedInterval(side[(1, 0, 'v')], 0, 50));

        var blocks = CityBlocks.Of(graph).Blocks;
        double share = Assert.Single(ServedLand.ServedShares(graph, blocks, reached));

        Assert.InRange(share, 3.5 / 4 - 1e-6, 3.5 / 4 + 1e-6);
    }

    [Fact]
    public void ByArea_randomReachedSides_equalsCountingReachedSidesPerBlock()
    {
        var random = new Random(20261202);
        for (int round = 0; round < 5; round++)
        {
            int rows = random.Next(2, 6), cols = random.Next(2, 6);
            var (graph, side) = Grid(cols, rows);
            var reachedSides = side.Where(_ => random.NextDouble() < 0.5).ToDictionary(kv => kv.Key, kv => kv.Value);
            var reached = reachedSides.Values.Select(p => new ReachedInterval(p, 0, graph.Pieces.LengthMeters[p])).ToList();

            // Reference: a block's share is its reached sides out of four, each block 0.01 km².
            double expectedServed = 0;
            for (int i = 0; i + 1 < cols; i++)
            {
                for (int j = 0; j + 1 < rows; j++)
                {
                    int sides = new[] { (i, j, 'h'), (i, j + 1, 'h'), (i, j, 'v'), (i + 1, j, 'v') }.Count(reachedSides.ContainsKey);
                    expectedServed += 0.01 * sides / 4;
                }
            }
            var whole = graph.ToLocal(graph.ToLonLat(UnitsWithinDataHull(graph)));
            var (land, served) = ServedLand.ByArea(graph, new[] { whole }, reached);

            Assert.Equal(0.01 * (rows - 1) * (cols - 1), land[0], 4);
            Assert.Equal(expectedServed, served[0], 4);
        }
    }

    [Fact]
    public void ByArea_unitsWithDiagonalSides_equalOverlaysWithEveryBlock()
    {
        // Long diagonal sides have envelopes covering many blocks they do not touch: those count whole or not at all,
        // the blocks they cross in part; corners on and off the street lattice.
        var random = new Random(20261203);
        var (graph, side) = Grid(8, 8);
        var reached = side.Values.Where(_ => random.NextDouble() < 0.5).Select(p => new ReachedInterval(p, 0, graph.Pieces.LengthMeters[p])).ToList();
        var blocks = CityBlocks.Of(graph).Blocks;
        var shares = ServedLand.ServedShares(graph, blocks, reached);
        var origin = graph.ToLocal(TestCity.PointAt(0, 0)).Coordinate;
        Polygon Unit(params (double X, double Y)[] corners) => new GeometryFactory().CreatePolygon(
            corners.Append(corners[0]).Select(c => new Coordinate(origin.X + c.X * 100, origin.Y + c.Y * 100)).ToArray());
        var units = new Geometry[]
        {
            Unit((0.3, 0.2), (6.7, 0.5), (2.9, 6.6)),
            Unit((1, 1), (6, 1.5), (3.5, 3), (6, 6.5), (1, 6)),
            Unit((3.5, 0.1), (6.9, 3.5), (3.5, 6.9), (0.1, 3.5)),
            Unit((0, 0), (7, 7), (0, 7)),
        };

        Assert.All(units, u => Assert.True(u.IsValid));
        var (land, served) = ServedLand.ByArea(graph, units, reached);

        for (int u = 0; u < units.Length; u++)
        {
            double expectedLand = 0, expectedServed = 0;
            for (int b = 0; b < blocks.Count; b++)
            {
                double inside = blocks[b].Intersection(units[u]).Area / 1e6;
                expectedLand += inside;
                expectedServed += inside * shares[b];
            }
            Assert.Equal(expectedLand, land[u], 9);
            Assert.Equal(expectedServed, served[u], 9);
        }
    }

    [Fact]
    public void ByArea_nothingReachedOnTwoGraphs_eachCountsItsOwnBlocks()
    {
        // An empty coverage is the same empty list for every graph: the second graph must not get the first's shares.
        var none = Array.Empty<ReachedInterval>();
        foreach (var (cols, rows) in new[] { (2, 2), (4, 3) })
        {
            var (graph, _) = Grid(cols, rows);
            var whole = graph.ToLocal(graph.ToLonLat(UnitsWithinDataHull(graph)));

            var (land, served) = ServedLand.ByArea(graph, new[] { whole }, none);

            Assert.Equal(0.01 * (rows - 1) * (cols - 1), land[0], 4);
            Assert.Equal(0, served[0]);
        }
    }

    private static Geometry UnitsWithinDataHull(StreetGraph graph) => Geo.Data.Subdistricts.UnitsWithinData.DataHull(graph).Buffer(10);

    /// <summary>
    /// A cols × rows grid of 100 m streets and its pieces by position: (i, j, 'h') runs east from junction (i, j),
    /// (i, j, 'v') north from it.
    /// </summary>
    private static (StreetGraph Graph, Dictionary<(int, int, char), int> Side) Grid(int cols, int rows)
    {
        var graph = StreetGraphBuilder.Build(TestCity.Grid(rows, cols).ToDataset(), TravelProfile.BuiltIn("ebike"));
        var origin = graph.ToLocal(TestCity.PointAt(0, 0)).Coordinate;
        var side = new Dictionary<(int, int, char), int>();
        for (int p = 0; p < graph.Pieces.Count; p++)
        {
            var (x, y) = graph.Pieces.PointAlong(p, graph.Pieces.LengthMeters[p] / 2);
            double gx = (x - origin.X) / 100, gy = (y - origin.Y) / 100;
            bool horizontal = Math.Abs(gy - Math.Round(gy)) < 0.05;
            side[((int)Math.Floor(gx + (horizontal ? 0 : 0.5)), (int)Math.Floor(gy + (horizontal ? 0.5 : 0)), horizontal ? 'h' : 'v')] = p;
        }
        return (graph, side);
    }

    private static double ShareOf(StreetGraph graph, IReadOnlyList<Polygon> blocks, double[] shares, int i, int j)
    {
        var origin = graph.ToLocal(TestCity.PointAt(0, 0)).Coordinate;
        var centre = new Point(origin.X + i * 100 + 50, origin.Y + j * 100 + 50);
        int index = blocks.Select((b, k) => (b, k)).Single(x => x.b.Contains(centre)).k;
        return shares[index];
    }
}
