using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Geo.Analyses.Siting;

/// <summary>What the exact model found within its time limit: a choice (possibly none), its bound, and whether it is proven optimal.</summary>
public sealed record ExactRun(string Solver, IReadOnlyList<int>? Chosen, double Bound, bool Proven, string Status, long Milliseconds);

/// <summary>
/// The exact covering models on Google OR-Tools CP-SAT. Units no candidate can change (already covered, or out of every
/// candidate's reach) are left out, and units covered by exactly the same candidates are merged into one weighted
/// variable, which shrinks city-sized models many times. CP-SAT needs integer weights: whole-number weights are used as
/// they are, fractional ones (street km) are scaled so all demand sums to about 10^9 units.
/// </summary>
public static class CpSatCoverage
{
    public const string SolverName = "CP-SAT";

    /// <summary>Maximal covering: exactly K candidates, most demand covered. <see cref="ExactRun.Bound"/> is a bound on covered demand.</summary>
    /// <param name="acceptedGap">Relative gap at which the search may stop (0: prove optimality).</param>
    public static ExactRun Maximal(CoverageInstance instance, int k, IReadOnlyList<int> hint, TimeSpan timeLimit, double acceptedGap = 0)
    {
        var clock = Stopwatch.StartNew();
        var reduced = CandidateDominance.Reduce(instance, k);
        if (ExactModelSize.TooLarge(reduced) is { } why) return new ExactRun(SolverName, null, double.PositiveInfinity, false, why, clock.ElapsedMilliseconds);
        double scale = Scale(instance, reduced.Groups);
        using var model = new Model(instance, reduced, scale, hint);
        model.Cp.Add(LinearExpr.Sum(model.Sites) == k);
        model.Cp.Maximize(LinearExpr.WeightedSum(model.Covered, model.Weights));
        var (status, solver) = model.Solve(timeLimit, acceptedGap);
        bool found = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        var chosen = found ? model.ChosenSites(solver) : null;
        // Rounding the merged weights to integers may have lowered the optimum: widen the bound by what rounding took off.
        double raw = solver.BestObjectiveBound;
        double bound = (found || status == CpSolverStatus.Unknown) && double.IsFinite(raw)
            ? instance.ExistingWeight + (raw + model.RoundedOff) / scale
            : double.PositiveInfinity;
        // Stopped at an accepted gap, the solver calls its answer optimal: only the bound says how close it is then.
        return new ExactRun(SolverName, chosen, bound, status == CpSolverStatus.Optimal && acceptedGap == 0, status.ToString(), clock.ElapsedMilliseconds);
    }

    /// <summary>Set covering: fewest candidates whose coverage reaches <paramref name="required"/>. <see cref="ExactRun.Bound"/> is a bound on the count.</summary>
    public static ExactRun Fewest(CoverageInstance instance, double required, IReadOnlyList<int> hint, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();
        var reduced = CandidateDominance.Reduce(instance, 0);
        if (ExactModelSize.TooLarge(reduced) is { } why) return new ExactRun(SolverName, null, 0, false, why, clock.ElapsedMilliseconds);
        double scale = Scale(instance, reduced.Groups);
        using var model = new Model(instance, reduced, scale, hint);
        double needed = Math.Max(0, required - instance.ExistingWeight - 1e-9 * Math.Max(1, instance.TotalWeight));
        model.Cp.Add(LinearExpr.WeightedSum(model.Covered, model.Weights) >= (long)Math.Ceiling(needed * scale));
        model.Cp.Minimize(LinearExpr.Sum(model.Sites));
        var (status, solver) = model.Solve(timeLimit);
        bool found = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        var chosen = found ? model.ChosenSites(solver) : null;
        double raw = solver.BestObjectiveBound;
        double bound = (found || status == CpSolverStatus.Unknown) && double.IsFinite(raw) ? Math.Max(0, Math.Ceiling(raw - 1e-9)) : 0;
        return new ExactRun(SolverName, chosen, bound, status == CpSolverStatus.Optimal, status.ToString(), clock.ElapsedMilliseconds);
    }

    private static double Scale(CoverageInstance instance, List<(int[] Candidates, double Weight)> groups)
    {
        double total = groups.Sum(g => g.Weight);
        bool whole = instance.Weights.All(w => w == Math.Floor(w)) && instance.TotalWeight < 1e12;
        return whole || total == 0 ? 1 : 1e9 / total;
    }

    private sealed class Model : IDisposable
    {
        private readonly CoverageInstance _instance;

        public Model(CoverageInstance instance, CandidateDominance.Reduced reduced, double scale, IReadOnlyList<int> hint)
        {
            _instance = instance;
            var groups = reduced.Groups;
            hint = reduced.Map(hint);
            Sites = new BoolVar[instance.Candidates];
            for (int j = 0; j < Sites.Length; j++)
            {
                Sites[j] = Cp.NewBoolVar($"x{j}");
                if (!reduced.Kept[j]) Cp.Add(Sites[j] == 0);
            }
            Covered = new BoolVar[groups.Count];
            Weights = new long[groups.Count];
            var hinted = new HashSet<int>(hint);
            for (int g = 0; g < groups.Count; g++)
            {
                Covered[g] = Cp.NewBoolVar($"y{g}");
                Weights[g] = (long)Math.Round(groups[g].Weight * scale);
                RoundedOff += Math.Max(0, groups[g].Weight * scale - Weights[g]);
                // A group counts as covered only if one of its candidates is built.
                Cp.AddBoolOr(groups[g].Candidates.Select(j => (ILiteral)Sites[j]).Append(Covered[g].Not()));
                Cp.AddHint(Covered[g], groups[g].Candidates.Any(hinted.Contains));
            }
            for (int j = 0; j < Sites.Length; j++) Cp.AddHint(Sites[j], hinted.Contains(j));
        }

        public CpModel Cp { get; } = new();
        public BoolVar[] Sites { get; }
        public BoolVar[] Covered { get; }
        public long[] Weights { get; }

        /// <summary>The scaled demand lost by rounding weights down, summed.</summary>
        public double RoundedOff { get; }
        private CpSolver? _solver;

        public (CpSolverStatus Status, CpSolver Solver) Solve(TimeSpan timeLimit, double acceptedGap = 0)
        {
            _solver = new CpSolver
            {
                StringParameters = string.Create(CultureInfo.InvariantCulture,
                    $"max_time_in_seconds:{Math.Max(0.01, timeLimit.TotalSeconds)} num_workers:{Math.Max(1, Environment.ProcessorCount)} linearization_level:2 relative_gap_limit:{acceptedGap}"),
            };
            return (_solver.Solve(Cp), _solver);
        }

        public IReadOnlyList<int> ChosenSites(CpSolver solver) =>
            Enumerable.Range(0, _instance.Candidates).Where(j => solver.BooleanValue(Sites[j])).ToList();

        public void Dispose() => _solver?.Dispose();
    }
}
