using Geo.Analyses.ServiceAreas;
using Geo.MapViewer.Session;

namespace Geo.MapViewer.Api;

/// <summary>POST /api/isochrones: service areas of arbitrary locations as GeoJSON polygons with holes, one per location and break.</summary>
internal static class IsochroneEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/isochrones", async (HttpContext context, ViewerSession session) =>
        {
            var request = await JsonBody.ReadAsync<IsochroneRequest>(context.Request);
            string profile = RequestChecks.Profile(session, request.Profile);
            if (request.RangeType is { } type && !string.Equals(type, "time", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiProblemException.BadRequest($"range_type '{type}' is not supported: Geo's service areas are by travel time (\"time\")");
            }
            bool circle = (request.Mode ?? "network").ToLowerInvariant() switch
            {
                "network" => false,
                "circle" => true,
                _ => throw ApiProblemException.BadRequest($"mode '{request.Mode}' is unknown: use \"network\" or \"circle\""),
            };
            var minutes = Breaks(session, request.Range);
            var features = await Areas(context, session, profile, request.Locations, minutes, circle, session.Inputs.Direction, request.Smoothing);
            return ApiJson.GeoJson(ApiJson.Collection(features));
        })
        .Accepts<IsochroneRequest>("application/json")
        .WithName("Isochrones").WithSummary("Service areas (isochrones) of up to 50 locations along the streets or as circles; range in seconds")
        .Produces(StatusCodes.Status200OK, contentType: ApiJson.GeoJsonType)
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// One feature per location and break, locations in request order, smoothed and within the per-request limits;
    /// shared with the openrouteservice-shaped endpoint.
    /// </summary>
    internal static async Task<IReadOnlyList<NetTopologySuite.Features.IFeature>> Areas(HttpContext context, ViewerSession session, string profile,
        double[][]? locations, IReadOnlyList<double> minutes, bool circle, Geo.Streets.TravelDirection direction, double? smoothingMeters = null)
    {
        var graph = session.Snapper(profile).Graph;
        double smoothing = ApiPolygons.Smoothing(smoothingMeters, graph);
        var stations = RequestChecks.Locations(session, profile, locations, "locations", "location-");
        if (!circle) WorkEstimate.Check(graph, stations.Count, minutes, "isochrones");
        else if (stations.Count * minutes.Count > WorkEstimate.MaxAreas) throw ApiProblemException.TooMuch($"isochrones: at most {WorkEstimate.MaxAreas} areas (locations × breaks) per request");
        var result = await Compute.RunAsync(context, cancel =>
        {
            var areas = ServiceAreaAnalysis.Run(session.Snapper(profile), stations,
                new ServiceAreaOptions(minutes, Circle: circle, Overlap: false, Direction: direction), cancel);
            return areas.Areas.GroupBy(a => a.StationId).SelectMany(g =>
            {
                var ordered = g.OrderBy(a => a.Minutes).ToList();
                var simplified = ApiPolygons.SimplifyNested(ordered.Select(a => a.Area).ToList(), smoothing);
                return ordered.Select((a, i) => a with { Area = simplified[i] });
            }).ToList();
        });
        var index = stations.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return result.OrderBy(a => index[a.StationId]).ThenBy(a => a.Minutes).Select(a =>
        {
            var centre = stations[index[a.StationId]].Geometry;
            return ApiJson.Feature(a.Area, ("group_index", index[a.StationId]), ("value", a.Minutes * 60), ("minutes", a.Minutes),
                ("center", new[] { centre.X, centre.Y }), ("profile", profile), ("mode", a.Mode), ("area_km2", a.AreaKm2), ("street_km", a.StreetKm));
        }).ToList();
    }

    internal static IReadOnlyList<double> Breaks(ViewerSession session, double[]? range)
    {
        if (range is null || range.Length == 0) return ViewerSession.BreaksOf(session.Inputs.DefaultMinutes);
        if (range.Length > RequestChecks.MaxBreaks) throw ApiProblemException.BadRequest($"range has {range.Length} breaks; at most {RequestChecks.MaxBreaks}");
        for (int i = 0; i < range.Length; i++)
        {
            double seconds = range[i];
            if (!double.IsFinite(seconds) || seconds <= 0 || seconds > Geo.Analyses.Reach.Reachability.MaxMinutes * 60)
            {
                throw ApiProblemException.BadRequest(System.FormattableString.Invariant(
                    $"range[{i}] = {seconds} s is out of range: a break must be above 0 and at most {Geo.Analyses.Reach.Reachability.MaxMinutes * 60} s ({Geo.Analyses.Reach.Reachability.MaxMinutes} minutes)"));
            }
        }
        return range.Select(seconds => seconds / 60).Distinct().Order().ToArray();
    }
}
