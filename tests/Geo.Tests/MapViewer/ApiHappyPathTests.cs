using System.Text.Json;
using Geo.Analyses.Coverage;
using Geo.Analyses.Workflow;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Geo.Tests.MapViewer;

[Collection("Viewer")]
public sealed class ApiHappyPathTests(ViewerServerFixture server)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static FeatureCollection Features(JsonElement element) => element.Deserialize<FeatureCollection>(GeoJson)!;

    private (double Lon, double Lat) Centre()
    {
        var c = server.Session.Extent.Centre;
        return (c.X, c.Y);
    }

    [Fact]
    public async Task Info_describes_the_dataset_and_its_limits()
    {
        var info = await server.GetJson("/api/info");
        Assert.Equal(10, info.GetProperty("stations").GetInt32());
        Assert.Equal("ebike", info.GetProperty("default_profile").GetString());
        Assert.Equal(new[] { "walk", "ebike", "car" }, info.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()));
        var extent = info.GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(extent[0] < 104.066 && 104.066 < extent[2] && extent[1] < 30.657 && 30.657 < extent[3]);
    }

    [Fact]
    public async Task Network_isochrones_are_valid_nested_polygons_one_per_location_and_break()
    {
        var (lon, lat) = Centre();
        var body = await server.PostJson("/api/isochrones", new { locations = new[] { new[] { lon, lat }, new[] { lon + 0.005, lat } }, profile = "walk", range = new[] { 600, 300 } });
        var features = Features(body);
        Assert.Equal(4, features.Count);
        foreach (var group in features.GroupBy(f => Convert.ToInt32(f.Attributes["group_index"])))
        {
            var ordered = group.OrderBy(f => Convert.ToDouble(f.Attributes["value"])).ToArray();
            Assert.Equal(new[] { 300.0, 600.0 }, ordered.Select(f => Convert.ToDouble(f.Attributes["value"])));
            Assert.All(ordered, f => Assert.True(f.Geometry.IsValid && !f.Geometry.IsEmpty));
            Assert.True(ordered[1].Geometry.Buffer(1e-7).Covers(ordered[0].Geometry), "the 5-minute area lies inside the 10-minute one");
            Assert.True(ordered[1].Geometry.Area > ordered[0].Geometry.Area);
        }
    }

    [Fact]
    public async Task Circle_isochrones_have_the_radius_the_profile_speed_gives()
    {
        var (lon, lat) = Centre();
        var body = await server.PostJson("/api/isochrones", new { locations = new[] { new[] { lon, lat } }, range = new[] { 300 }, mode = "circle" });
        var feature = Assert.Single(Features(body));
        Assert.Equal("circle", feature.Attributes["mode"]);
        double km2 = Convert.ToDouble(feature.Attributes["area_km2"]);
        double radiusKm = 15.0 * 5 / 60;    // e-bike 15 km/h for 5 minutes
        Assert.InRange(km2, Math.PI * radiusKm * radiusKm * 0.97, Math.PI * radiusKm * radiusKm * 1.01);
    }

    [Fact]
    public void Audit_reusing_the_maps_service_areas_is_the_audit_run_on_its_own()
    {
        var session = server.Session;
        var (profile, minutes) = (session.Inputs.DefaultProfile, session.Inputs.DefaultMinutes);
        var alone = PlanningWorkflow.Audit(session.Snapper(profile), session.Inputs.Planning, new AuditOptions(minutes, Direction: session.Inputs.Direction)).ByUnit;

        // The server's first view draws only the break it audits; the map's service areas per break come later.
        var served = session.Audit(profile, minutes);
        Assert.Equal(AuditTables.CoverageCsv(alone), AuditTables.CoverageCsv(served));
        Assert.Equal(AuditTables.BlindSpotsCsv(alone), AuditTables.BlindSpotsCsv(served));

        // Once they are drawn, an audit of another profile at the same break reuses the largest of them.
        var breakAreas = session.BreakAreas("walk", minutes);
        var walkServed = session.Audit("walk", minutes);
        var walkAlone = PlanningWorkflow.Audit(session.Snapper("walk"), session.Inputs.Planning, new AuditOptions(minutes, Direction: session.Inputs.Direction)).ByUnit;
        Assert.Same(breakAreas.CoveredStreets[^1], walkServed.ServiceAreas.CoveredStreets.Single());
        Assert.Equal(AuditTables.CoverageCsv(walkAlone), AuditTables.CoverageCsv(walkServed));
        Assert.Equal(AuditTables.BlindSpotsCsv(walkAlone), AuditTables.BlindSpotsCsv(walkServed));
    }

    [Fact]
    public async Task Audit_shares_lie_between_zero_and_one_and_add_up_to_the_totals()
    {
        var audit = await server.GetJson("/api/audit");
        var subdistricts = audit.GetProperty("subdistricts").EnumerateArray().ToList();
        Assert.Equal(server.Session.Inputs.Subdistricts.Count, subdistricts.Count);
        foreach (var s in subdistricts)
        {
            foreach (var share in new[] { "area_share", "street_share", "demand_share" }) Assert.InRange(s.GetProperty(share).GetDouble(), 0, 1);
        }
        double covered = subdistricts.Sum(s => s.GetProperty("covered_street_km").GetDouble());
        Assert.InRange(audit.GetProperty("totals").GetProperty("covered_street_km").GetDouble(), covered - 0.01, covered + 0.01);
        Assert.True(audit.GetProperty("blind_spot_count").GetInt32() > 0, "a 5-minute break leaves blind spots in the generated city");

        long id = subdistricts[0].GetProperty("id").GetInt64();
        var one = await server.GetJson($"/api/subdistricts/{id}");
        Assert.Equal(subdistricts[0].GetProperty("demand_share").GetDouble(), one.GetProperty("demand_share").GetDouble());
    }

    [Fact]
    public async Task Pairing_gives_every_subdistrict_a_row_and_names_stations_and_subdistricts()
    {
        var pairing = await server.GetJson("/api/pairing");
        var rows = pairing.GetProperty("rows").EnumerateArray().ToList();
        var named = rows.Where(r => r.GetProperty("subdistrict_id").ValueKind == JsonValueKind.Number).Select(r => r.GetProperty("subdistrict_id").GetInt64()).ToHashSet();
        Assert.Equal(server.Session.Inputs.Subdistricts.Select(s => s.Id).ToHashSet(), named);
        Assert.Contains(rows, r => r.GetProperty("how").GetString() == "inside" && r.GetProperty("station_id").GetString() is not null);
    }

    [Fact]
    public async Task A_station_comes_with_its_nested_areas_and_paired_subdistricts()
    {
        var stations = Features(await server.GetJson("/api/stations"));
        Assert.Equal(10, stations.Count);
        string id = (string)stations[0].Attributes["id"];
        var station = await server.GetJson($"/api/stations/{Uri.EscapeDataString(id)}");
        var areas = Features(station.GetProperty("areas"));
        Assert.Equal(3, areas.Count);
        var minutes = areas.Select(a => Convert.ToDouble(a.Attributes["minutes"])).ToArray();
        Assert.Equal(minutes.Order(), minutes);
        Assert.True(station.GetProperty("paired_subdistricts").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task What_if_a_station_stands_in_the_largest_blind_spot_coverage_rises_and_the_spot_shrinks()
    {
        var audit = await server.GetJson("/api/audit");
        var spot = audit.GetProperty("blind_spots")[0];
        var result = await server.PostJson("/api/whatif", new { stations = new[] { new[] { spot.GetProperty("lon").GetDouble(), spot.GetProperty("lat").GetDouble() } } });
        double before = result.GetProperty("before").GetProperty("covered_street_km").GetDouble();
        double after = result.GetProperty("after").GetProperty("covered_street_km").GetDouble();
        Assert.True(after > before, $"covered street km {before} → {after}");
        Assert.Equal(11, result.GetProperty("after").GetProperty("stations").GetInt32());
        Assert.Single(Features(result.GetProperty("added_areas")));
        var gapsAfter = Features(result.GetProperty("gaps")).Sum(g => Convert.ToDouble(g.Attributes["uncovered_km2"]));
        double gapsBefore = audit.GetProperty("totals").GetProperty("area_km2").GetDouble() - audit.GetProperty("totals").GetProperty("covered_km2").GetDouble();
        Assert.True(gapsAfter < gapsBefore, $"gaps {gapsBefore} → {gapsAfter} km²");
    }

    [Fact]
    public async Task What_if_added_coverage_is_the_new_stations_area_less_what_was_covered_before()
    {
        var spot = server.Session.Audit("ebike", ViewerServerFixture.Minutes).BlindSpots[0];
        var result = await server.PostJson("/api/whatif", new { stations = new[] { new[] { spot.Lon, spot.Lat } } });
        var added = Assert.Single(Features(result.GetProperty("added_coverage"))).Geometry;
        var stationArea = Assert.Single(Features(result.GetProperty("added_areas"))).Geometry;
        var before = server.Session.Audit("ebike", ViewerServerFixture.Minutes).ServiceAreas.Coverage[^1].Area;
        var expected = stationArea.Difference(before);
        Assert.True(added.IsValid);
        Assert.True(added.SymmetricDifference(expected).Area < expected.Area * 0.02, $"added {added.Area}, expected {expected.Area}");
        Assert.True(added.Area < stationArea.Area);
    }

    [Fact]
    public async Task Siting_names_the_street_of_each_site_and_the_unit_of_its_gain()
    {
        var result = await server.PostJson("/api/siting", new { add = 3, candidate_spacing = 400, time_limit = 1 });
        Assert.Equal("km", result.GetProperty("demand_unit").GetString());
        var names = server.Session.Inputs.Dataset.Streets.Select(s => s.Name).Where(n => n is not null).ToHashSet();
        var streets = result.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("street").GetString()).ToList();
        Assert.Contains(streets, n => n is not null);
        Assert.All(streets.Where(n => n is not null), n => Assert.Contains(n, names));
    }

    [Fact]
    public async Task Style_gives_the_colours_and_glossary_every_output_uses_in_either_language()
    {
        var zh = await server.GetJson("/api/style");
        Assert.Equal("zh", zh.GetProperty("lang").GetString());
        Assert.Equal("道路覆盖率", zh.GetProperty("glossary").GetProperty("street_coverage").GetProperty("label").GetString());
        Assert.Equal("街道", zh.GetProperty("units").GetProperty("label").GetString());
        Assert.Equal(Geo.Rendering.Style.MapStyle.Coverage.Css, zh.GetProperty("colours").GetProperty("coverage").GetString());
        var en = await server.GetJson("/api/style?lang=en");
        Assert.Equal("street coverage", en.GetProperty("glossary").GetProperty("street_coverage").GetProperty("label").GetString());
        Assert.Equal("served land", en.GetProperty("glossary").GetProperty("served_land").GetProperty("label").GetString());
        Assert.Equal(Geo.Rendering.Style.MapStyle.Legend(Geo.Rendering.Words.OutputLanguage.En, ViewerServerFixture.Minutes, Geo.Rendering.Words.UnitKind.Subdistrict).Select(e => e.Label),
            en.GetProperty("legend").EnumerateArray().Select(e => e.GetProperty("label").GetString()));
        using var bad = await server.Client.GetAsync("/api/style?lang=fr");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("lang must be zh or en", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Audit_and_siting_start_from_the_same_coverage_in_the_same_direction()
    {
        var audit = await server.GetJson("/api/audit");
        var siting = await server.PostJson("/api/siting", new { add = 2, candidate_spacing = 400, time_limit = 1 });
        Assert.Equal("to-station", audit.GetProperty("direction").GetString());
        Assert.Equal(audit.GetProperty("direction").GetString(), siting.GetProperty("direction").GetString());
        var totals = audit.GetProperty("totals");
        Assert.Equal(totals.GetProperty("demand_share").GetDouble(), siting.GetProperty("existing_share").GetDouble(), 4);
        Assert.Equal(totals.GetProperty("covered_demand").GetDouble(), siting.GetProperty("existing_coverage").GetDouble(), 3);
        Assert.Equal(totals.GetProperty("demand").GetDouble(), siting.GetProperty("total_demand").GetDouble(), 3);
        // Each site's gain adds to the same starting figure the audit panel shows.
        double cumulative = siting.GetProperty("existing_coverage").GetDouble();
        foreach (var site in siting.GetProperty("sites").EnumerateArray())
        {
            cumulative += site.GetProperty("marginal").GetDouble();
            Assert.Equal(cumulative, site.GetProperty("cumulative").GetDouble(), 3);
        }
    }

    [Fact]
    public async Task What_if_shows_the_change_in_uncovered_street_and_demand_and_why_the_count_moved()
    {
        var audit = await server.GetJson("/api/audit");
        var spot = audit.GetProperty("blind_spots")[0];
        var result = await server.PostJson("/api/whatif", new { stations = new[] { new[] { spot.GetProperty("lon").GetDouble(), spot.GetProperty("lat").GetDouble() } } });
        var first = result.EnumerateObject().Take(4).Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "uncovered_street_km_before", "uncovered_street_km_after", "uncovered_demand_before", "uncovered_demand_after" }, first);
        Assert.True(result.GetProperty("uncovered_street_km_after").GetDouble() < result.GetProperty("uncovered_street_km_before").GetDouble());
        int before = result.GetProperty("blind_spots_before").GetInt32(), after = result.GetProperty("blind_spots_after").GetInt32();
        var changes = result.GetProperty("blind_spot_changes").EnumerateArray().Select(c => c.GetString()!).ToList();
        if (after > before) Assert.Contains(changes, c => c.Contains("split into"));
        if (after != before) Assert.NotEmpty(changes);
    }

    [Fact]
    public async Task Siting_picks_new_places_with_a_non_decreasing_curve_and_a_non_negative_gap()
    {
        var result = await server.PostJson("/api/siting", new { add = 3, candidate_spacing = 400, time_limit = 1 });
        var sites = result.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(3, sites.Count);
        var curve = result.GetProperty("curve").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        for (int i = 1; i < curve.Length; i++) Assert.True(curve[i] >= curve[i - 1]);
        Assert.True(result.GetProperty("gap").GetDouble() >= 0);
        var existing = server.Session.Inputs.Stations.Select(s => s.Geometry.Coordinate).ToList();
        foreach (var s in sites)
        {
            var c = new Coordinate(s.GetProperty("lon").GetDouble(), s.GetProperty("lat").GetDouble());
            Assert.DoesNotContain(existing, e => e.Distance(c) < 1e-6);
        }

        var target = await server.PostJson("/api/siting", new { target = 90, candidate_spacing = 400, time_limit = 1 });
        Assert.Equal("LSCP", target.GetProperty("problem").GetString());
        Assert.True(target.GetProperty("coverage_share").GetDouble() >= 0.9 - 1e-9);
    }

    [Fact]
    public async Task Vector_tiles_decode_and_hold_the_layer_asked_for()
    {
        var (lon, lat) = Centre();
        int z = 14, x = (int)((lon + 180) / 360 * (1 << z));
        int y = (int)((1 - Math.Log(Math.Tan(lat * Math.PI / 180) + 1 / Math.Cos(lat * Math.PI / 180)) / Math.PI) / 2 * (1 << z));
        foreach (var layer in new[] { "streets", "subdistricts", "coverage", "service_areas" })
        {
            using var response = await server.Client.GetAsync($"/tiles/{layer}/{z}/{x}/{y}.pbf");
            Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var tile = new NetTopologySuite.IO.VectorTiles.Mapbox.MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
            var decoded = Assert.Single(tile.Layers);
            Assert.Equal(layer, decoded.Name);
            Assert.NotEmpty(decoded.Features);
            var bounds = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
            var margin = (bounds.Right - bounds.Left) / 8;
            Assert.All(decoded.Features, f => Assert.True(f.Geometry.EnvelopeInternal.MinX >= bounds.Left - margin && f.Geometry.EnvelopeInternal.MaxX <= bounds.Right + margin, "clipped to the tile"));
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        var document = await server.GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[] { "/api/info", "/api/isochrones", "/api/audit", "/api/subdistricts/{id}", "/api/pairing", "/api/stations", "/api/stations/{id}", "/api/whatif", "/api/siting", "/api/style", "/tiles/{layer}/{z}/{x}/{y}.pbf" })
        {
            Assert.Contains(path, paths);
        }
    }

    [Fact]
    public async Task The_map_page_and_its_bundle_are_served_from_the_program_itself()
    {
        string html = await server.Client.GetStringAsync("/");
        Assert.Contains("assets/viewer.js", html);
        using var script = await server.Client.GetAsync("/assets/viewer.js");
        Assert.True(script.IsSuccessStatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000, "OpenLayers is bundled, not fetched from a CDN");
        Assert.DoesNotContain("https://", html);
    }
}
