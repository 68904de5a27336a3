namespace Geo.Analyses.Siting;

/// <summary>
/// The moving parts of the Lagrangian relaxation of maximal covering, shared by the bound at the root
/// (<see cref="LagrangianBound"/>) and each node of the branch and bound (<see cref="LagrangianBranching"/>). With
/// prices λ on the demand groups the relaxed problem splits: each group is worth max(0, w − λ) on its own, each
/// candidate the prices of the groups it reaches, and the K dearest candidates are built. A step moves the prices
/// along the subgradient of that optimum, kept in [0, w]: every such price vector bounds, the path only decides how
/// fast the best one is found.
/// </summary>
internal sealed class LagrangianSteps
{
    private readonly double[] _weights;
    private readonly int[][] _members;
    private readonly int[][] _reaches;
    private readonly long _links;
    private readonly double[] _step;

    public LagrangianSteps(CoverageInstance instance)
    {
        _weights = instance.Groups.Select(g => g.Weight).ToArray();
        _members = instance.Groups.Select(g => g.Candidates).ToArray();
        _reaches = instance.GroupsOf;
        _links = instance.GroupLinks;
        Worth = new double[instance.Candidates];
        _step = new double[_weights.Length];
        Direction = new double[_weights.Length];
    }

    public double[] Weights => _weights;
    public int[][] Reaches => _reaches;

    /// <summary>Each candidate's worth at the prices of the last <see cref="Relaxed"/>: the prices of the groups it reaches.</summary>
    public double[] Worth { get; }

    /// <summary>The candidates the last <see cref="Relaxed"/> built: the forced ones first, then the dearest.</summary>
    public List<int> Built { get; } = new();

    /// <summary>The direction of the last <see cref="Aim"/>, which a deflected step keeps a share of.</summary>
    public double[] Direction { get; }

    /// <summary>Each group's weight shared among the candidates reaching it, a fair first guess of its worth.</summary>
    public double[] StartingPrices()
    {
        var prices = new double[_weights.Length];
        for (int g = 0; g < prices.Length; g++) prices[g] = _weights[g] / Math.Max(1, _members[g].Length);
        return prices;
    }

    /// <summary>
    /// The relaxed optimum at these prices with <paramref name="k"/> candidates built: the <paramref name="forced"/>
    /// ones always, then the dearest of those <paramref name="state"/> leaves open (0; all when it is null).
    /// </summary>
    public double Relaxed(double[] prices, int k, ReadOnlySpan<int> forced = default, sbyte[]? state = null)
    {
        Built.Clear();
        double value = 0;
        for (int g = 0; g < _weights.Length; g++) value += Math.Max(0, _weights[g] - prices[g]);
        var worth = Worth;
        InRanges(worth.Length, _links, (from, to) =>
        {
            for (int j = from; j < to; j++)
            {
                double sum = 0;
                foreach (int g in _reaches[j]) sum += prices[g];
                worth[j] = sum;
            }
        });
        foreach (int j in forced)
        {
            Built.Add(j);
            value += worth[j];
        }
        int open = k - forced.Length;
        var dearest = new PriorityQueue<int, double>(Math.Max(0, open) + 1);
        for (int j = 0; j < worth.Length && open > 0; j++)
        {
            if (state is not null && state[j] != 0) continue;
            if (dearest.Count < open) dearest.Enqueue(j, worth[j]);
            else if (worth[j] > worth[dearest.Peek()]) { dearest.Dequeue(); dearest.Enqueue(j, worth[j]); }
        }
        while (dearest.TryDequeue(out int j, out _))
        {
            Built.Add(j);
            value += worth[j];
        }
        return value;
    }

    /// <summary>
    /// Sets <see cref="Direction"/> from the subgradient of the last <see cref="Relaxed"/>: +1 for a group counted
    /// though no built candidate reaches it, −m for a group reached m times (counted from the built candidates' groups
    /// rather than every group's candidates). Projected, a price held at 0 or at its weight is not pushed further out;
    /// deflected, the direction keeps that share of the last one. Returns the direction's squared length, and whether
    /// the (projected) subgradient is zero: then the relaxed choice is feasible and complementary, its value optimal.
    /// </summary>
    public double Aim(double[] prices, bool projected, double deflection, out bool stationary)
    {
        for (int g = 0; g < _step.Length; g++) _step[g] = _weights[g] > prices[g] ? 1 : 0;
        foreach (int j in Built) foreach (int g in _reaches[j]) _step[g]--;
        double norm = 0;
        stationary = true;
        for (int g = 0; g < _step.Length; g++)
        {
            double s = _step[g];
            if (projected && ((s < 0 && prices[g] <= 0) || (s > 0 && prices[g] >= _weights[g]))) s = 0;
            stationary &= s == 0;
            Direction[g] = deflection != 0 ? s + deflection * Direction[g] : s;
            norm += Direction[g] * Direction[g];
        }
        return norm;
    }

    /// <summary>Moves the prices <paramref name="length"/> along <see cref="Direction"/>, each kept in [0, its group's weight].</summary>
    public void Move(double[] prices, double length)
    {
        for (int g = 0; g < prices.Length; g++) prices[g] = Math.Clamp(prices[g] + length * Direction[g], 0, _weights[g]);
    }

    /// <summary>
    /// Runs <paramref name="body"/> over 0 … <paramref name="count"/> in ranges on every core when the step's work
    /// (<paramref name="links"/>, the candidate–group links it visits) is large enough to pay for it, else on this
    /// thread. Each index is written by one range alone and sums across ranges stay on the caller's thread, so the
    /// results are the same to the last bit either way.
    /// </summary>
    private static void InRanges(int count, long links, Action<int, int> body)
    {
        int ranges = Math.Min(Environment.ProcessorCount * 4, count);
        if (links < ParallelLinks || ranges < 2)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, ranges, r => body((int)((long)count * r / ranges), (int)((long)count * (r + 1) / ranges)));
    }

    /// <summary>Below this many links a step takes well under a millisecond: threads would cost more than they save.</summary>
    private const long ParallelLinks = 200_000;
}
