using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Geo.Analyses.Siting;

namespace Geo.Cli.Commands;

internal static class SiteInstanceCommand
{
    public static Command Create()
    {
        var instance = new Option<string>("--instance") { Description = "A covering instance .json written by 'geo site --export-instance'", Required = true };
        var add = new Option<int?>("--add") { Description = "How many new sites (K); default: the instance's k" };
        var timeLimit = new Option<string>("--time-limit") { Description = "Time for the exact model after greedy; 0 for greedy alone", DefaultValueFactory = _ => "30s" };
        var solverName = SolverOption();
        var gap = GapOption();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object (for scripts)" };
        var command = new Command("site-instance", "Solve an exported maximal-covering instance: greedy, swaps and a Lagrangian bound, then an exact model (SCIP or CP-SAT) if the gap is still too wide, with objective, bound, gap and time.")
        {
            instance, add, timeLimit, solverName, gap, json,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var limit = SolverOptions.ParseTimeLimit(parse.GetValue(timeLimit)!);
            var solver = ParseSolver(parse.GetValue(solverName)!);
            double acceptedGap = SolverOptions.ParseGap(parse.GetValue(gap)!);
            var (problem, fileK) = CoverageInstanceFile.Read(parse.GetValue(instance)!);
            int k = parse.GetValue(add) ?? fileK ?? throw new GeoInputException("the instance has no k: give --add K");
            var clock = Stopwatch.StartNew();
            var solution = MaximalCovering.Solve(problem, k, new SolverOptions(limit, limit > TimeSpan.Zero, solver, acceptedGap));
            double seconds = clock.Elapsed.TotalSeconds;
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    objective = solution.Objective,
                    bound = solution.BestBound,
                    gap = solution.Gap,
                    proven = solution.ProvenOptimal,
                    method = solution.Method,
                    seconds,
                    greedy = solution.Greedy.Value,
                    lagrangian_bound = solution.Lagrangian?.Bound,
                    chosen = solution.Sites.Select(s => s.Id).ToArray(),
                }));
                return 0;
            }
            foreach (var line in SitingReport.Lines(solution, "demand")) Console.WriteLine(line);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"solved in {seconds:0.###} s ({problem.Candidates} candidates, {problem.Units} demand units, K = {k})"));
            return 0;
        }));
        return command;
    }

    public static Option<string> SolverOption() => new("--solver")
    {
        Description = "Exact solver after greedy: scip (mixed-integer, default) or cp-sat",
        DefaultValueFactory = _ => "scip",
    };

    public static Option<string> GapOption() => new("--gap")
    {
        Description = "Maximal covering: stop once the choice is proven within this share of the optimum, e.g. 0.1%; 0 looks for a proven optimum until the time limit",
        DefaultValueFactory = _ => "0",
    };

    public static ExactSolver ParseSolver(string text) => text.Trim().ToLowerInvariant() switch
    {
        "scip" => ExactSolver.Scip,
        "cp-sat" or "cpsat" => ExactSolver.CpSat,
        _ => throw new GeoInputException($"--solver '{text}' is neither scip nor cp-sat"),
    };
}
