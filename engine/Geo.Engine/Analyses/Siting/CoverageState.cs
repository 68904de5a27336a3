namespace Geo.Analyses.Siting;

/// <summary>The units covered so far by the existing stations and the sites added, and what another site would add.</summary>
internal sealed class CoverageState
{
    private readonly CoverageInstance _instance;
    private readonly bool[] _covered;

    public CoverageState(CoverageInstance instance)
    {
        _instance = instance;
        _covered = (bool[])instance.CoveredByExisting.Clone();
        Value = instance.ExistingWeight;
    }

    public double Value { get; private set; }

    public double Gain(int candidate)
    {
        double gain = 0;
        foreach (int u in _instance.Sets[candidate]) if (!_covered[u]) gain += _instance.Weights[u];
        return gain;
    }

    public double Add(int candidate)
    {
        double gain = 0;
        foreach (int u in _instance.Sets[candidate])
        {
            if (_covered[u]) continue;
            _covered[u] = true;
            gain += _instance.Weights[u];
        }
        Value += gain;
        return gain;
    }

    public bool IsCovered(int unit) => _covered[unit];
}
