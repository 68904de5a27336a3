using Geo.Analyses.Pairing;
using Geo.Data.Model;
using Geo.Streets;
using static Geo.Tests.Analyses.Pairing.PairingTown;

namespace Geo.Tests.Analyses.Pairing;

/// <summary>E-bike at 15 km/h: 100 m of street takes 24 s.</summary>
public class PairingAnalysisTests
{
    private static readonly TravelProfile Ebike = TravelProfile.BuiltIn("ebike");

    private static StreetGraph Grid(int rows, int cols) => StreetGraphBuilder.Build(TestCity.Grid(rows, cols).ToDataset(), Ebike);

    private static PairingResult Run(StreetGraph graph, Station[] stations, Subdistrict[] subdistricts,
        PointOfInterest[]? pois = null, PairingOptions? options = null) =>
        PairingAnalysis.Run(graph, stations, subdistricts, pois ?? Array.Empty<PointOfInterest>(), options ?? new PairingOptions());

    private static PairingRow RowOf(PairingResult result, string subdistrict) =>
        Assert.Single(result.Rows, r => r.Subdistrict >= 0 && result.Subdistricts[r.Subdistrict].Name == subdistrict);

    [Fact]
    public void Run_stationOnSharedBorder_goesToTheLowestIdAndSaysWhy()
    {
        var graph = Grid(3, 7);
        var subdistricts = new[] { Square(5, "东街道", 0, -50, 200, 250), Square(3, "西街道", 200, -50, 600, 250) };
        var result = Run(graph, new[] { Station("s1", 200, 100) }, subdistricts);

        var placement = result.Placements[0];
        Assert.Equal("西街道", result.Subdistricts[placement.Subdistrict].Name);
        Assert.Contains("border", placement.Rule);
        Assert.Contains("lowest id", placement.Rule);
        var row = RowOf(result, "西街道");
        Assert.Equal(PairingHow.Inside, row.How);
        Assert.Equal(placement.Rule, row.Rule);
    }

    [Fact]
    public void Run_stationOnBorderWithNearestInteriorRule_goesToTheSubdistrictWhoseInteriorIsNearer()
    {
        var graph = Grid(3, 7);
        var subdistricts = new[] { Square(5, "东街道", 0, -50, 200, 250), Square(3, "西街道", 200, -50, 600, 250) };
        var result = Run(graph, new[] { Station("s1", 200, 100) }, subdistricts,
            options: new PairingOptions { BorderRule = BorderRule.NearestInterior });

        Assert.Equal("东街道", result.Subdistricts[result.Placements[0].Subdistrict].Name);
        Assert.Contains("nearest interior point", result.Placements[0].Rule);
    }

    [Fact]
    public void Run_subdistrictWithoutStation_getsTheNearestStationByTravelTime()
    {
        var graph = Grid(3, 7);
        var subdistricts = new[]
        {
            Square(1, "甲", 0, -50, 200, 250), Square(2, "乙", 200, -50, 400, 250), Square(3, "丙", 400, -50, 600, 250),
        };
        // 乙's interior point is (300, 100): 200 m from s1, 250 m from s2.
        var result = Run(graph, new[] { Station("s1", 100, 100), Station("s2", 550, 100) }, subdistricts);

        var row = RowOf(result, "乙");
        Assert.Equal(PairingHow.Nearest, row.How);
        Assert.Equal("s1", result.Stations[row.Station].Id);
        Assert.Equal(48, row.Seconds!.Value, 1);
        Assert.Equal(new[] { 1 }, result.Summary.SubdistrictsWithoutStation);
        Assert.True(result.Summary.Feasible);
        Assert.Equal("street point nearest its interior point", result.Subdistricts[1].ReferenceKind);
    }

    [Fact]
    public void Run_serviceCentreInside_isTheReferencePoint()
    {
        var graph = Grid(3, 7);
        var subdistricts = new[]
        {
            Square(1, "甲", 0, -50, 200, 250), Square(2, "乙", 200, -50, 400, 250), Square(3, "丙", 400, -50, 600, 250),
        };
        var pois = new[]
        {
            Poi(7, "乙社区党群服务中心", null, 380, 0),
            Poi(6, "乙活动室", "community_centre", 220, 200),
            Poi(5, "丙社区党群服务中心", null, 450, 0),
        };
        // From (380, 0): s1 at (100, 100) is 380 m away (91.2 s), s2 at (550, 100) 270 m (64.8 s).
        var result = Run(graph, new[] { Station("s1", 100, 100), Station("s2", 550, 100) }, subdistricts, pois);

        Assert.Contains("乙社区党群服务中心", result.Subdistricts[1].ReferenceKind);
        var row = RowOf(result, "乙");
        Assert.Equal("s2", result.Stations[row.Station].Id);
        Assert.Equal(64.8, row.Seconds!.Value, 1);
    }

    [Fact]
    public void Run_capBinds_givesTheSecondSubdistrictItsSecondNearestStation()
    {
        var graph = Grid(3, 10);
        var subdistricts = new[]
        {
            Square(1, "甲", 0, -50, 200, 250), Square(2, "乙", 200, -50, 400, 250), Square(3, "丙", 400, -50, 600, 250),
        };
        // s1 stands in 甲; s2 outside all. 乙 (300,100): s1 110 m, s2 600 m. 丙 (500,100): s1 310 m, s2 400 m.
        // Both are nearest to s1, which may take only one more: 乙→s1 + 丙→s2 (510 m) beats 乙→s2 + 丙→s1 (910 m).
        var stations = new[] { Station("s1", 190, 100), Station("s2", 900, 100) };
        var result = Run(graph, stations, subdistricts, options: new PairingOptions { MaxSubdistrictsPerStation = 2 });

        Assert.True(result.Summary.CapsBound);
        var yi = RowOf(result, "乙");
        var bing = RowOf(result, "丙");
        Assert.Equal(("s1", PairingHow.Nearest), (result.Stations[yi.Station].Id, yi.How));
        Assert.Equal(("s2", PairingHow.Assigned), (result.Stations[bing.Station].Id, bing.How));
        Assert.Equal(96, bing.Seconds!.Value, 1);
        Assert.True(result.Summary.Feasible);
        Assert.Equal(96, result.Summary.Longest!.Seconds!.Value, 1);
    }

    [Fact]
    public void Run_capTooTight_reportsNoFeasiblePairingAndTheSubdistrictsLeft()
    {
        var graph = Grid(3, 10);
        var subdistricts = new[]
        {
            Square(1, "甲", 0, -50, 200, 250), Square(2, "乙", 200, -50, 400, 250), Square(3, "丙", 400, -50, 600, 250),
        };
        var stations = new[] { Station("s1", 190, 100), Station("s2", 900, 100) };
        var result = Run(graph, stations, subdistricts, options: new PairingOptions { MaxSubdistrictsPerStation = 1 });

        // s1 is full with 甲; s2 can take one: 丙 (400 m) rather than 乙 (600 m).
        Assert.False(result.Summary.Feasible);
        Assert.Equal(new[] { 1 }, result.Summary.Unpaired);
        var yi = RowOf(result, "乙");
        Assert.Equal(PairingHow.Unpaired, yi.How);
        Assert.Contains("cap of 1", yi.Rule);
        Assert.Equal("s2", result.Stations[RowOf(result, "丙").Station].Id);
    }

    [Fact]
    public void Run_stationOutsideEverySubdistrictServingNone_isReportedOutside()
    {
        var graph = Grid(3, 10);
        var subdistricts = new[] { Square(1, "甲", 0, -50, 200, 250) };
        var result = Run(graph, new[] { Station("s1", 100, 100), Station("s2", 900, 100) }, subdistricts);

        Assert.Equal(new[] { 1 }, result.Summary.StationsOutside);
        var row = Assert.Single(result.Rows, r => r.Station == 1);
        Assert.Equal(PairingHow.Unpaired, row.How);
        Assert.Equal(StationPlacement.OutsideRule, row.Rule);
    }

    [Fact]
    public void Run_stationBesideAStreet_reportsStreetWayDistanceAndSide()
    {
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (400.0, 0.0) }, name: "人民南路");
        var graph = StreetGraphBuilder.Build(city.ToDataset(), Ebike);
        var result = Run(graph, new[] { Station("s1", 100, 30) }, new[] { Square(1, "甲", -50, -100, 450, 100) });

        var street = result.StationStreets[0];
        Assert.Equal("人民南路", street.StreetName);
        Assert.Equal(1, street.WayId);
        Assert.Equal(30, street.SnapMeters, 1);
        Assert.Equal(Geo.Streets.Snapping.StreetSide.Left, street.Side);
    }

    [Fact]
    public void Run_bowTieSubdistrict_isRepairedWithAWarningNamingIt()
    {
        var graph = Grid(3, 3);
        var bowTie = new Subdistrict(42, "蝴蝶", 8, Polygon((0, 0), (200, 200), (200, 0), (0, 200)));
        // (150, 100) lies in the bow-tie's right wing, which the repair keeps.
        var result = Run(graph, new[] { Station("s1", 150, 100) }, new[] { bowTie });

        Assert.Contains(result.Warnings, w => w.Contains("subdistrict 42") && w.Contains("repaired"));
        Assert.Equal(0, result.Placements[0].Subdistrict);
    }

    [Fact]
    public void Run_subdistrictCollapsedToALine_isRefusedNamingIt()
    {
        var flat = new Subdistrict(77, "扁", 8, Polygon((0, 0), (100, 100), (0, 0)));
        var e = Assert.Throws<GeoInputException>(() => Run(Grid(3, 3), new[] { Station("s1", 150, 100) }, new[] { flat }));
        Assert.Contains("subdistrict 77", e.Message);
        Assert.Contains("does not repair into an area", e.Message);
    }

    [Fact]
    public void Run_noSubdistricts_isRefused()
    {
        var e = Assert.Throws<GeoInputException>(() => Run(Grid(2, 2), new[] { Station("s1", 0, 0) }, Array.Empty<Subdistrict>()));
        Assert.Contains("no subdistricts", e.Message);
    }

    [Fact]
    public void Run_capOfZero_isRefused()
    {
        var e = Assert.Throws<GeoInputException>(() => Run(Grid(2, 2), new[] { Station("s1", 0, 0) },
            new[] { Square(1, "甲", -50, -50, 150, 150) }, options: new PairingOptions { MaxSubdistrictsPerStation = 0 }));
        Assert.Contains("at least 1", e.Message);
        Assert.Contains("got 0", e.Message);
    }

    [Fact]
    public void Run_duplicateStationIds_isRefused()
    {
        var e = Assert.Throws<GeoInputException>(() => Run(Grid(2, 2), new[] { Station("s1", 0, 0), Station("s1", 100, 0) },
            new[] { Square(1, "甲", -50, -50, 150, 150) }));
        Assert.Contains("'s1'", e.Message);
    }
}
