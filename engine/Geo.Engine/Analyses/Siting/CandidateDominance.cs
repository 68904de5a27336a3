namespace Geo.Analyses.Siting;

/// <summary>
/// Leaves out candidates another candidate dominates (it covers every demand group they cover, and maybe more):
/// swapping a dominated site for its dominator never lowers coverage, so an optimum exists among the rest. Grid
/// candidates a street apart often dominate each other; the exact models then need far fewer site variables.
/// At least <c>minimum</c> candidates are kept, so "exactly K" stays feasible.
/// </summary>
internal static class CandidateDominance
{
    public sealed record Reduced(List<(int[] Candidates, double Weight)> Groups, bool[] Kept, int[] Dominator)
    {
        /// <summary>A choice over all candidates moved onto kept ones: each dropped site becomes its dominator (or another kept site).</summary>
        public IReadOnlyList<int> Map(IReadOnlyList<int> chosen)
        {
            var result = new HashSet<int>(chosen.Where(j => Kept[j]));
            foreach (int j in chosen.Where(j => !Kept[j]))
            {
                int d = Dominator[j];
                if (d >= 0 && result.Add(d)) continue;
                for (int i = 0; i < Kept.Length; i++) if (Kept[i] && result.Add(i)) break;
            }
            return result.ToList();
        }
    }

    public static Reduced Reduce(CoverageInstance instance, int minimum) => Reduce(instance.Groups, instance.GroupsOf, minimum);

    public static Reduced Reduce(int candidates, List<(int[] Candidates, double Weight)> groups, int minimum) =>
        Reduce(groups, DemandGroups.OfCandidates(candidates, groups), minimum);

    private static Reduced Reduce(List<(int[] Candidates, double Weight)> groups, int[][] groupsOf, int minimum)
    {
        int candidates = groupsOf.Length;
        var kept = new bool[candidates];
        var dominator = Enumerable.Repeat(-1, candidates).ToArray();
        var keptInGroup = new List<int>[groups.Count];
        for (int g = 0; g < groups.Count; g++) keptInGroup[g] = new List<int>();
        var mark = new int[candidates];
        int stamp = 0;
        // Larger reaches first, so a dominator is always decided before the candidates it dominates.
        foreach (int j in Enumerable.Range(0, candidates).OrderByDescending(j => groupsOf[j].Length).ThenBy(j => j))
        {
            var mine = groupsOf[j];
            if (mine.Length == 0) continue;   // covers nothing a choice can change
            int found = KeptInAll(mine, keptInGroup, mark, ref stamp);
            if (found >= 0)
            {
                dominator[j] = found;
                continue;
            }
            kept[j] = true;
            foreach (int g in mine) keptInGroup[g].Add(j);
        }
        int count = kept.Count(k => k);
        for (int j = 0; j < candidates && count < minimum; j++)
        {
            if (kept[j]) continue;
            kept[j] = true;
            count++;
        }

        var merger = new SequenceMerger();
        var keep = new int[candidates];
        foreach (var (members, weight) in groups)
        {
            int length = 0;
            foreach (int j in members) if (kept[j]) keep[length++] = j;
            if (length > 0) merger.Add(keep.AsSpan(0, length), weight);
        }
        return new Reduced(merger.Groups(), kept, dominator);
    }

    /// <summary>
    /// A kept candidate found in every one of the groups, or -1: start from the group with the fewest kept candidates
    /// and keep only those that are in each next group too (marks with a fresh stamp per group).
    /// </summary>
    private static int KeptInAll(int[] groups, List<int>[] keptInGroup, int[] mark, ref int stamp)
    {
        int smallest = groups.MinBy(g => keptInGroup[g].Count);
        var survivors = keptInGroup[smallest];
        if (survivors.Count == 0) return -1;
        stamp++;
        foreach (int i in survivors) mark[i] = stamp;
        int level = stamp;
        foreach (int g in groups)
        {
            if (g == smallest) continue;
            stamp++;
            int alive = 0;
            foreach (int i in keptInGroup[g]) if (mark[i] == level) { mark[i] = stamp; alive++; }
            level = stamp;
            if (alive == 0) return -1;
        }
        foreach (int i in survivors) if (mark[i] == level) return i;
        return -1;
    }
}
