using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

public class ExactModelSizeTests
{
    [Fact]
    public void A_model_within_the_limit_is_built()
    {
        var reduced = Reduced(groups: 2, candidatesPerGroup: (int)(ExactModelSize.MaxLinks / 2));

        Assert.Null(ExactModelSize.TooLarge(reduced));
    }

    [Fact]
    public void A_model_over_the_limit_is_refused_saying_how_large_it_is()
    {
        var reduced = Reduced(groups: 2, candidatesPerGroup: (int)(ExactModelSize.MaxLinks / 2) + 1);

        string? why = ExactModelSize.TooLarge(reduced);

        Assert.NotNull(why);
        Assert.StartsWith("not run:", why);
        Assert.Contains("2,000,002", why);
        Assert.Contains("2 demand groups", why);
    }

    [Fact]
    public void Small_instances_still_reach_the_exact_solver()
    {
        var instance = RandomInstances.Make(3, reach: 0.3);

        var run = MipCoverage.IsAvailable
            ? MipCoverage.Maximal(instance, 3, Array.Empty<int>(), TimeSpan.FromSeconds(10))
            : CpSatCoverage.Maximal(instance, 3, Array.Empty<int>(), TimeSpan.FromSeconds(10));

        Assert.NotNull(run.Chosen);
        Assert.DoesNotContain("not run", run.Status);
    }

    private static CandidateDominance.Reduced Reduced(int groups, int candidatesPerGroup)
    {
        var members = Enumerable.Range(0, candidatesPerGroup).ToArray();
        var list = Enumerable.Range(0, groups).Select(_ => (members, 1.0)).ToList();
        return new CandidateDominance.Reduced(list, Enumerable.Repeat(true, candidatesPerGroup).ToArray(), Enumerable.Repeat(-1, candidatesPerGroup).ToArray());
    }
}
