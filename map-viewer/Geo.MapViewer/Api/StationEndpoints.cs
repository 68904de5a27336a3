using Geo.MapViewer.Session;
using NetTopologySuite.Geometries;

namespace Geo.MapViewer.Api;

/// <summary>The existing stations as GeoJSON, and one station's service areas, paired subdistricts and territory.</summary>
internal static class StationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stations", (ViewerSession session) =>
            ApiJson.GeoJson(ApiJson.Collection(session.Inputs.Stations.Select(s => ApiJson.Feature(s.Geometry, ("id", s.Id), ("name", s.Name))))))
        .WithName("Stations").WithSummary("The existing stations (驿站, 党群服务中心 …) as GeoJSON points")
        .Produces(StatusCodes.Status200OK, contentType: ApiJson.GeoJsonType);

        app.MapGet("/api/stations/{id}", async (HttpContext context, ViewerSession session, string id, string? profile, double? minutes) =>
        {
            var (p, m) = (RequestChecks.Profile(session, profile), RequestChecks.Minutes(session, minutes));
            var station = session.Inputs.Stations.FirstOrDefault(s => s.Id == id) ?? throw ApiProblemException.NotFound($"no station has id '{id}'");
            await session.FirstView.WaitIfWorkingAsync(p, m, context.RequestAborted);
            var (areas, audit) = await Compute.RunAsync(context, c => (session.StationAreas(p, m, id, c), session.Audit(p, m, c)),
                heavy: !session.HasAudit(p, m) || !session.HasBreakAreas(p, m));
            var pairing = audit.Pairing;
            int index = pairing is null ? -1 : IndexOf(pairing.Stations, id);
            var rows = index < 0 ? Array.Empty<object>() : pairing!.Rows.Where(r => r.Station == index && r.Subdistrict >= 0).Select(r => AuditEndpoints.Row(pairing, r)).ToArray();
            var territory = index < 0 ? null : pairing!.Territories.Areas.FirstOrDefault(t => t.Station == index);
            var unsnapped = areas.Unsnapped.FirstOrDefault(u => u.Station.Id == id);
            return ApiJson.Json(new
            {
                id = station.Id,
                name = station.Name,
                lon = station.Geometry.X,
                lat = station.Geometry.Y,
                profile = p,
                street = index < 0 ? null : pairing!.StationStreets[index].StreetName,
                left_out = unsnapped?.Reason,
                paired_subdistricts = rows,
                areas = ApiJson.Collection(areas.Areas.Where(a => a.StationId == id)
                    .Select(a => ApiJson.Feature(a.Area, ("minutes", a.Minutes), ("area_km2", a.AreaKm2), ("street_km", a.StreetKm)))),
                territory = ApiJson.Collection(territory is null || territory.Area.IsEmpty ? Array.Empty<NetTopologySuite.Features.IFeature>()
                    : new[] { ApiJson.Feature(territory.Area, ("station", id), ("street_km", territory.StreetMeters / 1000), ("area_km2", territory.SquareMeters / 1e6)) }),
            });
        })
        .WithName("Station").WithSummary("One station: its service areas per break, paired subdistricts (结对) and network territory")
        .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static int IndexOf(IReadOnlyList<Geo.Data.Model.Station> stations, string id)
    {
        for (int i = 0; i < stations.Count; i++) if (stations[i].Id == id) return i;
        return -1;
    }
}
