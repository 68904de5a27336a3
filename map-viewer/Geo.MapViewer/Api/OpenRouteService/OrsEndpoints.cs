using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Geo.Analyses.Navigation;
using Geo.MapViewer.Session;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.MapViewer.Api.OpenRouteService;

/// <summary>
/// openrouteservice's v2 paths and bodies (isochrones, directions in JSON and GeoJSON, matrix) answered by Geo, so
/// clients and plugins written for openrouteservice work by changing only the host. Profiles foot-walking,
/// cycling-electric and driving-car are Geo's walk, ebike and car. Errors are problem+json like the rest of the API.
/// </summary>
internal static class OrsEndpoints
{
    public const int MaxMatrixLocations = 100;
    private const string Attribution = "Geo; map data © OpenStreetMap contributors";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/isochrones/{profile}", async (HttpContext context, ViewerSession session, string profile) =>
        {
            var request = await JsonBody.ReadAsync<OrsIsochroneRequest>(context.Request);
            string geo = OrsProfiles.Geo(profile);
            if (request.RangeType is { } type && !type.Equals("time", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiProblemException.BadRequest($"range_type '{type}' is not supported: Geo's isochrones are by travel time (\"time\")");
            }
            var direction = (request.LocationType ?? "start").ToLowerInvariant() switch
            {
                "start" => TravelDirection.FromStation,
                "destination" => TravelDirection.ToStation,
                _ => throw ApiProblemException.BadRequest($"location_type '{request.LocationType}' is unknown: use \"start\" or \"destination\""),
            };
            var range = request.Range;
            if (request.Interval is { } interval)
            {
                if (range is not { Length: 1 } || !double.IsFinite(interval) || interval <= 0)
                {
                    throw ApiProblemException.BadRequest("interval needs a single range value and a positive interval in seconds");
                }
                var breaks = new List<double>();
                for (double b = interval; b < range[0] - 1e-9 && breaks.Count < RequestChecks.MaxBreaks; b += interval) breaks.Add(b);
                breaks.Add(range[0]);
                range = breaks.ToArray();
            }
            if (range is null || range.Length == 0) throw ApiProblemException.BadRequest("range is missing: give the breaks in seconds, e.g. [300, 600, 900]");
            var minutes = IsochroneEndpoints.Breaks(session, range);
            var features = await IsochroneEndpoints.Areas(context, session, geo, request.Locations, minutes, circle: false, direction);
            var collection = JsonSerializer.SerializeToNode(ApiJson.Collection(features), ApiJson.Options)!.AsObject();
            var extent = new Envelope();
            foreach (var f in features) extent.ExpandToInclude(f.Geometry.EnvelopeInternal);
            collection["bbox"] = Bbox(extent);
            collection["metadata"] = Metadata("isochrones", profile, JsonSerializer.SerializeToNode(request, JsonBody.Options));
            return Results.Text(collection.ToJsonString(ApiJson.Options), ApiJson.GeoJsonType);
        })
        .Accepts<OrsIsochroneRequest>("application/json")
        .WithName("OrsIsochrones").WithSummary("openrouteservice v2 isochrones: service areas of locations (range in seconds; location_type start or destination)")
        .Produces(StatusCodes.Status200OK, contentType: ApiJson.GeoJsonType).ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapPost("/v2/directions/{profile}", async (HttpContext context, ViewerSession session, NavigationState navigation, string profile) =>
            await Directions(context, session, navigation, profile, geojson: false))
        .Accepts<OrsDirectionsRequest>("application/json")
        .WithName("OrsDirections").WithSummary("openrouteservice v2 directions: the fastest route through the coordinates, geometry as an encoded polyline")
        .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/v2/directions/{profile}/geojson", async (HttpContext context, ViewerSession session, NavigationState navigation, string profile) =>
            await Directions(context, session, navigation, profile, geojson: true))
        .Accepts<OrsDirectionsRequest>("application/json")
        .WithName("OrsDirectionsGeoJson").WithSummary("openrouteservice v2 directions as a GeoJSON FeatureCollection")
        .Produces(StatusCodes.Status200OK, contentType: ApiJson.GeoJsonType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/v2/matrix/{profile}", async (HttpContext context, ViewerSession session, NavigationState navigation, string profile) =>
        {
            var request = await JsonBody.ReadAsync<OrsMatrixRequest>(context.Request);
            string geo = OrsProfiles.Geo(profile);
            var snaps = Snap(session, geo, request.Locations, "locations", MaxMatrixLocations);
            var sources = Indexes(request.Sources, snaps.Count, "sources");
            var destinations = Indexes(request.Destinations, snaps.Count, "destinations");
            var metrics = request.Metrics ?? new[] { "duration" };
            foreach (var m in metrics)
            {
                if (m is not ("duration" or "distance")) throw ApiProblemException.BadRequest($"metrics: '{m}' is unknown: use \"duration\" and/or \"distance\"");
            }
            double unit = Unit(request.Units);
            var matrix = await Compute.RunAsync(context, () => navigation.Routing(geo).Matrix(
                sources.Select(i => snaps[i]).ToArray(), destinations.Select(i => snaps[i]).ToArray()));
            var graph = session.Snapper(geo).Graph;
            var body = new JsonObject();
            if (metrics.Contains("duration")) body["durations"] = Table(matrix.Seconds, 1);
            if (metrics.Contains("distance")) body["distances"] = Table(matrix.Meters, unit);
            body["destinations"] = Places(graph, destinations.Select(i => snaps[i]));
            body["sources"] = Places(graph, sources.Select(i => snaps[i]));
            body["metadata"] = Metadata("matrix", profile, JsonSerializer.SerializeToNode(request, JsonBody.Options));
            return Results.Text(body.ToJsonString(ApiJson.Options), "application/json");
        })
        .Accepts<OrsMatrixRequest>("application/json")
        .WithName("OrsMatrix").WithSummary("openrouteservice v2 matrix: durations (s) and distances between locations, one search per source")
        .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Directions(HttpContext context, ViewerSession session, NavigationState navigation, string profile, bool geojson)
    {
        var request = await JsonBody.ReadAsync<OrsDirectionsRequest>(context.Request);
        string geo = OrsProfiles.Geo(profile);
        if (request.Preference is { } preference && !preference.Equals("fastest", StringComparison.OrdinalIgnoreCase) && !preference.Equals("recommended", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblemException.BadRequest($"preference '{preference}' is not supported: Geo's routes are the fastest");
        }
        var snaps = Snap(session, geo, request.Coordinates, "coordinates", RequestChecks.MaxLocations);
        if (snaps.Count < 2) throw ApiProblemException.BadRequest("coordinates needs at least two [lon, lat] pairs");
        var routing = navigation.Routing(geo);
        var legs = await Compute.RunAsync(context, () => Enumerable.Range(0, snaps.Count - 1).Select(i => routing.Route(snaps[i], snaps[i + 1])).ToList());
        for (int i = 0; i < legs.Count; i++)
        {
            if (legs[i] is null) throw ApiProblemException.NotFound($"no route by {geo} from coordinates[{i}] to coordinates[{i + 1}]: the streets there are not connected that way");
        }
        double unit = Unit(request.Units);
        bool chinese = request.Language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ?? false;
        bool instructions = request.Instructions ?? true;
        var coordinates = new List<Coordinate>();
        var segments = new JsonArray();
        var wayPoints = new JsonArray { 0 };
        foreach (var leg in legs.Select(l => l!))
        {
            int offset = Math.Max(0, coordinates.Count - 1);
            var points = leg.Line.Coordinates;
            coordinates.AddRange(coordinates.Count == 0 ? points : points.Skip(1));
            wayPoints.Add(offset + points.Length - 1);
            var segment = new JsonObject { ["distance"] = Math.Round(leg.Meters / unit, 1), ["duration"] = Math.Round(leg.Seconds, 1) };
            if (instructions)
            {
                segment["steps"] = new JsonArray(leg.Steps.Select(s => (JsonNode)new JsonObject
                {
                    ["distance"] = Math.Round(s.Meters / unit, 1),
                    ["duration"] = Math.Round(s.Seconds, 1),
                    ["type"] = StepType(s.Turn),
                    ["instruction"] = chinese ? s.Zh : s.En,
                    ["name"] = s.Street ?? "-",
                    ["way_points"] = new JsonArray(offset + s.FirstPoint, offset + s.LastPoint),
                }).ToArray());
            }
            segments.Add(segment);
        }
        var summary = new JsonObject
        {
            ["distance"] = Math.Round(legs.Sum(l => l!.Meters) / unit, 1),
            ["duration"] = Math.Round(legs.Sum(l => l!.Seconds), 1),
        };
        var extent = new Envelope();
        foreach (var c in coordinates) extent.ExpandToInclude(c);
        var metadata = Metadata("routing", profile, JsonSerializer.SerializeToNode(request, JsonBody.Options));
        JsonObject body;
        if (geojson)
        {
            body = new JsonObject
            {
                ["type"] = "FeatureCollection",
                ["bbox"] = Bbox(extent),
                ["features"] = new JsonArray(new JsonObject
                {
                    ["bbox"] = Bbox(extent),
                    ["type"] = "Feature",
                    ["properties"] = new JsonObject { ["segments"] = segments, ["summary"] = summary, ["way_points"] = wayPoints },
                    ["geometry"] = new JsonObject
                    {
                        ["type"] = "LineString",
                        ["coordinates"] = new JsonArray(coordinates.Select(c => (JsonNode)new JsonArray(Math.Round(c.X, 6), Math.Round(c.Y, 6))).ToArray()),
                    },
                }),
                ["metadata"] = metadata,
            };
        }
        else
        {
            var route = new JsonObject { ["summary"] = summary, ["segments"] = segments, ["bbox"] = Bbox(extent) };
            if (request.Geometry ?? true) route["geometry"] = EncodedPolyline.Encode(coordinates);
            route["way_points"] = wayPoints;
            body = new JsonObject { ["bbox"] = Bbox(extent), ["routes"] = new JsonArray(route), ["metadata"] = metadata };
        }
        return Results.Text(body.ToJsonString(ApiJson.Options), geojson ? ApiJson.GeoJsonType : "application/json");
    }

    private static List<SnapResult> Snap(ViewerSession session, string profile, double[][]? locations, string parameter, int max)
    {
        if (locations is null || locations.Length == 0) throw ApiProblemException.BadRequest($"{parameter} is missing: give [lon, lat] pairs");
        if (locations.Length > max) throw ApiProblemException.BadRequest($"{parameter} has {locations.Length} entries; at most {max} per request");
        var snapper = session.Snapper(profile);
        var snaps = new List<SnapResult>(locations.Length);
        for (int i = 0; i < locations.Length; i++)
        {
            var pair = locations[i];
            if (pair is null || pair.Length != 2) throw ApiProblemException.BadRequest($"{parameter}[{i}] must be a [lon, lat] pair");
            var snap = snapper.Snap(pair[0], pair[1]);
            if (!snap.IsSnapped) throw ApiProblemException.BadRequest($"{parameter}[{i}]: {snap.Reason}");
            snaps.Add(snap);
        }
        return snaps;
    }

    /// <summary>openrouteservice's sources/destinations: absent or ["all"] for every location, else indexes (numbers or numeric strings).</summary>
    private static int[] Indexes(JsonElement? element, int count, string parameter)
    {
        if (element is null || element.Value.ValueKind == JsonValueKind.Null) return Enumerable.Range(0, count).ToArray();
        if (element.Value.ValueKind != JsonValueKind.Array) throw ApiProblemException.BadRequest($"{parameter} must be an array of location indexes or [\"all\"]");
        var result = new List<int>();
        foreach (var item in element.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() == "all") return Enumerable.Range(0, count).ToArray();
            int index = item.ValueKind switch
            {
                JsonValueKind.Number when item.TryGetInt32(out int n) => n,
                JsonValueKind.String when int.TryParse(item.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) => n,
                _ => -1,
            };
            if (index < 0 || index >= count) throw ApiProblemException.BadRequest($"{parameter}: '{item}' is not an index of locations (0–{count - 1}) or \"all\"");
            result.Add(index);
        }
        if (result.Count == 0) throw ApiProblemException.BadRequest($"{parameter} is empty");
        return result.ToArray();
    }

    private static double Unit(string? units) => (units ?? "m").ToLowerInvariant() switch
    {
        "m" => 1,
        "km" => 1000,
        "mi" => 1609.344,
        _ => throw ApiProblemException.BadRequest($"units '{units}' is unknown: use m, km or mi"),
    };

    /// <summary>openrouteservice's instruction types: 0 left, 1 right, 6 straight, 9 U-turn, 10 arrive, 11 depart.</summary>
    private static int StepType(Turn turn) => turn switch
    {
        Turn.Left => 0,
        Turn.Right => 1,
        Turn.UTurn => 9,
        Turn.Arrive => 10,
        Turn.Depart => 11,
        _ => 6,
    };

    private static JsonArray Table(double?[][] values, double divisor) =>
        new(values.Select(row => (JsonNode)new JsonArray(row.Select(v => v is null ? null : (JsonNode)Math.Round(v.Value / divisor, 2)).ToArray())).ToArray());

    private static JsonArray Places(StreetGraph graph, IEnumerable<SnapResult> snaps) =>
        new(snaps.Select(s =>
        {
            var (lon, lat) = graph.Projection.Unproject(graph.OriginX + s.X, graph.OriginY + s.Y);
            return (JsonNode)new JsonObject { ["location"] = new JsonArray(Math.Round(lon, 6), Math.Round(lat, 6)), ["snapped_distance"] = Math.Round(s.DistanceMeters, 2) };
        }).ToArray());

    private static JsonArray Bbox(Envelope e) => e.IsNull ? new JsonArray() : new JsonArray(Math.Round(e.MinX, 6), Math.Round(e.MinY, 6), Math.Round(e.MaxX, 6), Math.Round(e.MaxY, 6));

    private static JsonObject Metadata(string service, string profile, JsonNode? query)
    {
        if (query is JsonObject q) q["profile"] = profile;
        return new JsonObject
        {
            ["attribution"] = Attribution,
            ["service"] = service,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["query"] = query,
            ["engine"] = new JsonObject { ["version"] = typeof(OrsEndpoints).Assembly.GetName().Version?.ToString() },
        };
    }
}
