using System.Net;
using System.Text;
using System.Text.Json;

namespace Geo.Tests.MapViewer;

[Collection("Viewer")]
public sealed class ApiBadInputTests(ViewerServerFixture server)
{
    private string Centre => FormattableString.Invariant($"[{server.Session.Extent.Centre.X}, {server.Session.Extent.Centre.Y}]");
    private string Swapped => FormattableString.Invariant($"[{server.Session.Extent.Centre.Y}, {server.Session.Extent.Centre.X}]");

    /// <summary>Sends a request, expects a problem+json answer with the status and a detail naming the mistake, then checks the server still answers.</summary>
    private async Task ExpectProblem(HttpRequestMessage request, HttpStatusCode status, string detailContains)
    {
        using var response = await server.Client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(detailContains, detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\b(System|Geo|Microsoft|NetTopologySuite)\.[A-Z]", detail);
        using var still = await server.Client.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    private static HttpRequestMessage Post(string path, string json, string contentType = "application/json") =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    [Fact]
    public Task Malformed_JSON_says_where_it_broke() =>
        ExpectProblem(Post("/api/isochrones", "{\"locations\": [[104.06, 30.65]"), HttpStatusCode.BadRequest, "line 1");

    [Fact]
    public Task An_unknown_field_is_named() =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{Centre}], \"ranges\": [300]}}"), HttpStatusCode.BadRequest, "ranges");

    [Fact]
    public Task A_string_where_a_number_belongs_is_refused() =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{Centre}], \"range\": [\"five\"]}}"), HttpStatusCode.BadRequest, "$.range[0]");

    [Fact]
    public Task An_empty_body_is_refused() =>
        ExpectProblem(Post("/api/whatif", "null"), HttpStatusCode.BadRequest, "empty");

    [Fact]
    public Task A_body_that_is_not_JSON_is_refused_by_media_type() =>
        ExpectProblem(Post("/api/isochrones", "locations=1", "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "application/json");

    [Fact]
    public Task An_unknown_profile_lists_the_known_ones() =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{Centre}], \"profile\": \"helicopter\"}}"), HttpStatusCode.BadRequest, "walk, ebike, car");

    [Fact]
    public Task An_unknown_profile_in_a_query_is_refused_too() =>
        ExpectProblem(Get("/api/audit?profile=tram"), HttpStatusCode.BadRequest, "tram");

    [Theory]
    [InlineData("[0]")]
    [InlineData("[-60]")]
    [InlineData("[7201]")]
    public Task Ranges_out_of_bounds_are_refused(string range) =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{Centre}], \"range\": {range}}}"), HttpStatusCode.BadRequest, "out of range");

    [Theory]
    [InlineData("/api/audit?minutes=0")]
    [InlineData("/api/audit?minutes=500")]
    [InlineData("/api/pairing?minutes=-5")]
    public Task Minutes_out_of_range_are_refused(string path) =>
        ExpectProblem(Get(path), HttpStatusCode.BadRequest, "out of range");

    [Fact]
    public Task Minutes_that_are_not_a_number_are_refused() =>
        ExpectProblem(Get("/api/audit?minutes=quarter"), HttpStatusCode.BadRequest, "minutes");

    [Fact]
    public Task Coordinates_outside_the_data_say_so() =>
        ExpectProblem(Post("/api/isochrones", "{\"locations\": [[2.35, 48.85]]}"), HttpStatusCode.BadRequest, "outside the streets' extent");

    [Fact]
    public Task Swapped_lat_lon_gets_a_hint() =>
        ExpectProblem(Post("/api/whatif", $"{{\"stations\": [{Swapped}]}}"), HttpStatusCode.BadRequest, "swapped");

    [Fact]
    public Task A_location_that_is_not_a_pair_is_refused() =>
        ExpectProblem(Post("/api/isochrones", "{\"locations\": [[104.06]]}"), HttpStatusCode.BadRequest, "[lon, lat] pair");

    [Fact]
    public Task Too_many_locations_are_refused() =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{string.Join(",", Enumerable.Repeat(Centre, 51))}]}}"), HttpStatusCode.BadRequest, "at most 50");

    [Fact]
    public Task An_oversize_body_is_refused_before_it_is_read() =>
        ExpectProblem(Post("/api/isochrones", "{\"locations\": [" + string.Join(",", Enumerable.Repeat(Centre, 5000)) + "]}"), HttpStatusCode.RequestEntityTooLarge, "too large");

    [Fact]
    public Task Distance_ranges_are_not_offered() =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{Centre}], \"range_type\": \"distance\"}}"), HttpStatusCode.BadRequest, "range_type");

    [Theory]
    [InlineData("{\"add\": 0}", "at least 1")]
    [InlineData("{\"add\": 2, \"target\": 90}", "either")]
    [InlineData("{\"target\": 150}", "at most 100")]
    [InlineData("{\"add\": 100000, \"candidate_spacing\": 1000}", "candidates")]
    [InlineData("{\"add\": 2, \"time_limit\": 3600}", "time_limit")]
    [InlineData("{\"add\": 2, \"candidate_spacing\": 5}", "candidate_spacing")]
    public Task Siting_requests_that_cannot_be_answered_say_why(string json, string detail) =>
        ExpectProblem(Post("/api/siting", json), HttpStatusCode.BadRequest, detail);

    [Fact]
    public Task An_unreachable_target_names_the_reachable_maximum() =>
        ExpectProblem(Post("/api/siting", "{\"target\": 100, \"candidate_spacing\": 2000, \"time_limit\": 0}"), HttpStatusCode.BadRequest, "reach");

    [Fact]
    public Task An_unknown_station_is_not_found() =>
        ExpectProblem(Get("/api/stations/no-such-station"), HttpStatusCode.NotFound, "no-such-station");

    [Fact]
    public Task An_unknown_subdistrict_is_not_found() =>
        ExpectProblem(Get("/api/subdistricts/987654"), HttpStatusCode.NotFound, "987654");

    [Fact]
    public Task An_unknown_tile_layer_lists_the_layers() =>
        ExpectProblem(Get("/tiles/buildings/14/1/1.pbf"), HttpStatusCode.NotFound, "streets");

    [Fact]
    public Task A_tile_outside_the_grid_is_refused() =>
        ExpectProblem(Get("/tiles/streets/3/9/1.pbf"), HttpStatusCode.NotFound, "does not exist");

    [Fact]
    public Task An_unknown_API_path_points_to_the_document() =>
        ExpectProblem(Get("/api/isochrone"), HttpStatusCode.NotFound, "openapi");

    [Fact]
    public Task A_path_and_query_too_long_is_414_with_a_reason() =>
        ExpectProblem(Get("/api/audit?x=" + new string('a', 10_000)), HttpStatusCode.RequestUriTooLong, "at most 8192");

    [Fact]
    public Task Headers_too_large_are_431_with_a_reason()
    {
        var request = Get("/api/info");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('b', 40_000));
        return ExpectProblem(request, HttpStatusCode.RequestHeaderFieldsTooLarge, "at most 32768");
    }

    [Theory]
    [InlineData("/api/stations/a%01b", "control character")]
    [InlineData("/api/stations/a%5Cb", "backslash")]
    public Task A_path_with_bad_characters_is_refused(string path, string detail) =>
        ExpectProblem(Get(path), HttpStatusCode.BadRequest, detail);

    [Fact]
    public Task A_zoom_beyond_the_tile_pyramid_is_404() =>
        ExpectProblem(Get("/tiles/streets/25/1/1.pbf"), HttpStatusCode.NotFound, "zoom levels are 0–20");

    [Theory]
    [InlineData("{\"locations\": \"everywhere\"}", "locations must be a list of [lon, lat] pairs")]
    [InlineData("{\"locations\": [[1, \"a\"]]}", "locations must be a list of [lon, lat] pairs")]
    [InlineData("{\"locations\": [[104.06, 30.66]], \"range\": \"far\"}", "range must be a list of numbers")]
    [InlineData("[1, 2]", "the body must be a JSON object with the fields locations, profile, range")]
    [InlineData("{\"locations\": [[104.06, 30.66]], \"colour\": 1}", "unknown field 'colour'")]
    public Task A_field_of_the_wrong_kind_is_named_in_plain_words(string json, string detail) =>
        ExpectProblem(Post("/api/isochrones", json), HttpStatusCode.BadRequest, detail);

    [Fact]
    public Task A_query_value_that_is_not_a_number_says_so() =>
        ExpectProblem(Get("/api/audit?minutes=abc"), HttpStatusCode.BadRequest, "minutes must be a number, got 'abc'");

    [Fact]
    public Task Too_many_areas_in_one_request_are_refused_with_the_limit() =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{string.Join(",", Enumerable.Repeat(Centre, 50))}], \"profile\": \"walk\", \"range\": [300, 600, 900, 1200]}}"),
            HttpStatusCode.UnprocessableEntity, "at most 150 per request");

    [Fact]
    public Task Smoothing_out_of_range_is_refused() =>
        ExpectProblem(Post("/api/isochrones", $"{{\"locations\": [{Centre}], \"smoothing\": -1}}"), HttpStatusCode.BadRequest, "smoothing must be between 0");
}
