using Geo.Analyses.Pairing;
using Geo.MapViewer.Session;

namespace Geo.MapViewer.Api;

/// <summary>The coverage audit per subdistrict, one subdistrict's figures, and the two-way pairing table.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async (HttpContext context, ViewerSession session, string? profile, double? minutes) =>
        {
            var (p, m) = (RequestChecks.Profile(session, profile), RequestChecks.Minutes(session, minutes));
            await session.FirstView.WaitIfWorkingAsync(p, m, context.RequestAborted);
            var audit = await Compute.RunAsync(context, c => session.Audit(p, m, c), heavy: !session.HasAudit(p, m));
            return ApiJson.Json(AuditViews.Summary(audit));
        })
        .WithName("Audit").WithSummary("Coverage audit: totals, per-subdistrict shares of area, street length and demand covered, ranked blind spots")
        .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/api/subdistricts/{id:long}", async (HttpContext context, ViewerSession session, long id, string? profile, double? minutes) =>
        {
            var (p, m) = (RequestChecks.Profile(session, profile), RequestChecks.Minutes(session, minutes));
            await session.FirstView.WaitIfWorkingAsync(p, m, context.RequestAborted);
            var audit = await Compute.RunAsync(context, c => session.Audit(p, m, c), heavy: !session.HasAudit(p, m));
            var row = audit.Subdistricts.FirstOrDefault(s => s.Id == id) ?? throw ApiProblemException.NotFound($"no subdistrict has id {id}");
            return ApiJson.Json(AuditViews.Subdistrict(row));
        })
        .WithName("Subdistrict").WithSummary("One subdistrict's coverage figures and paired stations")
        .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/pairing", async (HttpContext context, ViewerSession session, string? profile, double? minutes) =>
        {
            var (p, m) = (RequestChecks.Profile(session, profile), RequestChecks.Minutes(session, minutes));
            await session.FirstView.WaitIfWorkingAsync(p, m, context.RequestAborted);
            var audit = await Compute.RunAsync(context, c => session.Audit(p, m, c), heavy: !session.HasAudit(p, m));
            var pairing = audit.Pairing;
            if (pairing is null) return ApiJson.Json(new { rows = Array.Empty<object>(), warnings = new[] { "no station reaches a street: nothing to pair" } });
            return ApiJson.Json(new
            {
                profile = p,
                subdistricts_from = session.Inputs.SubdistrictsFrom,
                rows = pairing.Rows.Select(r => Row(pairing, r)).ToList(),
                subdistricts_without_station = pairing.Summary.SubdistrictsWithoutStation.Count,
                unpaired_subdistricts = pairing.Summary.Unpaired.Count,
                warnings = pairing.Warnings,
            });
        })
        .WithName("Pairing").WithSummary("Two-way station ↔ subdistrict table (结对): how each pair was made and the travel time")
        .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    internal static object Row(PairingResult pairing, PairingRow r) => new
    {
        station_id = r.Station >= 0 ? pairing.Stations[r.Station].Id : null,
        station_name = r.Station >= 0 ? pairing.Stations[r.Station].Name : null,
        street = r.Station >= 0 ? pairing.StationStreets[r.Station].StreetName : null,
        subdistrict_id = r.Subdistrict >= 0 ? pairing.Subdistricts[r.Subdistrict].Id : (long?)null,
        subdistrict_name = r.Subdistrict >= 0 ? pairing.Subdistricts[r.Subdistrict].Name : null,
        how = r.How.ToString().ToLowerInvariant(),
        rule = r.Rule,
        minutes = r.Seconds is { } s ? ApiJson.Round(s / 60, 2) : null,
    };
}
