using System.Globalization;
using System.Net;
using System.Text.Json;
using Geo.Analyses.Navigation;
using Geo.Analyses.Reach;
using Geo.Streets;

namespace Geo.Tests.MapViewer;

/// <summary>GET /api/nearest and the openrouteservice-shaped paths on a real loopback server, checked against Geo's own answers.</summary>
[Collection("Viewer")]
public sealed class NavigationApiTests(ViewerServerFixture server)
{
    private const double Lon = 104.066, Lat = 30.657;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static List<JsonElement> Routes(JsonElement collection) => collection.GetProperty("features").EnumerateArray()
        .Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "route").ToList();

    [Fact]
    public async Task Nearest_kThree_equalsTheEngine()
    {
        var body = await server.GetJson(Invariant($"/api/nearest?lon={Lon}&lat={Lat}&k=3&at=any"));
        var routes = Routes(body);
        Assert.Equal(3, routes.Count);
        var expected = new StationNavigator(server.Session.Snapper("ebike"), server.Session.Inputs.Stations).Nearest(Lon, Lat, new NearestStationQuery(3));
        for (int i = 0; i < 3; i++)
        {
            var p = routes[i].GetProperty("properties");
            Assert.Equal(expected.Routes[i].Station.Id, p.GetProperty("station_id").GetString());
            Assert.Equal(expected.Routes[i].Route.Seconds, p.GetProperty("seconds").GetDouble(), 0);
            Assert.Equal("LineString", routes[i].GetProperty("geometry").GetProperty("type").GetString());
            Assert.True(p.GetProperty("steps").GetArrayLength() >= 2);
        }
    }

    [Fact]
    public async Task OrsDirections_toTheNearestStation_giveTheSameTimeAndDistanceAsNearest()
    {
        var nearest = Routes(await server.GetJson(Invariant($"/api/nearest?lon={Lon}&lat={Lat}&at=any")))[0].GetProperty("properties");
        var station = server.Session.Inputs.Stations.Single(s => s.Id == nearest.GetProperty("station_id").GetString());
        var request = new { coordinates = new[] { new[] { Lon, Lat }, new[] { station.Geometry.X, station.Geometry.Y } } };

        var json = await server.PostJson("/v2/directions/cycling-electric", request);
        var summary = json.GetProperty("routes")[0].GetProperty("summary");
        Assert.Equal(nearest.GetProperty("meters").GetDouble(), summary.GetProperty("distance").GetDouble());
        Assert.Equal(nearest.GetProperty("seconds").GetDouble(), summary.GetProperty("duration").GetDouble());

        var geojson = await server.PostJson("/v2/directions/cycling-electric/geojson", request);
        var feature = geojson.GetProperty("features")[0];
        Assert.Equal(summary.GetProperty("distance").GetDouble(), feature.GetProperty("properties").GetProperty("summary").GetProperty("distance").GetDouble());
        var line = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().ToList();
        var decoded = Geo.MapViewer.Api.OpenRouteService.EncodedPolyline.Decode(json.GetProperty("routes")[0].GetProperty("geometry").GetString()!);
        Assert.Equal(line.Count, decoded.Count);
        for (int i = 0; i < line.Count; i++)
        {
            Assert.InRange(Math.Abs(line[i][0].GetDouble() - decoded[i].Lon), 0, 0.6e-5);
            Assert.InRange(Math.Abs(line[i][1].GetDouble() - decoded[i].Lat), 0, 0.6e-5);
        }
        var steps = feature.GetProperty("properties").GetProperty("segments")[0].GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(11, steps[0].GetProperty("type").GetInt32());
        Assert.Equal(10, steps[^1].GetProperty("type").GetInt32());
        Assert.Equal(summary.GetProperty("distance").GetDouble(), steps.Sum(s => s.GetProperty("distance").GetDouble()), 0);
    }

    [Fact]
    public async Task OrsMatrix_durationsEqualReachTimesAndDistancesEqualDirections()
    {
        var graph = server.Session.Snapper("ebike").Graph;
        var random = new Random(2);
        var junctions = Enumerable.Range(0, 8).Select(_ => random.Next(graph.VertexCount)).Distinct().ToArray();
        var locations = new[] { new[] { Lon, Lat } }.Concat(junctions.Select(v => { var (lon, lat) = graph.VertexLonLat(v); return new[] { lon, lat }; })).ToArray();
        var json = await server.PostJson("/v2/matrix/cycling-electric", new
        {
            locations,
            sources = new[] { "0" },
            destinations = Enumerable.Range(1, junctions.Length).ToArray(),
            metrics = new[] { "duration", "distance" },
        });
        var reach = Reachability.From(server.Session.Snapper("ebike"), Lon, Lat, Reachability.MaxMinutes).Vertices.ToDictionary(v => v.OsmNodeId, v => v.Seconds);
        var durations = json.GetProperty("durations")[0];
        var distances = json.GetProperty("distances")[0];
        for (int j = 0; j < junctions.Length; j++)
        {
            if (!reach.TryGetValue(graph.VertexOsmId[junctions[j]], out double seconds))
            {
                Assert.Equal(JsonValueKind.Null, durations[j].ValueKind);
                continue;
            }
            Assert.Equal(seconds, durations[j].GetDouble(), 1);
            var directions = await server.PostJson("/v2/directions/cycling-electric", new { coordinates = new[] { locations[0], locations[j + 1] } });
            var summary = directions.GetProperty("routes")[0].GetProperty("summary");
            // Directions round to 0.1, the matrix to 0.01.
            Assert.InRange(Math.Abs(summary.GetProperty("distance").GetDouble() - distances[j].GetDouble()), 0, 0.06);
            Assert.InRange(Math.Abs(summary.GetProperty("duration").GetDouble() - durations[j].GetDouble()), 0, 0.06);
        }
        Assert.Equal(junctions.Length, json.GetProperty("destinations").GetArrayLength());
    }

    [Fact]
    public async Task OrsIsochrones_equalGeosOwnIsochrones()
    {
        string locationType = server.Session.Inputs.Direction == TravelDirection.ToStation ? "destination" : "start";
        var ors = await server.PostJson("/v2/isochrones/cycling-electric", new { locations = new[] { new[] { Lon, Lat } }, range = new[] { 300.0 }, interval = 150.0, location_type = locationType });
        var geo = await server.PostJson("/api/isochrones", new { locations = new[] { new[] { Lon, Lat } }, range = new[] { 150.0, 300.0 }, profile = "ebike" });
        var a = ors.GetProperty("features").EnumerateArray().ToList();
        var b = geo.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, a.Count);
        Assert.Equal(b.Count, a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(b[i].GetProperty("properties").GetProperty("value").GetDouble(), a[i].GetProperty("properties").GetProperty("value").GetDouble());
            Assert.Equal(b[i].GetProperty("properties").GetProperty("area_km2").GetDouble(), a[i].GetProperty("properties").GetProperty("area_km2").GetDouble());
            Assert.Equal(b[i].GetProperty("properties").GetProperty("street_km").GetDouble(), a[i].GetProperty("properties").GetProperty("street_km").GetDouble());
        }
        Assert.Equal(4, ors.GetProperty("bbox").GetArrayLength());
        Assert.Equal("isochrones", ors.GetProperty("metadata").GetProperty("service").GetString());
    }

    [Theory]
    [InlineData("/api/nearest?lon=104.066&lat=30.657&k=0", HttpStatusCode.BadRequest, "k must be between 1 and 10")]
    [InlineData("/api/nearest?lon=104.066&lat=30.657&profile=horse", HttpStatusCode.BadRequest, "profile 'horse' is unknown")]
    [InlineData("/api/nearest?lon=104.066&lat=30.657&at=soon", HttpStatusCode.BadRequest, "at 'soon' is not a date and time")]
    [InlineData("/api/nearest?lon=104.066&lat=30.688", HttpStatusCode.BadRequest, "m away (limit 300 m)")]
    [InlineData("/api/nearest?lon=104.066&lat=30.657&at=any&max_minutes=0.01", HttpStatusCode.NotFound, "no station within 0.01 min by ebike; the nearest station")]
    [InlineData("/api/nearest?lat=30.657", HttpStatusCode.BadRequest, "lon and lat are required")]
    public async Task Nearest_badInput_isProblemJsonSayingWhat(string path, HttpStatusCode status, string expected)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/v2/directions/cycling-regular", "{\"coordinates\":[[104.066,30.657],[104.07,30.66]]}", "profile 'cycling-regular' is not served")]
    [InlineData("/v2/directions/foot-walking", "{\"coordinates\":[[104.066,30.657]]}", "at least two")]
    [InlineData("/v2/matrix/driving-car", "{\"locations\":[[104.066,30.657]],\"sources\":[\"7\"]}", "not an index of locations")]
    [InlineData("/v2/isochrones/foot-walking", "{\"locations\":[[104.066,30.657]],\"range\":[300],\"range_type\":\"distance\"}", "range_type 'distance' is not supported")]
    public async Task Ors_badInput_isProblemJsonSayingWhat(string path, string body, string expected)
    {
        using var response = await server.Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }
}
