using Geo.Analyses.Reach;
using Geo.Analyses.ServiceAreas;
using Geo.Coordinates;
using Geo.Data.Model;
using Geo.Data.Stations;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Geo.Tests.Analyses.ServiceAreas;

public class ServiceAreaAnalysisTests
{
    private static StreetSnapper Snapper(TestCity city, string profile = "walk") =>
        new(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn(profile)));

    private static Station StationAt(string id, double x, double y) => new(id, $"驿站{id}", TestCity.PointAt(x, y));

    private static ServiceAreaResult Run(StreetSnapper snapper, IEnumerable<Station> stations, params double[] minutes) =>
        ServiceAreaAnalysis.Run(snapper, stations.ToList(), new ServiceAreaOptions(minutes));

    [Fact]
    public void Run_breaks_areNestedForEveryStation()
    {
        var result = Run(Snapper(TestCity.Grid(12, 12)), new[] { StationAt("a", 300, 300), StationAt("b", 820, 610) }, 2, 4, 6);

        foreach (var station in result.Areas.GroupBy(a => a.StationId))
        {
            var areas = station.OrderBy(a => a.Minutes).ToList();
            for (int i = 1; i < areas.Count; i++)
            {
                Assert.True(areas[i - 1].Area.Difference(areas[i].Area).Area < 1e-14, $"{station.Key}: {areas[i - 1].Minutes} min not inside {areas[i].Minutes} min");
                Assert.True(areas[i - 1].AreaKm2 <= areas[i].AreaKm2);
            }
        }
    }

    [Fact]
    public void LargestBreakOnly_ofSeveralBreaks_isTheRunOfThatBreakAlone()
    {
        var snapper = Snapper(TestCity.Grid(12, 12), "ebike");
        var stations = new[] { StationAt("a", 300, 300), StationAt("b", 820, 610), StationAt("c", 1100, 50), StationAt("d", 600, 600) };

        var cut = ServiceAreaAnalysis.Run(snapper, stations, new ServiceAreaOptions(new double[] { 1, 2, 3 }, Overlap: false)).LargestBreakOnly();
        var alone = ServiceAreaAnalysis.Run(snapper, stations, new ServiceAreaOptions(new double[] { 3 }, Overlap: false));

        Assert.Equal(alone.Minutes, cut.Minutes);
        Assert.Equal(alone.Areas.Select(a => (a.StationId, a.Minutes, a.AreaKm2, a.StreetKm, a.Area.ToText())), cut.Areas.Select(a => (a.StationId, a.Minutes, a.AreaKm2, a.StreetKm, a.Area.ToText())));
        Assert.Equal(alone.Coverage.Single() with { Area = null! }, cut.Coverage.Single() with { Area = null! });
        Assert.True(alone.Coverage[0].Area.EqualsExact(cut.Coverage[0].Area));
        Assert.True(alone.CoverageLocal[0].EqualsExact(cut.CoverageLocal.Single()));
        Assert.Equal(alone.CoveredStreets[0], cut.CoveredStreets.Single());
        Assert.Equal(alone.CoveredCells!.Cells, cut.CoveredCells!.Cells);
    }

    [Fact]
    public void Run_everyPolygon_isValid()
    {
        var result = Run(Snapper(TestCity.Grid(12, 12)), new[] { StationAt("a", 300, 300), StationAt("b", 820, 610), StationAt("c", 1100, 50) }, 3, 6);
        Assert.All(result.Areas, a => Assert.True(a.Area.IsValid, $"{a.StationId} {a.Minutes}"));
        Assert.All(result.Coverage, c => Assert.True(c.Area.IsValid));
        Assert.All(result.Overlap, o => Assert.True(o.Area.IsValid));
    }

    [Fact]
    public void Run_mergedCoverage_equalsTheUnionOfStationAreas()
    {
        var result = Run(Snapper(TestCity.Grid(12, 12)), new[] { StationAt("a", 300, 300), StationAt("b", 820, 610), StationAt("c", 1100, 50) }, 3, 6);

        foreach (var coverage in result.Coverage)
        {
            var union = CascadedPolygonUnion.Union(result.Areas.Where(a => a.Minutes == coverage.Minutes).Select(a => a.Area).ToList());
            double symmetric = union.SymmetricDifference(coverage.Area).Area;
            Assert.True(symmetric / union.Area < 0.005, $"{coverage.Minutes} min: union and merged coverage differ by {symmetric / union.Area:P2}");
        }
    }

    [Fact]
    public void Run_eachStationsAreas_areThoseOfTheStationAlone_inWhateverOrderTheStationsAreDrawn()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var random = new Random(11);
        // Stations at random, some on junctions, listed in an order unrelated to where they stand.
        var stations = Enumerable.Range(0, 14)
            .Select(i => i % 4 == 0
                ? StationAt($"s{i}", 100 * random.Next(12), 100 * random.Next(12))
                : StationAt($"s{i}", random.NextDouble() * 1100, random.NextDouble() * 1100))
            .ToList();

        var together = Run(snapper, stations, 3, 6);

        Assert.Equal(stations.Count * 2, together.Areas.Count);
        foreach (var station in stations)
        {
            var alone = Run(snapper, new[] { station }, 3, 6);
            var mine = together.Areas.Where(a => a.StationId == station.Id).ToList();
            Assert.Equal(alone.Areas.Select(a => a.Minutes), mine.Select(a => a.Minutes));
            for (int b = 0; b < 2; b++)
            {
                Assert.True(alone.Areas[b].Area.EqualsExact(mine[b].Area), $"{station.Id} at {mine[b].Minutes} min differs from the station alone");
                Assert.Equal(alone.Areas[b].AreaKm2, mine[b].AreaKm2);
                Assert.Equal(alone.Areas[b].StreetKm, mine[b].StreetKm);
            }
        }
    }

    [Fact]
    public void DrawingOrder_samplesTheMiddlesOfTheCurveFirst_thenFollowsTheCurve_drawingEveryStationOnce()
    {
        var random = new Random(4);
        var snaps = Enumerable.Range(0, 101)
            .Select(_ => new SnapResult(true, 0, 0, 0, 0, random.NextDouble() * 5000, random.NextDouble() * 5000, StreetSide.On, null))
            .ToList();
        var curve = HilbertOrder.Of(snaps.Select(s => s.X).ToArray(), snaps.Select(s => s.Y).ToArray());

        var order = ServiceAreaAnalysis.DrawingOrder(snaps, 2);

        Assert.Equal(Enumerable.Range(0, 101), order.Order());
        Assert.Equal(new[] { curve[25], curve[75] }, order[..2]);
        Assert.Equal(curve.Where((_, at) => at != 25 && at != 75), order[2..]);
        Assert.Equal(curve, ServiceAreaAnalysis.DrawingOrder(snaps, 0));
    }

    [Fact]
    public void Run_overlap_countsHowManyStationsReachEachPart()
    {
        var result = Run(Snapper(TestCity.Grid(12, 12)), new[] { StationAt("a", 300, 300), StationAt("b", 500, 300) }, 5);

        Assert.Equal(new[] { 1, 2 }, result.Overlap.Select(o => o.StationsReaching));
        var both = result.Areas[0].Area.Intersection(result.Areas[1].Area);
        Assert.True(both.SymmetricDifference(result.Overlap[1].Area).Area / both.Area < 0.01);
        Assert.Equal(result.Coverage[0].AreaKm2, result.Overlap.Sum(o => o.AreaKm2), 2);
    }

    [Fact]
    public void Run_overlapOfManyStations_countsEveryStationsCellsOnce()
    {
        // Stations at random, three of them on one spot: each station's cells add one to their counts, so the cells
        // counted k times, k times over, are every station's cells together.
        var random = new Random(53);
        var stations = Enumerable.Range(0, 14).Select(i => StationAt($"s{i}", 100 + random.NextDouble() * 1700, 100 + random.NextDouble() * 1700)).ToList();
        stations.AddRange(Enumerable.Range(0, 3).Select(i => StationAt($"same{i}", 950, 950)));
        var result = Run(Snapper(TestCity.Grid(20, 20)), stations, 6);

        double stationsKm2 = result.Areas.Sum(a => a.AreaKm2);
        double countedKm2 = result.Overlap.Sum(o => o.StationsReaching * o.AreaKm2);
        Assert.Equal(stationsKm2, countedKm2, stationsKm2 * 1e-9);
        Assert.True(result.Overlap.Max(o => o.StationsReaching) >= 3);
        Assert.Equal(result.Coverage[0].AreaKm2, result.Overlap.Sum(o => o.AreaKm2), 1e-9);
    }

    [Fact]
    public void Run_stationOnAnIsland_reachesOnlyItsIsland()
    {
        var city = TestCity.Grid(4, 4);
        city.Street(90001, 90002, new[] { (2000.0, 0.0), (2100.0, 0.0) }).Street(90002, 90003, new[] { (2100.0, 0.0), (2100.0, 100.0) });
        var result = Run(Snapper(city), new[] { StationAt("island", 2050, 0) }, 60);

        var area = result.Areas.Single().Area;
        var mainland = TestCity.PointAt(150, 150);
        Assert.False(area.Intersects(mainland));
        Assert.Equal(0.2, result.Areas.Single().StreetKm, 3);
    }

    [Fact]
    public void Run_blockTheStreetsDoNotEnter_staysAHole()
    {
        // A 1 km square ring road with no streets inside: widened by 50 m, the inner 900 m square stays uncovered.
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (1000.0, 0.0) }).Street(2, 3, new[] { (1000.0, 0.0), (1000.0, 1000.0) })
            .Street(3, 4, new[] { (1000.0, 1000.0), (0.0, 1000.0) }).Street(4, 1, new[] { (0.0, 1000.0), (0.0, 0.0) });
        var result = Run(Snapper(city), new[] { StationAt("a", 500, 0) }, 60);

        var polygon = Assert.IsType<Polygon>(result.Areas.Single().Area);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.False(polygon.Contains(TestCity.PointAt(500, 500)));
        Assert.True(polygon.Contains(TestCity.PointAt(500, 1000)));
    }

    [Fact]
    public void Run_partlyReachedStreet_countsTheReachedFraction()
    {
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (1000.0, 0.0) });
        var result = Run(Snapper(city), new[] { StationAt("end", 0, 0) }, 5);

        // 5 minutes on foot at 5 km/h is 416.67 m.
        Assert.Equal(0.41667, result.Areas.Single().StreetKm, 4);
        Assert.True(result.Areas.Single().Area.Contains(TestCity.PointAt(400, 0)));
        Assert.False(result.Areas.Single().Area.Contains(TestCity.PointAt(480, 0)));
    }

    [Fact]
    public void Run_circleOfTheSameSpeed_containsTheNetworkArea()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var stations = new[] { StationAt("a", 520, 480) };
        var network = Run(snapper, stations, 4).Areas.Single();
        var circle = ServiceAreaAnalysis.Run(snapper, stations, new ServiceAreaOptions(new double[] { 4 }, Circle: true)).Areas.Single();

        // The reached streets lie inside the circle; the widened polygon lies within the circle grown by what the
        // network adds around it: the walk from the station to its street, the lateral distance and one cell.
        Assert.True(network.StreetKm <= circle.StreetKm);
        var graph = snapper.Graph;
        double lateral = graph.Profile.LateralMeters, cell = lateral / ServiceAreaOptions.CellsPerLateral;
        double growth = snapper.Snap(stations[0].Geometry).DistanceMeters + lateral + cell;
        var grown = graph.ToLonLat(graph.ToLocal(circle.Area).Buffer(growth));
        Assert.True(network.Area.Difference(grown).Area < 1e-14);
        Assert.True(circle.AreaKm2 > network.AreaKm2);
    }

    [Fact]
    public void Run_polygon_agreesWithReachability()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var graph = snapper.Graph;
        var station = StationAt("a", 520, 480);
        var area = Run(snapper, new[] { station }, 5).Areas.Single().Area;
        var search = new ShortestPathSearch(graph);
        search.Run(snapper.Snap(station.Geometry).Seeds(graph), 300);
        var local = graph.ToLocal(area);
        var deepInside = local.Buffer(-(graph.Profile.LateralMeters + 20));

        for (int s = 0; s < graph.Pieces.Count; s++)
        {
            var piece = graph.ToLocal(graph.Pieces.Source[s].Geometry);
            bool fromReached = search.SecondsTo(graph.Pieces.FromVertex[s]) <= 300, toReached = search.SecondsTo(graph.Pieces.ToVertex[s]) <= 300;
            if (fromReached && toReached) Assert.True(local.Buffer(1).Contains(piece), $"reached piece {s} outside the polygon");
            if (deepInside.Contains(piece)) Assert.True(fromReached || toReached, $"piece {s} inside the polygon but not reached");
        }
    }

    [Fact]
    public void Run_stationFarFromStreets_isListedAsUnsnappedWithTheReason()
    {
        var result = Run(Snapper(TestCity.Grid(3, 3)), new[] { StationAt("ok", 100, 100), StationAt("far", 100, 1500) }, 5);
        var unsnapped = Assert.Single(result.Unsnapped);
        Assert.Equal("far", unsnapped.Station.Id);
        Assert.Contains("m away", unsnapped.Reason);
        Assert.All(result.Areas, a => Assert.Equal("ok", a.StationId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    [InlineData(-5)]
    public void Run_minutesOutOfRange_isRefused(double minutes)
    {
        var error = Assert.Throws<GeoInputException>(() => Run(Snapper(TestCity.Grid(3, 3)), new[] { StationAt("a", 0, 0) }, minutes));
        Assert.Contains("minutes", error.Message);
    }

    [Fact]
    public void Validate_breaksNotAscending_isRefused()
    {
        Assert.Throws<GeoInputException>(() => new ServiceAreaOptions(new double[] { 10, 5 }).Validate());
    }

    [Fact]
    public void StationSource_duplicateIds_areRefused()
    {
        using var folder = new TempFolder();
        var csv = folder.File("s.csv");
        File.WriteAllText(csv, "id,name,lon,lat\nA,一,104.066,30.657\nA,二,104.067,30.657\n");
        var error = Assert.Throws<GeoInputException>(() => StationSource.Load(csv, null!, TestCity.Grid(2, 2).ToDataset(), InputCrs.Wgs84));
        Assert.Contains("duplicate ids: A", error.Message);
    }

    [Fact]
    public void StationSource_gcj02Csv_isConvertedToWgs84()
    {
        using var folder = new TempFolder();
        var csv = folder.File("s.csv");
        var (gLon, gLat) = ChineseCoordinates.Wgs84ToGcj02(104.066, 30.657);
        File.WriteAllText(csv, FormattableString.Invariant($"station_id,name,lng,lat\nS1,\"春熙路, 驿站\",{gLon},{gLat}\n"));
        var station = Assert.Single(StationSource.Load(csv, null!, TestCity.Grid(2, 2).ToDataset(), InputCrs.Parse("gcj02")));
        Assert.Equal("春熙路, 驿站", station.Name);
        Assert.Equal(104.066, station.Geometry.X, 7);
    }

    [Fact]
    public void PoiQuery_matchesTagsAndNames()
    {
        var query = PoiQuery.Parse("amenity=community_centre|name~党群服务中心|驿站");
        PointOfInterest Poi(string? amenity, string? name) => new(1, "node", name, amenity, null, null, null, null, TestCity.PointAt(0, 0));
        Assert.True(query.Matches(Poi("community_centre", null)));
        Assert.True(query.Matches(Poi(null, "春熙路党群服务中心")));
        Assert.True(query.Matches(Poi(null, "骑手驿站")));
        Assert.False(query.Matches(Poi("restaurant", "火锅")));
        Assert.Throws<GeoInputException>(() => PoiQuery.Parse("colour=red"));
    }
}
