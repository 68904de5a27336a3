using Geo.Data.Cache;
using Geo.Data.Model;
using Geo.Data.Subdistricts;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

/// <summary>
/// Planning cells cut by unit borders, kept in the cache folder: read back, they are the parts cut (cell, unit,
/// polygon or multipolygon, rings and points to the bit); a damaged file or one naming a cell or unit not given is not
/// used; the name follows the units, the cells and the graph. On a 5 × 5 grid of 100 m streets (0…400 m each way):
/// <code>
///   400 ┌────┬──┬────┐
///       │ 凹 │缺│ 凹 │   凹: all of it but the notch 缺 (150…250 × 100…400) and the island 岛 (20…60 × 20…60)
///   100 │    └──┘    │   cells: 200 m squares from −100 m, so the one over the notch is cut in two (a
///       │ 岛         │   multipolygon) and the corner one holds the island (a hole)
///     0 └────────────┘
/// </code>
/// </summary>
public sealed class NestedCellsCacheTests
{
    private static readonly StreetGraph Graph = StreetGraphBuilder.Build(TestCity.Grid(5, 5).ToDataset(), TravelProfile.BuiltIn("ebike"));

    private static LinearRing Ring(double x0, double y0, double x1, double y1) =>
        new(new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0) }.Select(p => TestCity.PointAt(p.Item1, p.Item2).Coordinate).ToArray());

    private static Polygon WithSrid(Polygon polygon)
    {
        polygon.SRID = 4326;
        return polygon;
    }

    private static readonly Subdistrict[] Units =
    [
        new(1, "凹区", 0, WithSrid(new Polygon(
            new LinearRing(new[] { (0.0, 0.0), (400, 0), (400, 400), (250, 400), (250, 100), (150, 100), (150, 400), (0, 400), (0, 0) }
                .Select(p => TestCity.PointAt(p.Item1, p.Item2).Coordinate).ToArray()),
            [Ring(20, 20, 60, 60)]))),
        new(2, "缺区", 0, WithSrid(new Polygon(Ring(150, 100, 250, 400)))),
        new(3, "岛区", 0, WithSrid(new Polygon(Ring(20, 20, 60, 60)))),
    ];

    private static List<Subdistrict> Cells(double offset = 0)
    {
        var cells = new List<Subdistrict>();
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double x = -100 + 200 * i + offset, y = -100 + 200 * j;
                cells.Add(new Subdistrict(cells.Count + 1, $"网格 {i}-{j}", 0, WithSrid(new Polygon(Ring(x, y, x + 200, y + 200)))));
            }
        }
        return cells;
    }

    [Fact]
    public void Parts_keptThenRead_areThePartsCutExactly()
    {
        using var folder = new TempFolder();
        var cells = Cells();
        int cuts = 0;
        IReadOnlyList<NestedPart> Cut() { cuts++; return NestedCells.Cut(Units, cells, Graph); }

        var cut = NestedCellsCache.Parts(Units, cells, Graph, folder.Path, 0, Cut);
        var read = NestedCellsCache.Parts(Units, cells, Graph, folder.Path, 0, Cut);

        Assert.Equal(1, cuts);
        Assert.Contains(cut, p => p.LonLat is MultiPolygon);
        Assert.Contains(cut, p => p.LonLat is Polygon { NumInteriorRings: 1 });
        AssertSame(NestedCells.Cut(Units, cells, Graph), read);
        AssertSame(cut, read);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("cut")]
    [InlineData("version")]
    public void Parts_damagedFile_areCutAgainAndReplaced(string damage)
    {
        using var folder = new TempFolder();
        var cells = Cells();
        int cuts = 0;
        IReadOnlyList<NestedPart> Cut() { cuts++; return NestedCells.Cut(Units, cells, Graph); }
        NestedCellsCache.Parts(Units, cells, Graph, folder.Path, 0, Cut);
        CacheFileDamage.Apply(Directory.GetFiles(folder.Path, "nested-cells-*.bin").Single(), damage);

        var again = NestedCellsCache.Parts(Units, cells, Graph, folder.Path, 0, Cut);
        var afterwards = NestedCellsCache.Parts(Units, cells, Graph, folder.Path, 0, Cut);

        Assert.Equal(2, cuts);
        AssertSame(NestedCells.Cut(Units, cells, Graph), again);
        AssertSame(again, afterwards);
    }

    [Fact]
    public void TryRead_fileNamingACellOrUnitNotGiven_isRefused()
    {
        using var folder = new TempFolder();
        var cells = Cells();
        var parts = NestedCells.Cut(Units, cells, Graph);
        string file = folder.File("parts.bin");
        NestedCellsCacheFile.Write(file, parts);

        Assert.NotNull(NestedCellsCacheFile.TryRead(file, Units.Length, cells.Count));
        Assert.Null(NestedCellsCacheFile.TryRead(file, Units.Length, parts.Max(p => p.Cell)));
        Assert.Null(NestedCellsCacheFile.TryRead(file, parts.Max(p => p.Parent), cells.Count));
    }

    [Fact]
    public void Parts_fewerPiecesThanKept_writeNoFile()
    {
        using var folder = new TempFolder();
        NestedCellsCache.Parts(Units, Cells(), Graph, folder.Path, Graph.Pieces.Count + 1, () => NestedCells.Cut(Units, Cells(), Graph));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Key_followsTheUnitsTheCellsAndTheGraph()
    {
        string key = NestedCellsCache.Key(Units, Cells(), Graph);
        Assert.Equal(key, NestedCellsCache.Key(Units, Cells(), Graph));
        Assert.NotEqual(key, NestedCellsCache.Key(Units, Cells(offset: 1e-3), Graph));
        Assert.NotEqual(key, NestedCellsCache.Key(Units.Reverse().ToArray(), Cells(), Graph));
        Assert.NotEqual(key, NestedCellsCache.Key(Units[..2], Cells(), Graph));
        var wider = StreetGraphBuilder.Build(TestCity.Grid(6, 6).ToDataset(), TravelProfile.BuiltIn("ebike"));
        Assert.NotEqual(key, NestedCellsCache.Key(Units, Cells(), wider));
    }

    private static void AssertSame(IReadOnlyList<NestedPart> expected, IReadOnlyList<NestedPart> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Cell, e.Parent, e.LonLat.GeometryType, e.LonLat.NumGeometries, e.LonLat.SRID), (a.Cell, a.Parent, a.LonLat.GeometryType, a.LonLat.NumGeometries, a.LonLat.SRID));
            for (int g = 0; g < e.LonLat.NumGeometries; g++) SameBits.Polygon((Polygon)e.LonLat.GetGeometryN(g), (Polygon)a.LonLat.GetGeometryN(g));
        }
    }
}
