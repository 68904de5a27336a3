using Geo.Analyses.Coverage;
using Geo.Data.Synthetic;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Operation.Union;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// City blocks against an independent reference: the union of every piece line (which nodes them all) polygonized
/// by NTS, blocks over 1 m². The same polygons must come back, in any order and from any start vertex.
/// </summary>
public sealed class CityBlocksTests
{
    private static long _nextNode = 90_000;

    [Theory]
    [InlineData(400, 1)]
    [InlineData(600, 7)]
    [InlineData(900, 42)]
    [InlineData(1500, 2026)]
    public void Blocks_syntheticCity_matchUnionAndPolygonizer(int vertices, int seed)
    {
        var dataset = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: vertices, Stations: 0, Seed: seed));
        foreach (var profile in new[] { "ebike", "walk" })
        {
            var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn(profile));
            AssertSameAsReference(graph);
        }
    }

    [Fact]
    public void Of_askedOnManyThreadsWhileBeingWorkedOut_givesEveryoneTheSameBlocks()
    {
        var dataset = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 1500, Stations: 0, Seed: 5));
        var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));

        CityBlocks.Prefetch(graph);
        var seen = new CityBlocks[8];
        Parallel.For(0, seen.Length, i => seen[i] = CityBlocks.Of(graph));

        Assert.All(seen, b => Assert.Same(seen[0], b));
        AssertSameAsReference(graph);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void Near_givesEveryBlockWhoseEnvelopeMeetsTheWindow_inBlockOrder(int seed)
    {
        var dataset = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 1500, Stations: 0, Seed: seed));
        var cityBlocks = CityBlocks.Of(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));
        var blocks = cityBlocks.Blocks;
        var all = new Envelope();
        foreach (var b in blocks) all.ExpandToInclude(b.EnvelopeInternal);
        var random = new Random(seed);
        var found = new List<int>();
        // Random windows, and windows exactly on a block's envelope (edges touching count).
        for (int w = 0; w < 300; w++)
        {
            Envelope window;
            if (w % 3 == 0)
            {
                var e = blocks[random.Next(blocks.Count)].EnvelopeInternal;
                window = new Envelope(e.MaxX, e.MaxX + random.NextDouble() * 50, e.MaxY, e.MaxY + random.NextDouble() * 50);
            }
            else
            {
                double x = all.MinX - 100 + random.NextDouble() * (all.Width + 200), y = all.MinY - 100 + random.NextDouble() * (all.Height + 200);
                window = new Envelope(x, x + random.NextDouble() * 800, y, y + random.NextDouble() * 800);
            }
            var expected = Enumerable.Range(0, blocks.Count).Where(b => blocks[b].EnvelopeInternal.Intersects(window)).ToList();

            cityBlocks.Near(window, found);

            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void Blocks_gridWithDeadEnds_leaveThemOut()
    {
        var city = TestCity.Grid(3, 3);
        city.Street(TestCity.NodeId(0, 0), Node(), new[] { (0.0, 0.0), (40.0, 60.0) });
        city.Street(TestCity.NodeId(2, 2), Node(), new[] { (200.0, 200.0), (250.0, 260.0), (300.0, 240.0) });
        var graph = Build(city);
        Assert.Equal(4, CityBlocks.Of(graph).Blocks.Count);
        AssertSameAsReference(graph);
    }

    [Fact]
    public void Blocks_twoBlocksJoinedByOneStreet_leaveTheStreetOut()
    {
        var city = new TestCity();
        Square(city, 0, 0, 100);
        Square(city, 200, 0, 100);
        city.Street(Node(), Node(), new[] { (100.0, 0.0), (200.0, 0.0) });
        var graph = Build(city);
        Assert.Equal(2, CityBlocks.Of(graph).Blocks.Count);
        AssertSameAsReference(graph);
    }

    [Fact]
    public void Blocks_loopInsideBlock_isItsHole()
    {
        var city = new TestCity();
        Square(city, 0, 0, 300);
        Square(city, 100, 100, 100);
        var graph = Build(city);
        var blocks = CityBlocks.Of(graph).Blocks;
        Assert.Equal(2, blocks.Count);
        Assert.Contains(blocks, b => b.NumInteriorRings == 1 && Math.Abs(b.Area - 80_000) < 1);
        AssertSameAsReference(graph);
    }

    [Fact]
    public void Blocks_loopJoinedByOneStreet_isAHoleAndTheStreetLeftOut()
    {
        var city = new TestCity();
        Square(city, 0, 0, 300);
        Square(city, 100, 100, 100);
        city.Street(Node(), Node(), new[] { (0.0, 0.0), (50.0, 40.0), (100.0, 100.0) });
        var graph = Build(city);
        Assert.Contains(CityBlocks.Of(graph).Blocks, b => b.NumInteriorRings == 1);
        AssertSameAsReference(graph);
    }

    [Fact]
    public void Blocks_loopTouchingItsBlockAtOnePoint_isAHole()
    {
        var city = new TestCity();
        Square(city, 0, 0, 300);
        // A triangle hung on the block's corner junction.
        city.Street(Node(), Node(), new[] { (0.0, 0.0), (150.0, 60.0), (60.0, 150.0), (0.0, 0.0) });
        // Two squares meeting at a corner inside another block.
        Square(city, 300, 0, 300);
        Square(city, 350, 50, 100);
        Square(city, 450, 150, 100);
        var graph = Build(city);
        var blocks = CityBlocks.Of(graph).Blocks;
        Assert.All(blocks, b => Assert.True(b.IsValid));
        Assert.Equal(2, blocks.Count(b => b.NumInteriorRings > 0));
        AssertSameAsReference(graph);
    }

    [Fact]
    public void Blocks_bridgeOverStreetsWithoutJunction_splitsTheBlocks()
    {
        var city = TestCity.Grid(3, 3);
        city.Street(Node(), Node(), new[] { (50.0, -50.0), (50.0, 250.0) });
        city.Street(Node(), Node(), new[] { (0.0, 0.0), (200.0, 200.0) }, name: "diagonal through a junction");
        city.Street(Node(), Node(), new[] { (-20.0, 130.0), (130.0, 170.0), (230.0, 20.0) });
        var graph = Build(city);
        Assert.True(CityBlocks.Of(graph).Blocks.Count > 4);
        AssertSameAsReference(graph);
    }

    [Fact]
    public void Blocks_piecesAlongTheSameLine_areKeptOnce()
    {
        var city = TestCity.Grid(3, 3);
        city.Street(TestCity.NodeId(0, 0), TestCity.NodeId(0, 1), new[] { (0.0, 0.0), (100.0, 0.0) }, highway: "service");
        city.Street(Node(), Node(), new[] { (50.0, 100.0), (150.0, 100.0) });
        city.Street(Node(), Node(), new[] { (200.0, 20.0), (200.0, 40.0), (200.0, 40.0), (200.0, 180.0) });
        var graph = Build(city);
        Assert.Equal(4, CityBlocks.Of(graph).Blocks.Count);
        AssertSameAsReference(graph);
    }

    [Fact]
    public void Blocks_tJunctions_splitTheBlock()
    {
        var city = new TestCity();
        long a = Node(), b = Node(), c = Node(), d = Node(), bottom = Node(), top = Node(), middle = Node(), right = Node();
        city.Street(a, bottom, new[] { (0.0, 0.0), (100.0, 0.0) });
        city.Street(bottom, b, new[] { (100.0, 0.0), (200.0, 0.0) });
        city.Street(b, right, new[] { (200.0, 0.0), (200.0, 100.0) });
        city.Street(right, c, new[] { (200.0, 100.0), (200.0, 200.0) });
        city.Street(c, top, new[] { (200.0, 200.0), (100.0, 200.0) });
        city.Street(top, d, new[] { (100.0, 200.0), (0.0, 200.0) });
        city.Street(d, a, new[] { (0.0, 200.0), (0.0, 0.0) });
        city.Street(bottom, middle, new[] { (100.0, 0.0), (100.0, 100.0) });
        city.Street(middle, top, new[] { (100.0, 100.0), (100.0, 200.0) });
        city.Street(middle, right, new[] { (100.0, 100.0), (200.0, 100.0) });
        var graph = Build(city);
        Assert.Equal(3, CityBlocks.Of(graph).Blocks.Count);
        AssertSameAsReference(graph);
    }

    private static long Node() => Interlocked.Increment(ref _nextNode);

    private static StreetGraph Build(TestCity city) => StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));

    /// <summary>A square of four streets with its lower-left corner at (x, y).</summary>
    private static void Square(TestCity city, double x, double y, double side)
    {
        long a = Node(), b = Node(), c = Node(), d = Node();
        city.Street(a, b, new[] { (x, y), (x + side, y) });
        city.Street(b, c, new[] { (x + side, y), (x + side, y + side) });
        city.Street(c, d, new[] { (x + side, y + side), (x, y + side) });
        city.Street(d, a, new[] { (x, y + side), (x, y) });
    }

    private static void AssertSameAsReference(StreetGraph graph)
    {
        var actual = CityBlocks.Of(graph).Blocks;
        var expected = Reference(graph);
        Assert.Equal(expected.Count, actual.Count);
        AssertClose(expected.Select(p => p.Area), actual.Select(p => p.Area));
        AssertClose(expected.Select(p => p.Length), actual.Select(p => p.Length));
        Assert.Equal(expected.Select(p => p.NumInteriorRings).OrderBy(n => n), actual.Select(p => p.NumInteriorRings).OrderBy(n => n));

        var index = new NetTopologySuite.Index.Strtree.STRtree<Polygon>();
        foreach (var block in actual) index.Insert(block.EnvelopeInternal, block);
        foreach (var block in expected)
        {
            bool found = index.Query(block.EnvelopeInternal).Any(b =>
                Math.Abs(b.Area - block.Area) <= 1e-6 * Math.Max(1, block.Area)
                && (b.EqualsTopologically(block) || b.SymmetricDifference(block).Area < 1e-6 * Math.Max(1, block.Area)));
            Assert.True(found, $"no block like {block}");
        }
    }

    private static void AssertClose(IEnumerable<double> expected, IEnumerable<double> actual)
    {
        var e = expected.OrderBy(v => v).ToArray();
        var a = actual.OrderBy(v => v).ToArray();
        for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(e[i] - a[i]) <= 1e-6 * Math.Max(1, e[i]), $"{e[i]} vs {a[i]}");
    }

    private static List<Polygon> Reference(StreetGraph graph)
    {
        var pieces = graph.Pieces;
        var factory = new GeometryFactory();
        var lines = new List<Geometry>();
        for (int s = 0; s < pieces.Count; s++)
        {
            var points = new List<Coordinate>();
            for (int i = pieces.FirstPoint[s]; i < pieces.FirstPoint[s + 1]; i++)
            {
                var c = new Coordinate(pieces.PointX[i], pieces.PointY[i]);
                if (points.Count == 0 || !points[^1].Equals2D(c)) points.Add(c);
            }
            if (points.Count >= 2) lines.Add(factory.CreateLineString(points.ToArray()));
        }
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(UnaryUnionOp.Union(lines));
        return polygonizer.GetPolygons().OfType<Polygon>().Where(p => p.Area > 1).ToList();
    }
}
