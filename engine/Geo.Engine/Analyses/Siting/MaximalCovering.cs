namespace Geo.Analyses.Siting;

/// <summary>
/// Maximal covering (MCLP): which K new sites cover the most demand, the existing stations' coverage counted first.
/// Lazy greedy gives a solution and a bound, swaps improve the solution, and a Lagrangian relaxation tightens the bound
/// to the linear programme's (the choices its steps build, improved by swaps, may beat greedy's); only if the gap is
/// still wider than accepted does the exact step, hinted with the best choice, try to improve and prove it within the
/// time limit: with a gap accepted, branch and bound on the Lagrangian bound first, then the MIP model (SCIP or
/// CP-SAT) if that gives up. The better choice and the tighter bound are reported.
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
        LagrangianRun? lagrangian = null;
        if (!proven)
        {
            lagrangian = LagrangianBound.Maximal(instance, k, value, options.AcceptedGap, LagrangianTime(options));
            if (lagrangian.Choice is { } found && instance.CoverageOf(found) is var v && v > value + 1e-12 * Math.Max(1, instance.TotalWeight))
            {
                (chosen, value, method) = (found, v, "Lagrangian heuristic + swaps");
            }
            bound = Math.Min(bound, lagrangian.Bound);
            proven = instance.Reaches(value, bound);
        }
        bool closeEnough = proven || bound - value <= options.AcceptedGap * bound;
        if (options.Exact && !closeEnough)
        {
            exact = lagrangian is null ? Exact(instance, k, chosen, options) : ExactOnSettled(instance, k, chosen, value, lagrangian, options);
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
            instance.ReachableWeight, value, value, bound, Math.Max(0, gap), proven, method, greedy, exact) { Lagrangian = lagrangian };
    }

    /// <summary>
    /// The exact step. With a gap accepted, branch and bound on the Lagrangian bound goes first, for a share of the
    /// time: where the linear programme is close it proves the gap in a fraction of a MIP solver's root; where it
    /// gives up, the MIP solver starts from the better choice and keeps the lower bound of the two.
    /// </summary>
    private static ExactRun Exact(CoverageInstance instance, int k, IReadOnlyList<int> hint, SolverOptions options)
    {
        ExactRun? branching = null;
        double branched = double.NegativeInfinity;
        var timeLimit = options.TimeLimit;
        if (options.AcceptedGap > 0)
        {
            branching = LagrangianBranching.Maximal(instance, k, hint, options.AcceptedGap, BranchingTime(options));
            if (branching.Chosen is { } found) branched = instance.CoverageOf(found);
            if (branching.Chosen is not null && branching.Bound - branched <= options.AcceptedGap * branching.Bound) return branching;
            if (branching.Chosen is { } better && branched > instance.CoverageOf(hint)) hint = better;
            timeLimit -= TimeSpan.FromMilliseconds(branching.Milliseconds);
        }
        var run = options.UsesScip
            ? MipCoverage.Maximal(instance, k, hint, timeLimit, options.AcceptedGap)
            : CpSatCoverage.Maximal(instance, k, hint, timeLimit, options.AcceptedGap);
        if (branching is null) return run;
        var chosen = run.Chosen is null || (branching.Chosen is not null && branched > instance.CoverageOf(run.Chosen)) ? branching.Chosen : run.Chosen;
        return run with
        {
            Chosen = chosen,
            Bound = Math.Min(run.Bound, branching.Bound),
            Status = $"{run.Status} after {LagrangianBranching.Name} {branching.Status}",
            Milliseconds = run.Milliseconds + branching.Milliseconds,
        };
    }

    /// <summary>Branch and bound on the Lagrangian bound gets a twentieth of the exact step's time, half a second to three.</summary>
    private static TimeSpan BranchingTime(SolverOptions options) =>
        TimeSpan.FromSeconds(Math.Clamp(options.TimeLimit.TotalSeconds / 20, 0.5, 3));

    /// <summary>
    /// The exact model on what the bound left open. Choices it settled away cover less than the incumbent, so the
    /// overall bound is the larger of the incumbent and the model's bound.
    /// </summary>
    private static ExactRun ExactOnSettled(CoverageInstance instance, int k, IReadOnlyList<int> incumbent, double incumbentValue, LagrangianRun lagrangian, SolverOptions options)
    {
        var settled = new SettledInstance(instance, k, lagrangian.Dropped, lagrangian.Fixed);
        if (settled.Trivial)
        {
            // Build every open candidate (coverage never falls by building more), topped up to K from the incumbent.
            var all = settled.Original(settled.K == 0 ? Array.Empty<int>() : Enumerable.Range(0, settled.Instance.Candidates)).ToList();
            foreach (int j in incumbent) if (all.Count < k && !all.Contains(j)) all.Add(j);
            return new ExactRun("Lagrangian bound", all, Math.Max(instance.CoverageOf(all), incumbentValue), true, "settled by the bound", lagrangian.Milliseconds);
        }
        var run = Exact(settled.Instance, settled.K, settled.Open(incumbent), options);
        return run with
        {
            Chosen = run.Chosen is null ? null : settled.Original(run.Chosen),
            Bound = Math.Max(run.Bound, incumbentValue),
            Status = $"{run.Status} ({settled.Instance.Candidates} candidates left open by the bound)",
        };
    }

    /// <summary>Swaps get a tenth of the exact model's time (at least a second, at most ten), or a second for greedy alone.</summary>
    private static TimeSpan SwapTime(SolverOptions options) =>
        options.Exact ? TimeSpan.FromSeconds(Math.Clamp(options.TimeLimit.TotalSeconds / 10, 1, 10)) : TimeSpan.FromSeconds(1);

    /// <summary>The relaxation gets a quarter of the exact model's time (at most 20 s), or a second for greedy alone.</summary>
    private static TimeSpan LagrangianTime(SolverOptions options) =>
        options.Exact ? TimeSpan.FromSeconds(Math.Clamp(options.TimeLimit.TotalSeconds / 4, 1, 20)) : TimeSpan.FromSeconds(1);

    private static void Validate(CoverageInstance instance, int k)
    {
        if (instance.Candidates == 0) throw new GeoInputException("there are no candidate sites to choose from");
        if (k <= 0) throw new GeoInputException($"--add must be at least 1 new site, got {k}");
        if (k > instance.Candidates) throw new GeoInputException($"--add {k} asks for more new sites than the {instance.Candidates} candidates");
    }
}
