namespace Geo.Analyses.Siting;

/// <summary>
/// A covering problem stripped of geography: demand unit weights, the units each candidate covers, and which units
/// the existing stations already cover (fixed, counted first). What the solvers work on, and what is exported.
/// </summary>
public sealed class CoverageInstance
{
    public CoverageInstance(double[] weights, int[][] candidateSets, bool[] coveredByExisting, IReadOnlyList<string>? candidateIds = null)
    {
        if (coveredByExisting.Length != weights.Length) throw new ArgumentException("one existing-coverage flag per unit is needed", nameof(coveredByExisting));
        for (int u = 0; u < weights.Length; u++)
        {
            if (!double.IsFinite(weights[u]) || weights[u] < 0) throw new GeoInputException($"demand unit {u}: weight {weights[u]} is not a non-negative number");
        }
        for (int j = 0; j < candidateSets.Length; j++)
        {
            foreach (int u in candidateSets[j])
            {
                if (u < 0 || u >= weights.Length) throw new GeoInputException($"candidate {j} covers unit {u}, but there are {weights.Length} units");
            }
        }
        Weights = weights;
        Sets = candidateSets;
        CoveredByExisting = coveredByExisting;
        CandidateIds = candidateIds ?? Enumerable.Range(0, candidateSets.Length).Select(j => $"c{j}").ToArray();
        if (CandidateIds.Count != candidateSets.Length) throw new ArgumentException("one id per candidate is needed", nameof(candidateIds));
        TotalWeight = weights.Sum();
        ExistingWeight = Enumerable.Range(0, weights.Length).Where(u => coveredByExisting[u]).Sum(u => weights[u]);
        var all = (bool[])coveredByExisting.Clone();
        foreach (var set in candidateSets) foreach (int u in set) all[u] = true;
        ReachableWeight = Enumerable.Range(0, weights.Length).Where(u => all[u]).Sum(u => weights[u]);
    }

    public double[] Weights { get; }
    public int[][] Sets { get; }
    public bool[] CoveredByExisting { get; }
    public IReadOnlyList<string> CandidateIds { get; }
    public int Units => Weights.Length;
    public int Candidates => Sets.Length;

    /// <summary>All demand: 100 %.</summary>
    public double TotalWeight { get; }

    /// <summary>Demand the existing stations cover.</summary>
    public double ExistingWeight { get; }

    /// <summary>Demand covered if every candidate were built: the most any choice can reach.</summary>
    public double ReachableWeight { get; }

    public double Share(double covered) => TotalWeight > 0 ? covered / TotalWeight : 0;

    /// <summary>Demand covered by the existing stations plus the given candidates.</summary>
    public double CoverageOf(IEnumerable<int> candidates)
    {
        var covered = (bool[])CoveredByExisting.Clone();
        foreach (int j in candidates) foreach (int u in Sets[j]) covered[u] = true;
        double sum = 0;
        for (int u = 0; u < covered.Length; u++) if (covered[u]) sum += Weights[u];
        return sum;
    }

    private List<(int[] Candidates, double Weight)>? _groups;
    private int[][]? _groupsOf;

    /// <summary>
    /// The units a choice can change, merged by the candidates covering them (<see cref="DemandGroups.Of"/>): worked
    /// out once, as greedy's swaps, the relaxation and the exact model all start from them. Shared: read, never changed.
    /// </summary>
    internal List<(int[] Candidates, double Weight)> Groups => LazyInitializer.EnsureInitialized(ref _groups, () => DemandGroups.Of(this));

    /// <summary>For each candidate, the indices of the <see cref="Groups"/> it covers, ascending. Shared like them.</summary>
    internal int[][] GroupsOf => LazyInitializer.EnsureInitialized(ref _groupsOf, () => DemandGroups.OfCandidates(Candidates, Groups));

    private long _groupLinks = -1;

    /// <summary>The links between candidates and the <see cref="Groups"/> they cover: the size of a step of the relaxation.</summary>
    internal long GroupLinks => _groupLinks >= 0 ? _groupLinks : _groupLinks = Groups.Sum(g => (long)g.Candidates.Length);

    /// <summary>Whether a covered amount reaches a required one, allowing for rounding in sums of fractional weights.</summary>
    public bool Reaches(double covered, double required) => covered >= required - 1e-9 * Math.Max(1, TotalWeight);
}
