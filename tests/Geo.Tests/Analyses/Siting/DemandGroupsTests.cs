using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

public class DemandGroupsTests
{
    [Fact]
    public void Units_with_the_same_candidates_merge_and_covered_or_weightless_units_are_left_out()
    {
        // Units: 0 {A, B}, 1 {A}, 2 {A, B}, 3 {B} but covered already, 4 {A, B} weightless, 5 {} , 6 {A} listed twice by A.
        var weights = new[] { 1.5, 2.0, 3.0, 4.0, 0.0, 5.0, 0.25 };
        var sets = new[] { new[] { 0, 1, 2, 4, 6, 6 }, new[] { 0, 2, 3, 4 } };
        var covered = new[] { false, false, false, true, false, false, false };

        var groups = DemandGroups.Of(new CoverageInstance(weights, sets, covered));

        Assert.Equal(2, groups.Count);
        Assert.Equal(new[] { 0, 1 }, groups[0].Candidates);
        Assert.Equal(4.5, groups[0].Weight);
        Assert.Equal(new[] { 0 }, groups[1].Candidates);
        Assert.Equal(2.25, groups[1].Weight);
    }

    [Fact]
    public void On_random_instances_the_groups_are_those_of_a_unit_by_unit_merge_in_order_and_to_the_last_bit()
    {
        var random = new Random(29);
        for (int trial = 0; trial < 200; trial++)
        {
            int units = random.Next(1, 60), candidates = random.Next(1, 12);
            double reach = random.NextDouble() * 0.6;
            // Fractional weights, some zero, so the order of summing shows in the last bits.
            var weights = Enumerable.Range(0, units).Select(_ => random.NextDouble() < 0.1 ? 0 : random.NextDouble() * 10).ToArray();
            var sets = Enumerable.Range(0, candidates).Select(_ =>
            {
                var set = Enumerable.Range(0, units).Where(_ => random.NextDouble() < reach).ToList();
                if (set.Count > 0 && random.NextDouble() < 0.2) set.Insert(random.Next(set.Count), set[random.Next(set.Count)]);
                return set.ToArray();
            }).ToArray();
            var covered = Enumerable.Range(0, units).Select(_ => random.NextDouble() < 0.15).ToArray();
            var instance = new CoverageInstance(weights, sets, covered);

            var expected = UnitByUnit(instance);
            var actual = DemandGroups.Of(instance);

            Assert.Equal(expected.Count, actual.Count);
            for (int g = 0; g < expected.Count; g++)
            {
                Assert.Equal(expected[g].Candidates, actual[g].Candidates);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[g].Weight), BitConverter.DoubleToInt64Bits(actual[g].Weight));
            }
            var groupsOf = DemandGroups.OfCandidates(candidates, actual);
            for (int j = 0; j < candidates; j++)
            {
                Assert.Equal(Enumerable.Range(0, actual.Count).Where(g => actual[g].Candidates.Contains(j)), groupsOf[j]);
            }
        }
    }

    [Fact]
    public void The_merger_tells_apart_sequences_that_share_a_prefix_or_their_elements()
    {
        var merger = new SequenceMerger();
        int[][] sequences = { new[] { 1, 2 }, new[] { 1, 2, 3 }, new[] { 2, 1 }, new[] { 1 }, new[] { 1, 2 }, new[] { 3 }, new[] { 1, 2, 3 } };
        var groups = sequences.Select((s, i) => merger.Add(s, i + 1)).ToArray();

        Assert.Equal(new[] { 0, 1, 2, 3, 0, 4, 1 }, groups);
        Assert.Equal(new[] { 6.0, 9.0, 3.0, 4.0, 6.0 }, merger.Groups().Select(g => g.Weight));
    }

    [Fact]
    public void The_merger_keeps_every_group_apart_as_its_table_grows()
    {
        var merger = new SequenceMerger();
        for (int round = 0; round < 2; round++)
        {
            for (int a = 0; a < 120; a++)
            {
                for (int b = 0; b < 50; b++) Assert.Equal(a * 50 + b, merger.Add(new[] { a, b, a + b }, 1));
            }
        }
        Assert.Equal(6000, merger.Count);
        Assert.All(merger.Groups(), g => Assert.Equal(2.0, g.Weight));
    }

    /// <summary>Each counted unit's candidates listed in candidate order, merged through a dictionary on their text.</summary>
    private static List<(int[] Candidates, double Weight)> UnitByUnit(CoverageInstance instance)
    {
        var groups = new List<(int[] Candidates, double Weight)>();
        var index = new Dictionary<string, int>();
        for (int u = 0; u < instance.Units; u++)
        {
            if (instance.CoveredByExisting[u] || instance.Weights[u] == 0) continue;
            var mine = Enumerable.Range(0, instance.Candidates).Where(j => instance.Sets[j].Contains(u)).ToArray();
            if (mine.Length == 0) continue;
            string key = string.Join(",", mine);
            if (index.TryGetValue(key, out int g)) groups[g] = (groups[g].Candidates, groups[g].Weight + instance.Weights[u]);
            else
            {
                index[key] = groups.Count;
                groups.Add((mine, instance.Weights[u]));
            }
        }
        return groups;
    }
}
