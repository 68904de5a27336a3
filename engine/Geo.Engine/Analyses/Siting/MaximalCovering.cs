namespace Geo.Analyses.Siting;

/// <summary>
/// Maximal covering (MCLP): which K new sites cover the most demand, the existing stations' coverage counted first.
/// Lazy greedy gives a solution and a bound; the exact model (SCIP or CP-SAT), hinted with the greedy choice, then tries to improve and prove
/// it within the time limit. The better choice and the tighter bound are reported.
/// </summary>
public static class MaximalCovering
{
    public static SitingSolution Solve(CoverageInstance instance, int k, SolverOptions options)
    {
        Validate(instance, k);
        var greedy = LazyGreedy.Maximal(instance, k);
        IReadOnlyList<int> chosen = greedy.Chosen;
        double value = greedy.Value, bound = greedy.UpperBound;
        string method = "greedy";
        ExactRun? exact = null;
        bool proven = instance.Reaches(value, bound);
        if (!proven)
        {
            var swapped = SwapSearch.Improve(instance, chosen, SwapTime(options));
            if (instance.CoverageOf(swapped) is var v && v > value + 1e-12 * Math.Max(1, instance.TotalWeight)) (chosen, value, method) = (swapped, v, "greedy + swaps");
            proven = instance.Reaches(value, bound);
        }
        if (options.Exact && !proven)
        {
            exact = options.UsesScip
                ? MipCoverage.Maximal(instance, k, chosen, options.TimeLimit)
                : CpSatCoverage.Maximal(instance, k, chosen, options.TimeLimit);
            if (exact.Chosen is { } found && instance.CoverageOf(found) is var v && v > value + 1e-12 * Math.Max(1, instance.TotalWeight))
            {
                (chosen, value, method) = (found, v, exact.Solver);
            }
            bound = Math.Min(bound, exact.Bound);
            proven = exact.Proven || instance.Reaches(value, bound);
        }
        if (proven) bound = value;
        bound = Math.Max(bound, value);
        double gap = bound > 0 ? (bound - value) / bound : 0;
        return new SitingSolution("MCLP", SitingSolution.Ordered(instance, chosen), instance.TotalWeight, instance.ExistingWeight,
            instance.ReachableWeight, value, value, bound, Math.Max(0, gap), proven, method, greedy, exact);
    }

    /// <summary>Swaps get a tenth of the exact model's time (at least a second, at most ten), or a second for greedy alone.</summary>
    private static TimeSpan SwapTime(SolverOptions options) =>
        options.Exact ? TimeSpan.FromSeconds(Math.Clamp(options.TimeLimit.TotalSeconds / 10, 1, 10)) : TimeSpan.FromSeconds(1);

    private static void Validate(CoverageInstance instance, int k)
    {
        if (instance.Candidates == 0) throw new GeoInputException("there are no candidate sites to choose from");
        if (k <= 0) throw new GeoInputException($"--add must be at least 1 new site, got {k}");
        if (k > instance.Candidates) throw new GeoInputException($"--add {k} asks for more new sites than the {instance.Candidates} candidates");
    }
}
