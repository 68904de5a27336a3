using Geo.MapViewer.Session;
using Geo.Rendering.Words;
using Geo.MapViewer.Tiles;

namespace Geo.MapViewer.Api;

/// <summary>GET /api/info: what the server shows and its limits, for the map page and for clients.</summary>
internal static class InfoEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/info", (ViewerSession session, ServerLimits serverLimits, MemoryBudget memory) =>
        {
            var e = session.Extent;
            var inputs = session.Inputs;
            var language = ViewerLanguage.Of(session);
            var units = ViewerLanguage.Units(session).Term();
            return ApiJson.Json(new
            {
                name = inputs.DataName,
                extent = new[] { e.MinX, e.MinY, e.MaxX, e.MaxY },
                center = new[] { e.Centre.X, e.Centre.Y },
                profiles = session.Profiles,
                default_profile = inputs.DefaultProfile,
                default_minutes = inputs.DefaultMinutes,
                breaks = ViewerSession.BreaksOf(inputs.DefaultMinutes),
                stations = inputs.Stations.Count,
                stations_from = inputs.StationsFrom,
                subdistricts = inputs.Subdistricts.Count,
                subdistricts_from = inputs.SubdistrictsFrom,
                unit_kind = Geo.Data.Subdistricts.UnitKinds.Label(inputs.Planning.Units.Kind),
                units = new { zh = units.Zh, en = units.En },
                default_lang = language.Language == Geo.Rendering.Words.OutputLanguage.Zh ? "zh" : "en",
                lang_reason = language.Reason,
                demand_from = inputs.Demand is { Count: > 0 } d ? $"{d.Count} demand points" : "street length (km)",
                tile_layers = TileLayers.Names,
                first_view = FirstViewState(session.FirstView),
                limits = new
                {
                    max_locations = RequestChecks.MaxLocations,
                    max_breaks = RequestChecks.MaxBreaks,
                    max_minutes = Geo.Analyses.Reach.Reachability.MaxMinutes,
                    max_areas = WorkEstimate.MaxAreas,
                    max_cells = WorkEstimate.MaxCells,
                    max_body_bytes = ViewerServer.MaxBodyBytes,
                    max_target_bytes = RequestShape.MaxTargetBytes,
                    max_header_bytes = RequestShape.MaxHeaderBytes,
                    time_limit_seconds = serverLimits.TimeLimit.TotalSeconds,
                    heavy_computations = serverLimits.Computations,
                    cache_mb = session.Cache.BudgetBytes / (1024 * 1024),
                },
                memory = new
                {
                    budget_mb = memory.BudgetBytes / (1024 * 1024),
                    at_start_mb = memory.StartBytes / (1024 * 1024),
                    resident_mb = MemoryBudget.Measure().Resident / (1024 * 1024),
                    peak_mb = MemoryBudget.Measure().Peak / (1024 * 1024),
                },
                cache = new
                {
                    used_mb = ApiJson.Round(session.Cache.UsedBytes / (1024.0 * 1024), 1),
                    results = session.Cache.Count,
                    evictions = session.Cache.Evictions,
                    heavy_running = serverLimits.Running,
                },
                warnings = inputs.Warnings,
            });
        })
        .WithName("Info").WithSummary("The dataset shown, its extent, profiles, breaks, tile layers and request limits")
        .Produces(StatusCodes.Status200OK);
    }

    /// <summary>
    /// Whether the default profile and break's audit and what-if base are worked out; until they are, requests for them
    /// wait and the page says the coverage is being worked out.
    /// </summary>
    private static object FirstViewState(FirstView first) => new
    {
        profile = first.Profile,
        minutes = first.Minutes,
        state = first.IsWorking ? "working" : first.Failure is null ? "ready" : "failed",
        seconds = ApiJson.Round(first.Seconds, 1),
        error = first.Failure switch
        {
            null => null,
            GeoInputException e => PlainWords.WithoutTypeNames(e.Message),
            _ => "working out the first view failed; requests for it work it out again",
        },
    };
}
