using System.Diagnostics;
using Geo.MapViewer.Session;
using Geo.Streets;

namespace Geo.MapViewer.Api;

/// <summary>POST /api/whatif: the audit recomputed with added stations: totals and shares before and after, the new gaps and the new stations' areas.</summary>
internal static class WhatIfEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/whatif", async (HttpContext context, ViewerSession session) =>
        {
            var request = await JsonBody.ReadAsync<WhatIfRequest>(context.Request);
            string profile = RequestChecks.Profile(session, request.Profile);
            double minutes = RequestChecks.Minutes(session, request.Minutes);
            var added = RequestChecks.Locations(session, profile, request.Stations, "stations", "new-");
            WorkEstimate.Check(session.Snapper(profile).Graph, added.Count, new[] { minutes }, "what-if");
            double smoothing = ApiPolygons.DefaultSmoothing(session.Snapper(profile).Graph);
            await session.FirstView.WaitIfWorkingAsync(profile, minutes, context.RequestAborted);
            var clock = Stopwatch.StartNew();
            var (before, after) = await Compute.RunAsync(context, c => (session.Audit(profile, minutes, c), session.WhatIf(profile, minutes, added, c)));
            var beforeById = before.Subdistricts.ToDictionary(s => s.Id);
            return ApiJson.Json(new
            {
                // What a planner weighs first: how much street and demand stays uncovered, before and after.
                uncovered_street_km_before = ApiJson.Round(before.Totals.StreetKm - before.Totals.CoveredStreetKm),
                uncovered_street_km_after = ApiJson.Round(after.Totals.StreetKm - after.Totals.CoveredStreetKm),
                uncovered_demand_before = ApiJson.Round(before.Totals.Demand - before.Totals.CoveredDemand),
                uncovered_demand_after = ApiJson.Round(after.Totals.Demand - after.Totals.CoveredDemand),
                profile,
                minutes,
                direction = before.Direction.Name(),
                elapsed_ms = clock.ElapsedMilliseconds,
                timings_ms = after.Timings,
                before = AuditViews.Totals(before.Totals),
                after = AuditViews.Totals(after.Totals),
                blind_spots_before = before.BlindSpots.Count,
                blind_spots_after = after.BlindSpots,
                fragments_before = before.Fragments.Count,
                fragments_after = after.Fragments,
                blind_spot_changes = after.BlindSpotChanges,
                subdistricts = after.Subdistricts.Select(s => new
                {
                    id = s.Id,
                    name = s.Name,
                    demand_share_before = ApiJson.Round(beforeById[s.Id].DemandShare),
                    demand_share = ApiJson.Round(s.DemandShare),
                    area_share_before = ApiJson.Round(beforeById[s.Id].AreaShare),
                    area_share = ApiJson.Round(s.AreaShare),
                    street_share = ApiJson.Round(s.StreetShare),
                }).ToList(),
                gaps = ApiJson.Collection(after.Subdistricts.Where(s => !s.Gap.IsEmpty)
                    .Select(s => ApiJson.Feature(s.Gap, ("id", s.Id), ("name", s.Name), ("uncovered_km2", s.UncoveredKm2)))),
                added_coverage = ApiJson.Collection(after.NewlyCovered.IsEmpty ? Array.Empty<NetTopologySuite.Features.IFeature>() : new[]
                {
                    ApiJson.Feature(after.NewlyCovered, ("kind", "added_coverage"), ("area_km2", ApiJson.Round(after.Totals.CoveredKm2 - before.Totals.CoveredKm2))),
                }),
                added_areas = ApiJson.Collection(after.AddedAreas
                    .Select(a => ApiJson.Feature(ApiPolygons.Simplify(a.Area, smoothing), ("station", a.StationId), ("minutes", a.Minutes), ("area_km2", a.AreaKm2)))),
            });
        })
        .Accepts<WhatIfRequest>("application/json")
        .WithName("WhatIf").WithSummary("What if stations stood here too: coverage figures and gaps recomputed with the added stations")
        .Produces(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
