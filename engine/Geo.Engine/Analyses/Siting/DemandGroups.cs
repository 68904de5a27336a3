namespace Geo.Analyses.Siting;

/// <summary>
/// Demand units a choice can change (weighted, not covered by the existing stations), merged by the exact set of
/// candidates covering them: the rows of every covering model. Units with the same candidates always count together,
/// so a city's 600,000 units become a few hundred thousand groups. Groups come in the order of their first unit, and
/// each weight is summed in unit order, so the figures do not depend on how the merging is done.
/// </summary>
internal static class DemandGroups
{
    public static List<(int[] Candidates, double Weight)> Of(CoverageInstance instance)
    {
        int units = instance.Units;
        bool[] counted = new bool[units];
        for (int u = 0; u < units; u++) counted[u] = !instance.CoveredByExisting[u] && instance.Weights[u] != 0;

        // Each unit's covering candidates in one flat array, ascending (candidates are visited in order).
        var start = new int[units + 1];
        foreach (var set in instance.Sets) foreach (int u in set) if (counted[u]) start[u + 1]++;
        for (int u = 0; u < units; u++) start[u + 1] += start[u];
        var covering = new int[start[units]];
        var end = new int[units];
        Array.Copy(start, end, units);
        for (int j = 0; j < instance.Candidates; j++)
        {
            foreach (int u in instance.Sets[j])
            {
                if (!counted[u]) continue;
                int at = end[u];
                if (at > start[u] && covering[at - 1] == j) continue;   // a unit listed twice in one set
                covering[at] = j;
                end[u] = at + 1;
            }
        }

        var merger = new SequenceMerger();
        for (int u = 0; u < units; u++)
        {
            if (end[u] > start[u]) merger.Add(covering.AsSpan(start[u], end[u] - start[u]), instance.Weights[u]);
        }
        return merger.Groups();
    }

    /// <summary>For each candidate, the indices of the groups it covers, ascending.</summary>
    public static int[][] OfCandidates(int candidates, List<(int[] Candidates, double Weight)> groups)
    {
        var count = new int[candidates];
        foreach (var (members, _) in groups) foreach (int j in members) count[j]++;
        var result = new int[candidates][];
        for (int j = 0; j < candidates; j++) result[j] = count[j] == 0 ? Array.Empty<int>() : new int[count[j]];
        Array.Clear(count);
        for (int g = 0; g < groups.Count; g++) foreach (int j in groups[g].Candidates) result[j][count[j]++] = g;
        return result;
    }
}
