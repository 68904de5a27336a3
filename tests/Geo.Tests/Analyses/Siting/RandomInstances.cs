using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

/// <summary>Small seeded covering instances and their brute-force answers (every K-subset tried).</summary>
internal static class RandomInstances
{
    public static CoverageInstance Make(int seed, int candidates = 12, int units = 30, double reach = 0.2, double existing = 0.1)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, units).Select(_ => (double)random.Next(1, 10)).ToArray();
        var sets = Enumerable.Range(0, candidates)
            .Select(_ => Enumerable.Range(0, units).Where(_ => random.NextDouble() < reach).ToArray()).ToArray();
        var covered = Enumerable.Range(0, units).Select(_ => random.NextDouble() < existing).ToArray();
        return new CoverageInstance(weights, sets, covered);
    }

    public static IEnumerable<int[]> Subsets(int n, int k)
    {
        var pick = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])pick.Clone();
            int i = k - 1;
            while (i >= 0 && pick[i] == n - k + i) i--;
            if (i < 0) yield break;
            pick[i]++;
            for (int j = i + 1; j < k; j++) pick[j] = pick[j - 1] + 1;
        }
    }

    public static double BestCoverage(CoverageInstance instance, int k) => Subsets(instance.Candidates, k).Max(instance.CoverageOf);

    public static int FewestSites(CoverageInstance instance, double required)
    {
        if (instance.Reaches(instance.ExistingWeight, required)) return 0;
        for (int k = 1; k <= instance.Candidates; k++)
        {
            if (Subsets(instance.Candidates, k).Any(s => instance.Reaches(instance.CoverageOf(s), required))) return k;
        }
        throw new InvalidOperationException("target unreachable");
    }
}
