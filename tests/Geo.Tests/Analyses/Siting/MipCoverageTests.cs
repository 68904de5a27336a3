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
}
