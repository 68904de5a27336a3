using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Geo.Analyses.Siting;

/// <summary>
/// What the Lagrangian relaxation proved: an upper bound on covered demand; the candidates no choice better than the
/// incumbent can contain (dropped) or can leave out (fixed); how many steps it took, and how long. On the way it
/// found <see cref="Choice"/>, a choice of K candidates covering more than the incumbent it was given, or null.
/// </summary>
public sealed record LagrangianRun(double Bound, bool[] Dropped, bool[] Fixed, int Iterations, long Milliseconds)
{
    public IReadOnlyList<int>? Choice { get; init; }

    public int DroppedCount => Dropped.Count(d => d);
    public int FixedCount => Fixed.Count(f => f);
}

/// <summary>
/// An upper bound on maximal covering from the Lagrangian relaxation of the covering constraints (a group of demand
/// counts only if one of its candidates is built), improved by subgradient steps. With prices λ on the groups, the
/// relaxed problem splits: each group is worth max(0, w − λ) on its own, and each candidate is worth the prices of the
/// groups it reaches, of which the K dearest are built. Every λ ≥ 0 gives a bound; the best of them equals the linear
/// programme's bound, found in milliseconds on city-sized instances where the exact model takes minutes. It proves a
/// greedy-plus-swaps choice near-optimal, so the exact model is needed only when the gap is still too wide; and at the
/// best prices, forcing a candidate in (or out) bounds every choice with (without) it, which drops or fixes most
/// candidates before the exact model sees them. The K candidates each step builds are a choice too: the best of them,
/// improved by swaps, often beats greedy's by a few percent, and the better the incumbent, the more is settled.
/// </summary>
public static class LagrangianBound
{
    private const int PlainIterations = 3000;
    private const int MaxIterations = 10_000;
    private const double SmallestStep = 1e-5;

    /// <summary>
    /// The steps come in two phases. Plain subgradient steps zigzag across the ridges of the relaxed optimum: the
    /// many different choices they build are what the heuristic improves by swaps, but their bound stalls a few
    /// tenths of a percent above the linear programme on real cities. From the best prices, refining steps then keep
    /// this share of the last direction in the next and leave out what would push a price beyond 0 or its weight;
    /// they follow the ridges down to within a few hundredths of a percent.
    /// </summary>
    private const double Deflection = 0.85;

    /// <param name="incumbent">Covered demand of the best known choice (existing coverage included): the steps aim at it.</param>
    /// <param name="acceptedGap">Stop once the bound is within this share of the incumbent.</param>
    public static LagrangianRun Maximal(CoverageInstance instance, int k, double incumbent, double acceptedGap, TimeSpan timeLimit, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var groups = instance.Groups;
        var steps = new LagrangianSteps(instance);
        var weights = steps.Weights;
        var reaches = steps.Reaches;
        double target = incumbent - instance.ExistingWeight;
        var price = steps.StartingPrices();
        var bestPrice = (double[])price.Clone();
        var found = new Choices(weights, reaches);
        double best = double.PositiveInfinity, scale = 2;
        int sinceImproved = 0, iterations = 0, stallBeforeHalving = 25;
        bool refining = false;
        int kept = Math.Min(k, instance.Candidates);
        while (clock.Elapsed < timeLimit)
        {
            cancel.ThrowIfCancellationRequested();
            if (scale <= SmallestStep || iterations >= (refining ? MaxIterations : PlainIterations))
            {
                if (refining) break;
                (refining, scale, sinceImproved, stallBeforeHalving) = (true, 2, 0, 50);
                Array.Copy(bestPrice, price, price.Length);
            }
            iterations++;
            double value = steps.Relaxed(price, kept);
            // Aim the steps at, and settle against, the best choice known.
            target = Math.Max(target, found.Offer(steps.Built));
            if (value < best - 1e-12 * Math.Max(1, Math.Abs(value))) { best = value; sinceImproved = 0; Array.Copy(price, bestPrice, price.Length); }
            else if (++sinceImproved >= stallBeforeHalving) { scale /= 2; sinceImproved = 0; }
            if (best <= target * (1 + acceptedGap) + 1e-9 * Math.Max(1, instance.TotalWeight)) break;
            double norm = steps.Aim(price, projected: refining, refining ? Deflection : 0, out bool stationary);
            if (stationary) break;   // the relaxed choice is feasible and complementary: its value is optimal
            if (norm == 0) continue;
            steps.Move(price, scale * Math.Max(value - target, 1e-9 * Math.Max(1, value)) / norm);
        }
        // The relaxed choices overlap where the prices are high: swaps turn the best few into good choices.
        IReadOnlyList<int>? choice = null;
        double chosenValue = double.NegativeInfinity;
        var swapping = Stopwatch.StartNew();
        foreach (var relaxedChoice in found.Best)
        {
            var improved = SwapSearch.Improve(instance, groups, reaches, relaxedChoice, SwapTime - swapping.Elapsed);
            if (instance.CoverageOf(improved) is var v && v > chosenValue) (choice, chosenValue) = (improved, v);
        }
        if (chosenValue > incumbent + 1e-9 * Math.Max(1, instance.TotalWeight)) target = Math.Max(target, chosenValue - instance.ExistingWeight);
        else choice = null;
        double bound = instance.ExistingWeight + (double.IsFinite(best) ? best : weights.Sum());
        var (dropped, fixedIn) = double.IsFinite(best)
            ? Settled(steps, bestPrice, best, kept, target - 1e-9 * Math.Max(1, instance.TotalWeight))
            : (new bool[instance.Candidates], new bool[instance.Candidates]);
        return new LagrangianRun(Math.Min(bound, instance.ReachableWeight), dropped, fixedIn, iterations, clock.ElapsedMilliseconds) { Choice = choice };
    }

    /// <summary>
    /// At prices whose relaxed optimum is <paramref name="value"/>: a candidate outside the K dearest, swapped in for
    /// the cheapest of them, bounds every choice containing it; one of the K dearest, swapped for the next dearest,
    /// bounds every choice without it. Below <paramref name="incumbent"/>, such choices cannot improve on it.
    /// </summary>
    private static (bool[] Dropped, bool[] Fixed) Settled(LagrangianSteps steps, double[] price, double value, int k, double incumbent)
    {
        double relaxed = steps.Relaxed(price, k);
        var worth = steps.Worth;
        var built = new bool[worth.Length];
        foreach (int j in steps.Built) built[j] = true;
        // The recomputed optimum may differ from the tracked one by rounding: use the larger, which only weakens the test.
        value = Math.Max(value, relaxed);
        double cheapestBuilt = double.PositiveInfinity, dearestLeft = 0;
        for (int j = 0; j < worth.Length; j++)
        {
            if (built[j]) cheapestBuilt = Math.Min(cheapestBuilt, worth[j]);
            else dearestLeft = Math.Max(dearestLeft, worth[j]);
        }
        var dropped = new bool[worth.Length];
        var fixedIn = new bool[worth.Length];
        for (int j = 0; j < worth.Length; j++)
        {
            if (!built[j]) dropped[j] = value - cheapestBuilt + worth[j] < incumbent;
            else fixedIn[j] = value - worth[j] + dearestLeft < incumbent;
        }
        return (dropped, fixedIn);
    }

    /// <summary>Swaps on the relaxation's best choice get at most this long.</summary>
    private static readonly TimeSpan SwapTime = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The few best distinct choices offered, by the demand their groups hold (beyond the existing stations'), best
    /// first.
    /// </summary>
    private sealed class Choices(double[] weights, int[][] reaches)
    {
        private const int Kept = 8;
        private readonly ChoiceValue _value = new(weights, reaches);
        private readonly List<(double Value, int[] Candidates)> _best = new();

        public IEnumerable<int[]> Best => _best.Select(b => b.Candidates);

        /// <summary>Keeps the choice if it is among the best so far; returns the best value.</summary>
        public double Offer(List<int> choice)
        {
            double value = _value.Of(CollectionsMarshal.AsSpan(choice));
            if (_best.Count < Kept || value > _best[^1].Value)
            {
                var sorted = choice.Order().ToArray();
                if (!_best.Any(b => b.Candidates.AsSpan().SequenceEqual(sorted)))
                {
                    int at = _best.FindIndex(b => b.Value < value);
                    _best.Insert(at < 0 ? _best.Count : at, (value, sorted));
                    if (_best.Count > Kept) _best.RemoveAt(Kept);
                }
            }
            return _best[0].Value;
        }
    }
}
