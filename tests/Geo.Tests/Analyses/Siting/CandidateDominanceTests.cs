using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

public class CandidateDominanceTests
{
    // Groups: g0 = {A, B}, g1 = {A}, g2 = {C}, g3 = {D, E}: B ⊂ A, and D and E cover the same.
    private static readonly List<(int[] Candidates, double Weight)> Groups = new()
    {
        (new[] { 0, 1 }, 2.0), (new[] { 0 }, 1.0), (new[] { 2 }, 4.0), (new[] { 3, 4 }, 3.0),
    };

    [Fact]
    public void Dominated_and_duplicate_candidates_are_left_out_and_mapped_to_their_dominator()
    {
        var reduced = CandidateDominance.Reduce(5, Groups, minimum: 0);
        Assert.Equal(new[] { true, false, true, true, false }, reduced.Kept);
        Assert.Equal(0, reduced.Dominator[1]);
        Assert.Equal(3, reduced.Dominator[4]);
        Assert.Equal(new[] { 0, 2 }, reduced.Map(new[] { 1, 2 }).Order());
        Assert.Equal(Groups.Sum(g => g.Weight), reduced.Groups.Sum(g => g.Weight));
        Assert.All(reduced.Groups, g => Assert.All(g.Candidates, j => Assert.True(reduced.Kept[j])));
    }

    [Fact]
    public void Enough_candidates_stay_for_exactly_K_sites()
    {
        var reduced = CandidateDominance.Reduce(5, Groups, minimum: 5);
        Assert.All(reduced.Kept, Assert.True);
    }

    [Fact]
    public void On_random_instances_the_optimum_over_kept_candidates_equals_the_optimum_over_all()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 40; trial++)
        {
            int candidates = random.Next(3, 9), units = random.Next(4, 14), k = random.Next(1, candidates + 1);
            var sets = Enumerable.Range(0, candidates).Select(_ => Enumerable.Range(0, units).Where(_ => random.NextDouble() < 0.35).ToArray()).ToArray();
            var instance = new CoverageInstance(Enumerable.Range(0, units).Select(_ => (double)random.Next(1, 6)).ToArray(), sets, new bool[units]);
            var reduced = CandidateDominance.Reduce(candidates, Geo.Analyses.Siting.DemandGroups.Of(instance), k);
            double Best(Func<int, bool> allowed) => Subsets(candidates, k).Where(s => s.All(allowed)).Max(s => instance.CoverageOf(s));
            Assert.Equal(Best(_ => true), Best(j => reduced.Kept[j]), 9);
        }
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        for (int mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) != k) continue;
            yield return Enumerable.Range(0, n).Where(j => (mask >> j & 1) == 1).ToArray();
        }
    }
}

public class SwapSearchTests
{
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(35)]
    public void Swaps_keep_K_distinct_sites_and_never_cover_less_or_more_than_possible(int seed)
    {
        var instance = RandomInstances.Make(seed, reach: 0.25);
        const int k = 3;
        var greedy = LazyGreedy.Maximal(instance, k);
        var swapped = SwapSearch.Improve(instance, greedy.Chosen, TimeSpan.FromSeconds(5));
        Assert.Equal(k, swapped.Distinct().Count());
        Assert.True(instance.CoverageOf(swapped) >= greedy.Value - 1e-9);
        Assert.True(instance.CoverageOf(swapped) <= RandomInstances.BestCoverage(instance, k) + 1e-9);
    }
}
