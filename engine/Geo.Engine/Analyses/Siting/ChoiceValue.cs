namespace Geo.Analyses.Siting;

/// <summary>
/// The demand a choice of candidates covers, summed over the demand groups they reach, each group once: a stamp per
/// group marks those already counted for the choice at hand, so no set is cleared between choices.
/// </summary>
internal sealed class ChoiceValue(double[] weights, int[][] reaches)
{
    private readonly int[] _seen = new int[weights.Length];
    private int _round;

    public double Of(ReadOnlySpan<int> choice)
    {
        _round++;
        double value = 0;
        foreach (int j in choice)
        {
            foreach (int g in reaches[j])
            {
                if (_seen[g] == _round) continue;
                _seen[g] = _round;
                value += weights[g];
            }
        }
        return value;
    }
}
