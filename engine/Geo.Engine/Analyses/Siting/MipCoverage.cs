using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Geo.Analyses.Siting;

/// <summary>
/// The exact covering models as mixed-integer programs on the SCIP solver bundled with Google OR-Tools: built sites are
/// binary, covered demand groups continuous in [0, 1] (integral at any optimum), real weights as they are. Where the
/// candidates' reaches overlap heavily the LP relaxation alone says little, and SCIP's cuts and branching close the
/// gap where CP-SAT's bound stalls. Groups are merged as in <see cref="DemandGroups"/>.
/// </summary>
public static class MipCoverage
{
    public const string SolverName = "SCIP";

    public static bool IsAvailable
    {
        get
        {
            using var probe = Solver.CreateSolver(SolverName);
            return probe is not null;
        }
    }

    /// <summary>Maximal covering: exactly K candidates, most demand covered. <see cref="ExactRun.Bound"/> bounds covered demand.</summary>
    /// <param name="acceptedGap">Relative gap at which the search may stop (0: prove optimality).</param>
    public static ExactRun Maximal(CoverageInstance instance, int k, IReadOnlyList<int> hint, TimeSpan timeLimit, double acceptedGap = 0)
    {
        var clock = Stopwatch.StartNew();
        var reduced = CandidateDominance.Reduce(instance, k);
        if (ExactModelSize.TooLarge(reduced) is { } why) return new ExactRun(SolverName, null, double.PositiveInfinity, false, why, clock.ElapsedMilliseconds);
        using var model = new Model(instance, reduced, hint);
        model.StartFromHint();
        var count = model.Mip.MakeConstraint(k, k, "sites");
        foreach (var x in model.Sites) count.SetCoefficient(x, 1);
        var objective = model.Mip.Objective();
        for (int g = 0; g < model.Covered.Length; g++) objective.SetCoefficient(model.Covered[g], model.Groups[g].Weight);
        objective.SetMaximization();
        var status = model.Solve(timeLimit, acceptedGap);
        bool found = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        double bound = found ? instance.ExistingWeight + objective.BestBound() : double.PositiveInfinity;
        // Stopped at an accepted gap, the solver calls its answer optimal: only the bound says how close it is then.
        return new ExactRun(SolverName, found ? model.ChosenSites() : null, double.IsFinite(bound) ? bound : double.PositiveInfinity,
            status == Solver.ResultStatus.OPTIMAL && acceptedGap == 0, status.ToString(), clock.ElapsedMilliseconds);
    }

    /// <summary>Set covering: fewest candidates whose coverage reaches <paramref name="required"/>. <see cref="ExactRun.Bound"/> bounds the count from below.</summary>
    public static ExactRun Fewest(CoverageInstance instance, double required, IReadOnlyList<int> hint, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();
        var reduced = CandidateDominance.Reduce(instance, 0);
        if (ExactModelSize.TooLarge(reduced) is { } why) return new ExactRun(SolverName, null, 0, false, why, clock.ElapsedMilliseconds);
        using var model = new Model(instance, reduced, hint);
        double needed = Math.Max(0, required - instance.ExistingWeight - 1e-9 * Math.Max(1, instance.TotalWeight));
        var reach = model.Mip.MakeConstraint(needed, double.PositiveInfinity, "target");
        for (int g = 0; g < model.Covered.Length; g++) reach.SetCoefficient(model.Covered[g], model.Groups[g].Weight);
        var objective = model.Mip.Objective();
        foreach (var x in model.Sites) objective.SetCoefficient(x, 1);
        objective.SetMinimization();
        var status = model.Solve(timeLimit);
        bool found = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        double raw = found ? objective.BestBound() : 0;
        return new ExactRun(SolverName, found ? model.ChosenSites() : null, double.IsFinite(raw) ? Math.Max(0, Math.Ceiling(raw - 1e-6)) : 0,
            status == Solver.ResultStatus.OPTIMAL, status.ToString(), clock.ElapsedMilliseconds);
    }

    private sealed class Model : IDisposable
    {
        public Model(CoverageInstance instance, CandidateDominance.Reduced reduced, IReadOnlyList<int> hint)
        {
            Mip = Solver.CreateSolver(SolverName) ?? throw new InvalidOperationException($"the {SolverName} solver is not in this build of OR-Tools");
            Groups = reduced.Groups;
            Sites = Enumerable.Range(0, instance.Candidates).Select(j => Mip.MakeIntVar(0, reduced.Kept[j] ? 1 : 0, $"x{j}")).ToArray();
            hint = reduced.Map(hint);
            Covered = new Variable[Groups.Count];
            for (int g = 0; g < Groups.Count; g++)
            {
                Covered[g] = Mip.MakeNumVar(0, 1, $"y{g}");
                // A group counts as covered only as far as one of its candidates is built.
                var link = Mip.MakeConstraint(double.NegativeInfinity, 0, $"c{g}");
                link.SetCoefficient(Covered[g], 1);
                foreach (int j in Groups[g].Candidates) link.SetCoefficient(Sites[j], -1);
            }
            // The hint is the whole solution, covered groups included: SCIP ignores a start that leaves most of the
            // variables unknown, and then begins with no incumbent to prune or fix against.
            var hinted = new HashSet<int>(hint);
            var covered = Groups.Select(g => g.Candidates.Any(hinted.Contains) ? 1.0 : 0.0);
            Mip.SetHint(Sites.Concat(Covered).ToArray(), Enumerable.Range(0, Sites.Length).Select(j => hinted.Contains(j) ? 1.0 : 0.0).Concat(covered).ToArray());
        }

        public Solver Mip { get; }

        /// <summary>
        /// Leaves the search to cuts and branching from the hint. The hint is already improved by swaps and the
        /// relaxation's choices, so SCIP's neighbourhood heuristics (RENS, RINS, crossover, ALNS) spend seconds
        /// re-deriving it, and a restart after fixing by reduced cost redoes the root's cuts. Branching by pseudo-costs
        /// alone: on these models strong branching's trial LPs cost more than the nodes they save. On Chengdu's
        /// city-scale instances the three prove the same optima in about half the time (benchmarks/MEASUREMENTS.md).
        /// </summary>
        public void StartFromHint()
        {
            const string settings = "presolving/maxrestarts = 0\n" +
                "heuristics/rens/freq = -1\nheuristics/rins/freq = -1\nheuristics/crossover/freq = -1\nheuristics/alns/freq = -1\n" +
                "branching/pscost/priority = 100000";
            if (!Mip.SetSolverSpecificParametersAsString(settings))
                throw new InvalidOperationException($"{SolverName} refused its settings: {settings.Replace('\n', ';')}");
        }

        public List<(int[] Candidates, double Weight)> Groups { get; }
        public Variable[] Sites { get; }
        public Variable[] Covered { get; }

        public Solver.ResultStatus Solve(TimeSpan timeLimit, double acceptedGap = 0)
        {
            Mip.SetTimeLimit((long)Math.Max(10, timeLimit.TotalMilliseconds));
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, Math.Max(1e-9, acceptedGap));
            return Mip.Solve(parameters);
        }

        public IReadOnlyList<int> ChosenSites() => Enumerable.Range(0, Sites.Length).Where(j => Sites[j].SolutionValue() > 0.5).ToList();

        public void Dispose() => Mip.Dispose();
    }
}
