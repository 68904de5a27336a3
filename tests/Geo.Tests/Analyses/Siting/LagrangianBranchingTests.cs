using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

/// <summary>
/// Branch and bound on the Lagrangian bound against brute force (every K-subset tried) on small seeded instances with
/// overlapping reaches and existing coverage: its bound is never below the optimum, and when it says the gap is within
/// the accepted one, its choice is that close to the optimum; with no gap accepted it finds the optimum itself.
/// </summary>
public class LagrangianBranchingTests
{
    public static TheoryData<int, int, double> Cases()
    {
        var cases = new TheoryData<int, int, double>();
        for (int seed = 1; seed <= 40; seed++)
        {
            foreach (double gap in new[] { 0, 0.005, 0.03 }) cases.Add(seed, 2 + seed % 5, gap);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Closed_gap_holds_against_brute_force(int seed, int k, double gap)
    {
        var instance = RandomInstances.Make(seed + 900, candidates: 16, units: 120, reach: 0.18, existing: 0.1);
        double optimum = RandomInstances.BestCoverage(instance, k);
        var start = LazyGreedy.Maximal(instance, k).Chosen;

        var run = LagrangianBranching.Maximal(instance, k, start, gap, TimeSpan.FromSeconds(30));

        Assert.NotNull(run.Chosen);
        Assert.Equal(k, run.Chosen!.Distinct().Count());
        double covered = instance.CoverageOf(run.Chosen);
        Assert.True(run.Bound >= optimum - 1e-9, $"bound {run.Bound} below the optimum {optimum}");
        Assert.True(covered >= instance.CoverageOf(start) - 1e-9, "the choice covers less than the one it started from");
        // Bounds within rounding of the incumbent (a billionth of all demand) count as meeting it.
        Assert.True(run.Bound - covered <= gap * run.Bound + 1e-9 * instance.TotalWeight, $"gap {(run.Bound - covered) / run.Bound:P3} left open, {gap:P1} accepted ({run.Status})");
        Assert.True(covered >= (1 - gap) * optimum - 1e-9, $"covered {covered} more than {gap:P1} below the optimum {optimum}");
        if (gap == 0) Assert.Equal(optimum, covered, 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_a_poor_start_without_the_steps_choices_the_pruning_alone_proves_the_gap(int seed, int k, double gap)
    {
        var instance = RandomInstances.Make(seed + 900, candidates: 16, units: 120, reach: 0.1 + 0.02 * (seed % 8), existing: 0.1);
        double optimum = RandomInstances.BestCoverage(instance, k);
        // The candidates covering least: every better choice has to come from nodes the search settles.
        var poor = Enumerable.Range(0, instance.Candidates).OrderBy(j => instance.CoverageOf(new[] { j })).Take(k).ToArray();

        var run = LagrangianBranching.Maximal(instance, k, poor, gap, TimeSpan.FromSeconds(30), offerRelaxedChoices: false);

        double covered = instance.CoverageOf(run.Chosen!);
        Assert.True(run.Bound >= optimum - 1e-9, $"bound {run.Bound} below the optimum {optimum}");
        Assert.True(run.Bound - covered <= gap * run.Bound + 1e-9 * instance.TotalWeight, $"gap left open ({run.Status})");
        Assert.True(covered >= (1 - gap) * optimum - 1e-9, $"covered {covered} more than {gap:P1} below the optimum {optimum} ({run.Status})");
    }

    [Fact]
    public void Stopped_early_its_bound_still_holds()
    {
        var instance = RandomInstances.Make(77, candidates: 16, units: 120, reach: 0.18, existing: 0);
        double optimum = RandomInstances.BestCoverage(instance, 4);

        var run = LagrangianBranching.Maximal(instance, 4, LazyGreedy.Maximal(instance, 4).Chosen, 0, TimeSpan.FromSeconds(30), maxOpenNodes: 0);

        Assert.False(run.Proven);
        Assert.True(run.Bound >= optimum - 1e-9, $"bound {run.Bound} below the optimum {optimum}");
    }
}
