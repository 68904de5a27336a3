using System.Diagnostics;

namespace Geo.Analyses.Siting;

/// <summary>
/// Improves a choice of K sites by swaps: take one chosen site out and put the best unchosen one in, whenever that
/// covers more, until no swap helps or the time is up. Works on demand groups (units merged by the candidates
/// covering them) with per-group cover counts, so one pass costs K times the candidates' group lists. Greedy's
/// choice is typically a few percent below the optimum; the swaps close much of that before the exact model starts.
/// </summary>
public static class SwapSearch
{
    public static IReadOnlyList<int> Improve(CoverageInstance instance, IReadOnlyList<int> chosen, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();
        var groups = instance.Groups;
        return Improve(instance, groups, instance.GroupsOf, chosen, timeLimit - clock.Elapsed);
    }

    /// <summary>The same, on the instance's demand groups and each candidate's groups already worked out.</summary>
    internal static IReadOnlyList<int> Improve(CoverageInstance instance, List<(int[] Candidates, double Weight)> groups, int[][] groupsOf,
        IReadOnlyList<int> chosen, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();

        var inChoice = new bool[instance.Candidates];
        var count = new int[groups.Count];
        var current = chosen.ToList();
        foreach (int j in current)
        {
            inChoice[j] = true;
            foreach (int g in groupsOf[j]) count[g]++;
        }
        var onlyByOut = new bool[groups.Count];
        bool improved = true;
        while (improved && clock.Elapsed < timeLimit)
        {
            improved = false;
            for (int slot = 0; slot < current.Count && clock.Elapsed < timeLimit; slot++)
            {
                int leaving = current[slot];
                double loss = 0;
                foreach (int g in groupsOf[leaving])
                {
                    if (count[g] != 1) continue;
                    onlyByOut[g] = true;
                    loss += groups[g].Weight;
                }
                int best = -1;
                double bestGain = loss + 1e-12 * Math.Max(1, instance.TotalWeight);
                for (int j = 0; j < instance.Candidates; j++)
                {
                    if (inChoice[j]) continue;
                    double gain = 0;
                    foreach (int g in groupsOf[j]) if (count[g] == 0 || onlyByOut[g]) gain += groups[g].Weight;
                    if (gain > bestGain) (best, bestGain) = (j, gain);
                }
                foreach (int g in groupsOf[leaving]) onlyByOut[g] = false;
                if (best < 0) continue;
                foreach (int g in groupsOf[leaving]) count[g]--;
                foreach (int g in groupsOf[best]) count[g]++;
                (inChoice[leaving], inChoice[best]) = (false, true);
                current[slot] = best;
                improved = true;
            }
        }
        return current;
    }
}
