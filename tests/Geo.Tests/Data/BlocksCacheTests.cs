using Geo.Analyses.Coverage;
using Geo.Data.Cache;
using Geo.Data.Synthetic;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

/// <summary>
/// City blocks kept in the cache folder: read back, they are the blocks worked out, ring by ring and point by point
/// (holes included, in order); a file with any byte changed, cut short or of another format is not used; the name
/// follows the pieces' points.
/// </summary>
public sealed class BlocksCacheTests
{
    private static StreetGraph Graph(int seed) =>
        StreetGraphBuilder.Build(SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2500, Stations: 0, Seed: seed)), TravelProfile.BuiltIn("ebike"));

    /// <summary>
    /// Squares of 300 m side by side, each holding none, one or two loops of streets (the blocks' holes), placed at
    /// random: blocks of zero, one and two holes.
    /// </summary>
    private static StreetGraph BlocksWithHoles(int seed)
    {
        var random = new Random(seed);
        var city = new TestCity();
        long node = 0;
        void Square(double x, double y, double side)
        {
            long a = ++node, b = ++node, c = ++node, d = ++node;
            city.Street(a, b, new[] { (x, y), (x + side, y) });
            city.Street(b, c, new[] { (x + side, y), (x + side, y + side) });
            city.Street(c, d, new[] { (x + side, y + side), (x, y + side) });
            city.Street(d, a, new[] { (x, y + side), (x, y) });
        }
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                double x = 400 * i, y = 400 * j;
                Square(x, y, 300);
                int loops = (i + j) % 3;
                for (int l = 0; l < loops; l++) Square(x + 20 + 140 * l + random.Next(0, 20), y + 40 + random.Next(0, 100), 100);
            }
        }
        return StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
    }

    [Fact]
    public void Blocks_keptThenRead_areTheBlocksWorkedOutExactly()
    {
        using var folder = new TempFolder();
        var graph = BlocksWithHoles(3);
        int finds = 0;
        List<Polygon> Find() { finds++; return CityBlocks.Find(graph); }

        var worked = BlocksCache.Blocks(graph.Pieces, CityBlocks.Packed, folder.Path, 0, Find);
        var read = BlocksCache.Blocks(graph.Pieces, CityBlocks.Packed, folder.Path, 0, Find);

        Assert.Equal(1, finds);
        Assert.Contains(worked, b => b.NumInteriorRings == 1);
        Assert.Contains(worked, b => b.NumInteriorRings == 2);
        AssertSame(CityBlocks.Find(graph), read);
        AssertSame(worked, read);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("cut")]
    [InlineData("version")]
    public void Blocks_damagedFile_isWorkedOutAgainAndReplaced(string damage)
    {
        using var folder = new TempFolder();
        var graph = BlocksWithHoles(4);
        int finds = 0;
        List<Polygon> Find() { finds++; return CityBlocks.Find(graph); }
        BlocksCache.Blocks(graph.Pieces, CityBlocks.Packed, folder.Path, 0, Find);
        CacheFileDamage.Apply(Directory.GetFiles(folder.Path, "blocks-*.bin").Single(), damage);

        var again = BlocksCache.Blocks(graph.Pieces, CityBlocks.Packed, folder.Path, 0, Find);
        var afterwards = BlocksCache.Blocks(graph.Pieces, CityBlocks.Packed, folder.Path, 0, Find);

        Assert.Equal(2, finds);
        AssertSame(CityBlocks.Find(graph), again);
        AssertSame(again, afterwards);
    }

    [Fact]
    public void Blocks_fewerPiecesThanKept_writeNoFile()
    {
        using var folder = new TempFolder();
        var graph = Graph(5);
        BlocksCache.Blocks(graph.Pieces, CityBlocks.Packed, folder.Path, graph.Pieces.Count + 1, () => CityBlocks.Find(graph));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Key_followsThePiecesPoints()
    {
        var graph = Graph(6);
        string key = BlocksCache.Key(graph.Pieces);
        Assert.Equal(key, BlocksCache.Key(Graph(6).Pieces));
        Assert.NotEqual(key, BlocksCache.Key(Graph(7).Pieces));
        float kept = graph.Pieces.PointX[17];
        graph.Pieces.PointX[17] = MathF.BitIncrement(kept);
        Assert.NotEqual(key, BlocksCache.Key(graph.Pieces));
        graph.Pieces.PointX[17] = kept;
        Assert.Equal(key, BlocksCache.Key(graph.Pieces));
    }

    private static void AssertSame(IReadOnlyList<Polygon> expected, IReadOnlyList<Polygon> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int b = 0; b < expected.Count; b++) SameBits.Polygon(expected[b], actual[b]);
    }
}
