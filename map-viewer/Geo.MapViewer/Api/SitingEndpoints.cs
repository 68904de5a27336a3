using Geo.Analyses.Siting;
using Geo.MapViewer.Session;
using Geo.Streets;

namespace Geo.MapViewer.Api;

/// <summary>POST /api/siting: where the next stations go, with each one's marginal gain, the objective, bound and gap.</summary>
internal static class SitingEndpoints
{
    public const double MinSpacing = 100, MaxSpacing = 5000, DefaultSpacing = 300, MaxTimeLimit = 10, DefaultTimeLimit = 2;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/siting", async (HttpContext context, ViewerSession session) =>
        {
            var request = await JsonBody.ReadAsync<SitingRequest>(context.Request);
            string profile = RequestChecks.Profile(session, request.Profile);
            double minutes = RequestChecks.Minutes(session, request.Minutes);
            if (request.Add is null == request.Target is null) throw ApiProblemException.BadRequest("give either add (K new sites, maximal covering) or target (a percentage of demand, set covering)");
            if (request.Add is { } k && k <= 0) throw ApiProblemException.BadRequest($"add must be at least 1 new site, got {k}");
            if (request.Target is { } t && (!double.IsFinite(t) || t <= 0 || t > 100)) throw ApiProblemException.BadRequest($"target must be a percentage above 0 and at most 100, got {t}");
            double spacing = request.CandidateSpacing ?? DefaultSpacing;
            if (!double.IsFinite(spacing) || spacing < MinSpacing || spacing > MaxSpacing) throw ApiProblemException.BadRequest($"candidate_spacing must be between {MinSpacing} and {MaxSpacing} m, got {spacing}");
            double seconds = request.TimeLimit ?? DefaultTimeLimit;
            if (!double.IsFinite(seconds) || seconds < 0 || seconds > MaxTimeLimit) throw ApiProblemException.BadRequest($"time_limit must be between 0 and {MaxTimeLimit} s, got {seconds}");
            await session.FirstView.WaitIfWorkingAsync(profile, minutes, context.RequestAborted);
            if (!await session.SitingGate.WaitAsync(TimeSpan.FromSeconds(MaxTimeLimit), context.RequestAborted))
            {
                throw ApiProblemException.Busy("another siting run is still going; try again shortly");
            }
            try
            {
                var solver = new SolverOptions(TimeSpan.FromSeconds(seconds), seconds > 0);
                var (problem, solution) = await Compute.RunAsync(context, c =>
                {
                    var p = session.SitingProblem(profile, minutes, spacing, c);
                    c.ThrowIfCancellationRequested();
                    var s = request.Add is { } count ? MaximalCovering.Solve(p.Instance, count, solver) : SetCovering.Solve(p.Instance, request.Target!.Value / 100, solver);
                    return (p, s);
                });
                return ApiJson.Json(new
                {
                    problem = solution.Problem,
                    method = solution.Method,
                    profile,
                    minutes,
                    direction = problem.Options.Direction.Name(),
                    candidates = problem.Candidates.Count,
                    demand_from = problem.Demand.Description,
                    demand_unit = problem.Demand.Description == "street km" ? "km" : "",
                    total_demand = ApiJson.Round(solution.TotalDemand),
                    existing_coverage = ApiJson.Round(solution.ExistingCoverage),
                    existing_share = ApiJson.Round(solution.ExistingShare),
                    coverage = ApiJson.Round(solution.Coverage),
                    coverage_share = ApiJson.Round(solution.CoverageShare),
                    objective = ApiJson.Round(solution.Objective),
                    best_bound = ApiJson.Round(solution.BestBound),
                    gap = ApiJson.Round(solution.Gap, 6),
                    proven_optimal = solution.ProvenOptimal,
                    sites = solution.Sites.Select(s => new
                    {
                        order = s.Order,
                        id = s.Id,
                        name = problem.Candidates[s.Candidate].Name,
                        street = SitingLayers.StreetOf(session.Snapper(profile), problem.Candidates[s.Candidate]),
                        lon = ApiJson.Round(problem.PointOf(s).X, 7),
                        lat = ApiJson.Round(problem.PointOf(s).Y, 7),
                        marginal = ApiJson.Round(s.Marginal),
                        cumulative = ApiJson.Round(s.Cumulative),
                        cumulative_share = ApiJson.Round(s.CumulativeShare),
                    }).ToList(),
                    curve = solution.Curve.Select(c => ApiJson.Round(c)).ToList(),
                    warnings = problem.Warnings,
                });
            }
            finally
            {
                session.SitingGate.Release();
            }
        })
        .Accepts<SitingRequest>("application/json")
        .WithName("Siting").WithSummary("Site new stations: add K (maximal covering) or reach target % with the fewest (set covering)")
        .Produces(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
