using Geo.Data.Model;
using Geo.Data.Subdistricts;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

/// <summary>
/// Units against the edge of the street data, on a 5 × 5 grid of 100 m streets (0…400 m each way):
/// <code>
///        0       400 m
///   ┌────┼────────┐
///   │ 西 │  东    │      西: −200…200 m, half outside the streets
///   └────┼────────┘      东: 0…400 m, wholly inside;  远: 2 km away, outside
/// </code>
/// </summary>
public sealed class UnitsWithinDataTests
{
    private static readonly StreetGraph Graph = StreetGraphBuilder.Build(TestCity.Grid(5, 5).ToDataset(), TravelProfile.BuiltIn("ebike"));

    private static Subdistrict Square(long id, string name, double x0, double y0, double x1, double y1)
    {
        var ring = new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0) }.Select(p => TestCity.PointAt(p.Item1, p.Item2).Coordinate).ToArray();
        return new Subdistrict(id, name, 0, new Polygon(new LinearRing(ring)) { SRID = 4326 });
    }

    [Fact]
    public void Clip_unitsCutByTheDataEdge_keepTheirHeldPartAndSayHowMuch()
    {
        var notes = new List<string>();
        var kept = UnitsWithinData.Clip(new[]
        {
            Square(1, "西区", -200, 0, 200, 400), Square(2, "东区", 0, 0, 400, 400), Square(3, "远区", 2000, 2000, 2400, 2400),
        }, Graph, notes);

        Assert.Equal(new[] { "西区", "东区" }, kept.Select(k => k.Name));
        Assert.Equal(0.5, kept[0].HeldShare, 2);
        Assert.True(kept[0].IsPartial);
        Assert.Equal(1.0, kept[1].HeldShare);
        Assert.Equal(0.08, Graph.ToLocal(kept[0].Geometry).Area / 1e6, 3);
        Assert.Contains(notes, n => n.Contains("西区") && n.Contains("50 %"));
        Assert.Contains(notes, n => n.Contains("远区") && n.Contains("outside"));
    }

    [Fact]
    public void Clip_noUnitOverTheData_failsSuggestingTheCrs()
    {
        var error = Assert.Throws<GeoInputException>(() => UnitsWithinData.Clip(new[] { Square(3, "远区", 2000, 2000, 2400, 2400) }, Graph, new List<string>()));
        Assert.Contains("--input-crs", error.Message);
    }

    [Fact]
    public void Within_cellsInsideDistricts_areNamedAfterTheirDistrictAndTileIt()
    {
        var districts = new[] { Square(1, "西区", 0, 0, 150, 400), Square(2, "东区", 150, 0, 400, 400) };
        var cells = new List<Subdistrict>();
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++) cells.Add(Square(i * 2 + j + 1, $"网格 {i}-{j}", i * 200, j * 200, i * 200 + 200, j * 200 + 200));
        }

        var nested = NestedCells.Within(districts, cells, Graph);

        Assert.Equal(6, nested.Count);
        Assert.All(nested, c => Assert.StartsWith(c.Parent + " 网格", c.Name));
        foreach (var d in districts)
        {
            double inside = nested.Where(c => c.Parent == d.Name).Sum(c => Graph.ToLocal(c.Geometry).Area);
            double whole = Graph.ToLocal(d.Geometry).Area;
            Assert.InRange(inside, whole * 0.999, whole * 1.001);
        }
    }
}
