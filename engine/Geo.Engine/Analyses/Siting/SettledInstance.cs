namespace Geo.Analyses.Siting;

/// <summary>
/// A maximal-covering instance with the candidates a bound has settled taken out: dropped ones removed, fixed ones
/// counted as built (their coverage joins the existing stations', K shrinks by their number). What remains is what
/// an exact model still has to decide; its answers map back to the original candidates.
/// </summary>
public sealed class SettledInstance
{
    private readonly int[] _original;
    private readonly int[] _fixed;

    public SettledInstance(CoverageInstance instance, int k, bool[] dropped, bool[] fixedIn)
    {
        _fixed = Enumerable.Range(0, instance.Candidates).Where(j => fixedIn[j]).ToArray();
        _original = Enumerable.Range(0, instance.Candidates).Where(j => !dropped[j] && !fixedIn[j]).ToArray();
        var covered = (bool[])instance.CoveredByExisting.Clone();
        foreach (int j in _fixed) foreach (int u in instance.Sets[j]) covered[u] = true;
        Instance = new CoverageInstance(instance.Weights, _original.Select(j => instance.Sets[j]).ToArray(), covered,
            _original.Select(j => instance.CandidateIds[j]).ToArray());
        K = k - _fixed.Length;
    }

    public CoverageInstance Instance { get; }

    /// <summary>New sites still to choose among the open candidates.</summary>
    public int K { get; }

    /// <summary>Whether building every open candidate is allowed, which then is the best choice (coverage never falls by building more).</summary>
    public bool Trivial => Instance.Candidates <= K;

    /// <summary>The original candidates of a choice among the open ones, with the fixed ones added.</summary>
    public IReadOnlyList<int> Original(IEnumerable<int> chosen) => _fixed.Concat(chosen.Select(j => _original[j])).ToList();

    /// <summary>A choice of original candidates as open candidates: the fixed ones and any settled away are left out.</summary>
    public IReadOnlyList<int> Open(IEnumerable<int> chosen)
    {
        var index = new Dictionary<int, int>();
        for (int i = 0; i < _original.Length; i++) index[_original[i]] = i;
        return chosen.Where(index.ContainsKey).Select(j => index[j]).ToList();
    }
}
