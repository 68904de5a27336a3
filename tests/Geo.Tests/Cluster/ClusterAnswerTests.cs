using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Geo.Tests.Cluster;

/// <summary>
/// Every silo answers a city's request with the same bytes, and with the bytes the single-city server gives for the
/// same dataset; a city whose data is broken fails alone, with its reason in /api/cities.
/// </summary>
[Collection("Cluster")]
public sealed class ClusterAnswerTests(ClusterFixture cluster)
{
    public static TheoryData<string> RealCities => new() { "town", "andorra", "liechtenstein" };

    [Theory]
    [MemberData(nameof(RealCities))]
    public async Task EverySilo_sameRequests_answerAsTheSingleCityServer(string city)
    {
        var session = cluster.Cities.Sessions[city];
        var e = session.Extent;
        // Points inside the data: the centre and one a third of the way in, where streets are.
        double lon = e.MinX + e.Width / 2, lat = e.MinY + e.Height / 2;
        var station = session.Inputs.Stations[0].Geometry;
        string isochrones = JsonSerializer.Serialize(new { locations = new[] { new[] { station.X, station.Y } }, range = new[] { 300, 600 } });
        string walkIsochrones = JsonSerializer.Serialize(new { locations = new[] { new[] { station.X, station.Y } }, profile = "walk", range = new[] { 600 } });
        string ors = JsonSerializer.Serialize(new { locations = new[] { new[] { station.X, station.Y } }, range = new[] { 600 } });
        var (tx, ty) = Tile(lon, lat, 14);
        var requests = new (string Method, string Path, string? Body)[]
        {
            ("GET", $"/api/nearest?lon={lon}&lat={lat}&k=2&at=any", null),
            ("GET", $"/api/nearest?lon={station.X}&lat={station.Y}&k=1&at=any", null),
            ("POST", "/api/isochrones", isochrones),
            ("POST", "/api/isochrones", walkIsochrones),
            ("POST", "/v2/isochrones/cycling-electric", ors),
            ("GET", "/api/audit?profile=ebike&minutes=15", null),
            ("GET", "/api/stations", null),
            ("GET", $"/tiles/streets/14/{tx}/{ty}.pbf", null),
            ("GET", "/api/nearest?lon=500&lat=1", null),
            ("POST", "/api/isochrones", "{\"locations\": [[1, 2]], \"range\": [999999]}"),
            ("GET", "/api/no-such-thing", null),
        };
        // Another profile's audit goes to that profile's grain; once, on the small city, to keep the run short.
        if (city == "town") requests = requests.Append(("GET", "/api/audit?profile=walk&minutes=10", null)).ToArray();
        foreach (var (method, path, body) in requests)
        {
            var expected = await Send(cluster.Cities.Reference[city], method, path, body);
            foreach (var silo in cluster.Silos)
            {
                var got = await Send(silo.Client, method, $"/cities/{city}{path}", body);
                Assert.True(expected.Status == got.Status, $"{city} {method} {path} on {silo.SiloName}: {got.Status} {Encoding.UTF8.GetString(got.Body)}; the single server says {expected.Status}");
                Assert.Equal(expected.ContentType, got.ContentType);
                var (want, have) = (WithoutRequestStamps(expected.Body), WithoutRequestStamps(got.Body));
                Assert.True(want.SequenceEqual(have), $"{city} {method} {path} on {silo.SiloName}: the answer differs from the single server's: {Difference(want, have)}");
            }
        }
        // /api/info is the same but for the figures of the process holding it (memory, cache use, how long its first view took).
        var info = Comparable(await (await cluster.Cities.Reference[city].GetAsync("/api/info")).Content.ReadAsStringAsync());
        foreach (var silo in cluster.Silos) Assert.Equal(info, Comparable(await silo.Client.GetStringAsync($"/cities/{city}/api/info")));
    }

    [Fact]
    public async Task BrokenCity_failsAlone_withItsReasonInTheList()
    {
        var silo = cluster.Silos[0];
        using var broken = await silo.Client.GetAsync("/cities/broken/api/info");
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not a GeoPackage", await broken.Content.ReadAsStringAsync());
        using (var town = await cluster.Silos[1].Client.GetAsync("/cities/town/api/info")) Assert.Equal(HttpStatusCode.OK, town.StatusCode);
        foreach (var s in cluster.Silos)
        {
            var cities = await s.Cities();
            Assert.Equal("failed", cities["broken"].State);
            Assert.Contains("broken.gpkg is not a GeoPackage", cities["broken"].Reason);
            Assert.Equal("ready", cities["town"].State);
            Assert.Null(cities["town"].Reason);
            Assert.Contains(cities["town"].Silo, cluster.Silos.Select(x => x.SiloName));
        }
    }

    [Fact]
    public async Task UnknownCity_isRefusedWithTheKnownOnes()
    {
        using var response = await cluster.Silos[2].Client.GetAsync("/cities/atlantis/api/info");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("atlantis", body);
        Assert.Contains("liechtenstein", body);
    }

    private static async Task<(int Status, string? ContentType, byte[] Body)> Send(HttpClient client, string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// The answer without what differs between two requests to one server too: the time openrouteservice-shaped
    /// answers were made (metadata.timestamp) and a problem's request id (traceId).
    /// </summary>
    private static byte[] WithoutRequestStamps(byte[] body)
    {
        if (body.Length == 0 || body[0] != (byte)'{') return body;
        var node = JsonNode.Parse(body)!.AsObject();
        node.Remove("traceId");
        if (node["metadata"] is JsonObject metadata) metadata.Remove("timestamp");
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static string Difference(byte[] expected, byte[] got)
    {
        int at = 0;
        while (at < expected.Length && at < got.Length && expected[at] == got[at]) at++;
        string Around(byte[] b) => Encoding.UTF8.GetString(b, Math.Max(0, at - 80), Math.Min(b.Length, at + 80) - Math.Max(0, at - 80));
        return $"at byte {at}: expected …{Around(expected)}… got …{Around(got)}…";
    }

    private static string Comparable(string info)
    {
        var node = JsonNode.Parse(info)!.AsObject();
        node.Remove("memory");
        node.Remove("cache");
        node["first_view"]!.AsObject().Remove("seconds");
        return node.ToJsonString();
    }

    private static (int X, int Y) Tile(double lon, double lat, int zoom)
    {
        double n = Math.Pow(2, zoom), r = lat * Math.PI / 180;
        return ((int)((lon + 180) / 360 * n), (int)((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n));
    }
}
