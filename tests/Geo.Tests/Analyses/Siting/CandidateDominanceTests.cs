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

    [Fact]
    public void Swaps_make_the_choices_a_slot_by_slot_rescan_of_every_candidate_makes_ties_and_all()
    {
        var random = new Random(41);
        for (int trial = 0; trial < 300; trial++)
        {
            int candidates = random.Next(2, 25), units = random.Next(5, 80), k = random.Next(1, Math.Min(8, candidates) + 1);
            bool whole = trial % 2 == 0;   // whole weights tie often, fractional ones show the order of summing
            var weights = Enumerable.Range(0, units).Select(_ => whole ? random.Next(1, 4) : random.NextDouble() * 5).ToArray();
            var sets = Enumerable.Range(0, candidates).Select(_ => Enumerable.Range(0, units).Where(_ => random.NextDouble() < 0.2).ToArray()).ToArray();
            var instance = new CoverageInstance(weights, sets, Enumerable.Range(0, units).Select(_ => random.NextDouble() < 0.1).ToArray());
            var start = Enumerable.Range(0, candidates).OrderBy(_ => random.Next()).Take(k).ToList();

            var swapped = SwapSearch.Improve(instance, start, TimeSpan.FromMinutes(1));

            Assert.Equal(Rescanning(instance, start), swapped);
            // No single swap covers more.
            double value = instance.CoverageOf(swapped);
            foreach (int slot in Enumerable.Range(0, k))
            {
                foreach (int j in Enumerable.Range(0, candidates).Where(j => !swapped.Contains(j)))
                {
                    var other = swapped.ToList();
                    other[slot] = j;
                    Assert.True(instance.CoverageOf(other) <= value + 1e-9, $"trial {trial}: swapping slot {slot} for {j} covers more");
                }
            }
        }
    }

    /// <summary>Each slot in turn: every unchosen candidate's gain summed over its groups, the first largest taken if it beats the loss.</summary>
    private static List<int> Rescanning(CoverageInstance instance, IReadOnlyList<int> chosen)
    {
        var groups = DemandGroups.Of(instance);
        var groupsOf = DemandGroups.OfCandidates(instance.Candidates, groups);
        var current = chosen.ToList();
        var count = new int[groups.Count];
        foreach (int j in current) foreach (int g in groupsOf[j]) count[g]++;
        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int slot = 0; slot < current.Count; slot++)
            {
                int leaving = current[slot];
                var onlyByOut = groupsOf[leaving].Where(g => count[g] == 1).ToHashSet();
                double loss = 0;
                foreach (int g in groupsOf[leaving]) if (onlyByOut.Contains(g)) loss += groups[g].Weight;
                int best = -1;
                double bestGain = loss + 1e-12 * Math.Max(1, instance.TotalWeight);
                for (int j = 0; j < instance.Candidates; j++)
                {
                    if (current.Contains(j)) continue;
                    double gain = 0;
                    foreach (int g in groupsOf[j]) if (count[g] == 0 || onlyByOut.Contains(g)) gain += groups[g].Weight;
                    if (gain > bestGain) (best, bestGain) = (j, gain);
                }
                if (best < 0) continue;
                foreach (int g in groupsOf[leaving]) count[g]--;
                foreach (int g in groupsOf[best]) count[g]++;
                current[slot] = best;
                improved = true;
            }
        }
        return current;
    }
}
