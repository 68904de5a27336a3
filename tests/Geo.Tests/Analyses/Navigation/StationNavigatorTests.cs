using Geo.Analyses.Navigation;
using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Navigation;

public class StationNavigatorTests
{
    private static StreetSnapper Ebike(StreetDataset dataset) => new(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));

    /// <summary>
    /// <code>
    ///   D(0,100) ──────────────── C'(200,100)      two-way
    ///     │                          │
    ///   A(0,0) ──→── B(100,0) ──→── C(200,0)       one-way east
    ///     S1(20)  rider(50)      S2(180)
    /// </code>
    /// S1 is 30 m behind the rider but against the one-way; S2 is 130 m ahead.
    /// </summary>
    private static (StreetSnapper Snapper, Station[] Stations) OneWayLoop()
    {
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true, name: "一环路")
            .Street(2, 3, new[] { (100.0, 0.0), (200.0, 0.0) }, oneway: true, name: "一环路")
            .Street(3, 4, new[] { (200.0, 0.0), (200.0, 100.0) }, name: "人民南路")
            .Street(4, 5, new[] { (200.0, 100.0), (0.0, 100.0) }, name: "红星路")
            .Street(5, 1, new[] { (0.0, 100.0), (0.0, 0.0) }, name: "东大街");
        var stations = new[]
        {
            new Station("S1", "西驿站", TestCity.PointAt(20, -5)),
            new Station("S2", "东驿站", TestCity.PointAt(180, -5)),
        };
        return (Ebike(city.ToDataset()), stations);
    }

    [Fact]
    public void Nearest_behindOnAOneWay_goesToTheStationAhead()
    {
        var (snapper, stations) = OneWayLoop();
        var navigator = new StationNavigator(snapper, stations);
        var (lon, lat) = TestCity.LonLat(50, 0);
        var answer = navigator.Nearest(lon, lat, new NearestStationQuery());
        var route = Assert.Single(answer.Routes);
        Assert.Equal("S2", route.Station.Id);
        Assert.Equal(130, route.Route.Meters, 1);
        Assert.Equal(130 * 0.24, route.Route.Seconds, 1);
        Assert.Equal("沿 一环路 130 m", route.Route.Steps[0].Zh);
        RouteChecks.AssertWellFormed(snapper.Graph, route.Route, answer.From, route.StationSnap, route.Route.Seconds);
    }

    [Fact]
    public void Nearest_kTwo_listsTheStationBehindByItsLoopWithTurns()
    {
        var (snapper, stations) = OneWayLoop();
        var navigator = new StationNavigator(snapper, stations);
        var (lon, lat) = TestCity.LonLat(50, 0);
        var answer = navigator.Nearest(lon, lat, new NearestStationQuery(K: 2));
        Assert.Equal(new[] { "S2", "S1" }, answer.Routes.Select(r => r.Station.Id));
        var loop = answer.Routes[1].Route;
        Assert.Equal(150 + 100 + 200 + 100 + 20, loop.Meters, 1);
        // East along 一环路, left up 人民南路, left along 红星路, left down 东大街, left back onto 一环路.
        Assert.Equal(new[] { Turn.Depart, Turn.Left, Turn.Left, Turn.Left, Turn.Left, Turn.Arrive }, loop.Steps.Select(s => s.Turn));
        Assert.Equal("左转 人民南路 100 m", loop.Steps[1].Zh);
        Assert.Equal("Turn left onto 红星路 200 m", loop.Steps[2].En);
        foreach (var r in answer.Routes) RouteChecks.AssertWellFormed(snapper.Graph, r.Route, answer.From, r.StationSnap, r.Route.Seconds);
    }

    [Fact]
    public void Nearest_stationOnTheRidersPieceAhead_goesStraightThere()
    {
        var (snapper, _) = OneWayLoop();
        var navigator = new StationNavigator(snapper, new[] { new Station("S3", null, TestCity.PointAt(80, 3)) });
        var (lon, lat) = TestCity.LonLat(50, 0);
        var route = Assert.Single(navigator.Nearest(lon, lat, new NearestStationQuery()).Routes);
        Assert.Equal(30, route.Route.Meters, 1);
        Assert.Single(route.Route.Spans);
    }

    [Fact]
    public void Nearest_allClosed_saysSoWithTheNearestClosedAndWhenItOpens()
    {
        var (snapper, _) = OneWayLoop();
        var stations = new[] { new Station("S2", "东驿站", TestCity.PointAt(180, -5), "Mo-Fr 08:00-20:00") };
        var navigator = new StationNavigator(snapper, stations);
        var (lon, lat) = TestCity.LonLat(50, 0);
        var friday = new DateTime(2026, 12, 4, 21, 30, 0);
        var answer = navigator.Nearest(lon, lat, new NearestStationQuery(At: friday));
        Assert.Empty(answer.Routes);
        Assert.NotNull(answer.NearestClosed);
        Assert.Equal(new DateTime(2026, 12, 7, 8, 0, 0), answer.NearestClosed!.OpensAt);
        Assert.Contains("东驿站 (S2)", answer.NoneReason);
        Assert.Contains("opens 2026-12-07 08:00", answer.NoneReason);
        Assert.Single(navigator.Nearest(lon, lat, new NearestStationQuery(At: friday.AddHours(-2))).Routes);
    }

    [Fact]
    public void Nearest_unreadableHours_areReportedAndNeverOpen()
    {
        var (snapper, _) = OneWayLoop();
        var stations = new[]
        {
            new Station("S1", null, TestCity.PointAt(20, -5), "24/7"),
            new Station("S2", null, TestCity.PointAt(180, -5), "weekdays 8 to 8"),
        };
        var navigator = new StationNavigator(snapper, stations);
        var (station, problem) = Assert.Single(navigator.UnreadableHours);
        Assert.Equal("S2", station.Id);
        Assert.Contains("weekdays", problem);
        var (lon, lat) = TestCity.LonLat(50, 0);
        Assert.Equal("S1", Assert.Single(navigator.Nearest(lon, lat, new NearestStationQuery(At: new DateTime(2026, 12, 2, 10, 0, 0))).Routes).Station.Id);
        Assert.Equal("S2", Assert.Single(navigator.Nearest(lon, lat, new NearestStationQuery()).Routes).Station.Id);
    }

    [Fact]
    public void Nearest_offTheNetwork_givesTheTrueDistanceToTheNearestStreet()
    {
        var (snapper, stations) = OneWayLoop();
        var (lon, lat) = TestCity.LonLat(100, -500);
        var answer = new StationNavigator(snapper, stations).Nearest(lon, lat, new NearestStationQuery());
        Assert.Empty(answer.Routes);
        Assert.Contains("500 m away", answer.NoneReason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Nearest_kOutOfRange_isRefused(int k)
    {
        var (snapper, stations) = OneWayLoop();
        var e = Assert.Throws<GeoInputException>(() => new StationNavigator(snapper, stations).Nearest(104.066, 30.657, new NearestStationQuery(K: k)));
        Assert.Contains("k must be between 1 and 10", e.Message);
    }

    [Fact]
    public void Nearest_syntheticCity_equalsBruteForceWithAndWithoutHours()
    {
        var dataset = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 3000, Stations: 40, Seed: 5));
        Assert.Contains(dataset.Stations, s => s.OpeningHours is not null and not "24/7");
        var snapper = Ebike(dataset);
        var hours = dataset.Stations.Select(s => s.OpeningHours is null ? null : OpeningHours.Parse(s.OpeningHours)).ToArray();
        CheckAgainstBruteForce(snapper, dataset.Stations, s => hours[s], new Random(3), points: 60);
    }

    [Theory]
    [InlineData("chengdu-center.osm.pbf")]
    [InlineData("andorra.osm.pbf")]
    public void Nearest_realExtract_equalsBruteForceWithAndWithoutHours(string extract)
    {
        var dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset(extract)).Dataset;
        var snapper = Ebike(dataset);
        var random = new Random(17);
        var made = new List<RandomHours>();
        var stations = ReferenceRouting.RandomPoints(snapper.Graph, random, 30).Select((p, i) =>
        {
            var h = RandomHours.Make(random);
            made.Add(h);
            return new Station($"S{i + 1}", null, new NetTopologySuite.Geometries.Point(p.Lon, p.Lat) { SRID = 4326 }, h.Text);
        }).ToArray();
        CheckAgainstBruteForce(snapper, stations, s => made[s], random, points: 40);
    }

    private static void CheckAgainstBruteForce(StreetSnapper snapper, IReadOnlyList<Station> stations, Func<int, object?> hoursOf, Random random, int points)
    {
        var navigator = new StationNavigator(snapper, stations);
        var graph = snapper.Graph;
        var snaps = stations.Select(s => snapper.Snap(s.Geometry.X, s.Geometry.Y)).ToArray();
        var monday = new DateTime(2026, 11, 30);
        int checkedRoutes = 0;
        foreach (var (lon, lat) in ReferenceRouting.RandomPoints(graph, random, points))
        {
            var from = snapper.Snap(lon, lat);
            if (!from.IsSnapped) continue;
            var seconds = ReferenceRouting.SecondsTo(graph, from, snaps);
            foreach (DateTime? at in new DateTime?[] { null, monday.AddMinutes(random.Next(7 * 1440)) })
            {
                bool Open(int s) => snaps[s].IsSnapped && (at is null || hoursOf(s) switch
                {
                    null => true,
                    OpeningHours h => h.IsOpenAt(at.Value),
                    RandomHours h => h.IsOpenAt(at.Value),
                    _ => throw new InvalidOperationException(),
                });
                var expected = Enumerable.Range(0, stations.Count).Where(s => Open(s) && seconds[s] <= 3600)
                    .OrderBy(s => seconds[s]).ToList();
                foreach (int k in new[] { 1, 3 })
                {
                    var answer = navigator.Nearest(from, new NearestStationQuery(K: k, At: at));
                    Assert.Equal(Math.Min(k, expected.Count), answer.Routes.Count);
                    for (int r = 0; r < answer.Routes.Count; r++)
                    {
                        var route = answer.Routes[r];
                        int s = stations.ToList().FindIndex(x => x.Id == route.Station.Id);
                        Assert.True(Open(s), $"{route.Station.Id} is closed at {at}");
                        Assert.True(Math.Abs(seconds[expected[r]] - route.Route.Seconds) < 1e-3,
                            $"k={k} rank {r + 1} at {at}: Geo {route.Station.Id} {route.Route.Seconds:0.000} s, reference {stations[expected[r]].Id} {seconds[expected[r]]:0.000} s");
                        Assert.Equal(seconds[s], route.Route.Seconds, 3);
                        RouteChecks.AssertWellFormed(graph, route.Route, from, route.StationSnap, seconds[s]);
                        checkedRoutes++;
                    }
                }
            }
        }
        Assert.True(checkedRoutes > points, $"only {checkedRoutes} routes checked");
    }

    [Fact]
    public void Labelling_everyJunctionOfARealExtract_equalsASearchFromThatJunction()
    {
        var dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset("andorra.osm.pbf")).Dataset;
        var snapper = Ebike(dataset);
        var graph = snapper.Graph;
        var random = new Random(23);
        var stations = ReferenceRouting.RandomPoints(graph, random, 40)
            .Select((p, i) => new Station($"S{i + 1}", null, new NetTopologySuite.Geometries.Point(p.Lon, p.Lat) { SRID = 4326 })).ToArray();
        var navigator = new StationNavigator(snapper, stations);
        var snaps = stations.Select((_, i) => navigator.SnapOf(i)).ToArray();
        var labelling = navigator.Labelling(navigator.OpenAt(null));
        var reference = new ReferenceRouting(graph, snaps);
        var stationNodes = Enumerable.Range(0, snaps.Length).ToDictionary(reference.PointNode);
        for (int v = 0; v < graph.VertexCount; v++)
        {
            int reached = -1;
            var dist = reference.From(v, u => { if (stationNodes.ContainsKey(u)) { reached = u; return true; } return false; });
            double expected = reached < 0 ? double.PositiveInfinity : dist[reached];
            double actual = labelling.SecondsFrom(v);
            if (double.IsPositiveInfinity(expected)) Assert.True(double.IsPositiveInfinity(actual), $"junction {v}: Geo reaches a station, the reference none");
            else
            {
                Assert.True(Math.Abs(expected - actual) < 1e-3, $"junction {v}: Geo {actual:0.000} s, reference {expected:0.000} s");
                int s = labelling.StationFrom(v);
                Assert.Equal(expected, dist[reference.PointNode(s)], 3);
            }
        }
    }
}
