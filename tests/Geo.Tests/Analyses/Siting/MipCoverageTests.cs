using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

/// <summary>The exact model on SCIP starts from the choice it is given.</summary>
public class MipCoverageTests
{
    [Fact]
    public void Maximal_withNoTimeToSearch_keepsTheHintedChoice()
    {
        // Many more demand groups than candidates: a hint naming only the sites would leave most variables unknown.
        var instance = RandomInstances.Make(11, candidates: 40, units: 3000, reach: 0.1, existing: 0);
        var hint = LazyGreedy.Maximal(instance, 5).Chosen;

        var run = MipCoverage.Maximal(instance, 5, hint, TimeSpan.Zero);

        Assert.NotNull(run.Chosen);
        Assert.True(instance.CoverageOf(run.Chosen!) >= instance.CoverageOf(hint) - 1e-9, "the exact model lost the hinted choice");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void Maximal_fromTheWorstChoice_reachesTheBruteForceOptimum(double acceptedGap)
    {
        // Started from the K candidates covering least, with SCIP's neighbourhood heuristics off and branching by
        // pseudo-costs: cuts and branching alone must find the optimum (or a choice within the accepted gap) and bound
        // it from above.
        for (int seed = 1; seed <= 24; seed++)
        {
            var instance = RandomInstances.Make(seed, candidates: 14, units: 80, reach: 0.25);
            int k = 2 + seed % 4;
            double optimum = RandomInstances.BestCoverage(instance, k);
            var worst = RandomInstances.Subsets(instance.Candidates, k).MinBy(instance.CoverageOf)!;

            var run = MipCoverage.Maximal(instance, k, worst, TimeSpan.FromSeconds(20), acceptedGap);

            Assert.NotNull(run.Chosen);
            Assert.Equal(k, run.Chosen!.Count);
            double found = instance.CoverageOf(run.Chosen);
            Assert.True(found >= optimum * (1 - acceptedGap) - 1e-9, $"seed {seed}, K = {k}: {found} against the optimum {optimum}");
            Assert.True(run.Bound >= optimum - 1e-6, $"seed {seed}, K = {k}: bound {run.Bound} below the optimum {optimum}");
            if (acceptedGap == 0) Assert.True(run.Proven, $"seed {seed}, K = {k}: not proven");
        }
    }
}
