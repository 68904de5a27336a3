using System.Globalization;
using Geo.Analyses.Navigation;
using Geo.MapViewer.Session;

namespace Geo.MapViewer.Api;

/// <summary>GET /api/nearest: the nearest open stations from a rider's point, with routes and steps, as GeoJSON.</summary>
internal static class NearestEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/nearest", async (HttpContext context, ViewerSession session, NavigationState navigation,
            double? lon, double? lat, int? k, string? profile, string? at, double? max_minutes) =>
        {
            if (lon is null || lat is null) throw ApiProblemException.BadRequest("lon and lat are required, e.g. /api/nearest?lon=104.066&lat=30.657");
            string p = RequestChecks.Profile(session, profile);
            var query = new NearestStationQuery(k ?? 1, When(at, navigation.TimeZone), max_minutes ?? NearestStationQuery.DefaultMaxMinutes);
            query.Validate();
            var answer = await Compute.RunAsync(context, () => navigation.Navigator(p).Nearest(lon.Value, lat.Value, query));
            if (!answer.From.IsSnapped) throw ApiProblemException.BadRequest($"({lon.Value.ToString(CultureInfo.InvariantCulture)}, {lat.Value.ToString(CultureInfo.InvariantCulture)}): {answer.NoneReason}");
            if (answer.Routes.Count == 0) throw ApiProblemException.NotFound(answer.NoneReason!);
            return ApiJson.GeoJson(NearestStationFeatures.ToFeatures(answer));
        })
        .WithName("Nearest").WithSummary("The k nearest stations open at a time (default now, in the data's time zone; 'any' ignores hours) by travel time from a point, with routes (lines in lon/lat) and zh/en steps")
        .Produces(StatusCodes.Status200OK, contentType: ApiJson.GeoJsonType)
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static DateTime? When(string? at, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(at) || at.Equals("now", StringComparison.OrdinalIgnoreCase)) return DataTimeZone.Now(zone);
        if (at.Equals("any", StringComparison.OrdinalIgnoreCase)) return null;
        return DataTimeZone.ParseLocal(at, zone, "at");
    }
}
