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
        var weights = groups.Select(g => g.Weight).ToArray();
        var members = groups.Select(g => g.Candidates).ToArray();
        var reaches = instance.GroupsOf;
        long links = 0;
        foreach (var m in members) links += m.Length;
        double target = incumbent - instance.ExistingWeight;
        // Starting prices: each group's weight shared among the candidates reaching it, a fair first guess of its worth.
        var price = new double[weights.Length];
        for (int g = 0; g < price.Length; g++) price[g] = weights[g] / Math.Max(1, members[g].Length);
        var worth = new double[instance.Candidates];
        var step = new double[weights.Length];
        var direction = new double[weights.Length];
        var bestPrice = (double[])price.Clone();
        var builtList = new List<int>(k);
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
            double value = Relaxed(price, weights, reaches, kept, worth, builtList, links);
            // Aim the steps at, and settle against, the best choice known.
            target = Math.Max(target, found.Offer(builtList));
            if (value < best - 1e-12 * Math.Max(1, Math.Abs(value))) { best = value; sinceImproved = 0; Array.Copy(price, bestPrice, price.Length); }
            else if (++sinceImproved >= stallBeforeHalving) { scale /= 2; sinceImproved = 0; }
            if (best <= target * (1 + acceptedGap) + 1e-9 * Math.Max(1, instance.TotalWeight)) break;
            // Subgradient of the relaxed optimum: +1 for a group counted though no built candidate reaches it, −m for
            // a group reached m times, counted from the K built candidates' groups rather than every group's candidates.
            for (int g = 0; g < step.Length; g++) step[g] = weights[g] > price[g] ? 1 : 0;
            foreach (int j in builtList) foreach (int g in reaches[j]) step[g]--;
            // Refining, a price held at 0 or at its group's weight is not pushed further out: that part of the step
            // goes nowhere but into the step's length. Every price in [0, w] bounds; the path only decides how fast
            // the best one is found.
            double norm = 0;
            bool stationary = true;
            for (int g = 0; g < step.Length; g++)
            {
                double s = step[g];
                if (refining && ((s < 0 && price[g] <= 0) || (s > 0 && price[g] >= weights[g]))) s = 0;
                stationary &= s == 0;
                direction[g] = refining ? s + Deflection * direction[g] : s;
                norm += direction[g] * direction[g];
            }
            if (stationary) break;   // the relaxed choice is feasible and complementary: its value is optimal
            if (norm == 0) continue;
            double length = scale * Math.Max(value - target, 1e-9 * Math.Max(1, value)) / norm;
            for (int g = 0; g < weights.Length; g++) price[g] = Math.Clamp(price[g] + length * direction[g], 0, weights[g]);
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
            ? Settled(bestPrice, best, weights, reaches, kept, target - 1e-9 * Math.Max(1, instance.TotalWeight))
            : (new bool[instance.Candidates], new bool[instance.Candidates]);
        return new LagrangianRun(Math.Min(bound, instance.ReachableWeight), dropped, fixedIn, iterations, clock.ElapsedMilliseconds) { Choice = choice };
    }

    /// <summary>
    /// At prices whose relaxed optimum is <paramref name="value"/>: a candidate outside the K dearest, swapped in for
    /// the cheapest of them, bounds every choice containing it; one of the K dearest, swapped for the next dearest,
    /// bounds every choice without it. Below <paramref name="incumbent"/>, such choices cannot improve on it.
    /// </summary>
    private static (bool[] Dropped, bool[] Fixed) Settled(double[] price, double value, double[] weights, int[][] reaches, int k, double incumbent)
    {
        var worth = new double[reaches.Length];
        var builtList = new List<int>(k);
        double relaxed = Relaxed(price, weights, reaches, k, worth, builtList, 0);
        var built = new bool[reaches.Length];
        foreach (int j in builtList) built[j] = true;
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

    /// <summary>The relaxed problem's optimum at these prices; lists the candidates it builds.</summary>
    private static double Relaxed(double[] price, double[] weights, int[][] reaches, int k, double[] worth, List<int> builtList, long links)
    {
        builtList.Clear();
        double value = 0;
        for (int g = 0; g < weights.Length; g++) value += Math.Max(0, weights[g] - price[g]);
        InRanges(worth.Length, links, (from, to) =>
        {
            for (int j = from; j < to; j++)
            {
                double sum = 0;
                foreach (int g in reaches[j]) sum += price[g];
                worth[j] = sum;
            }
        });
        foreach (int j in Dearest(worth, k))
        {
            builtList.Add(j);
            value += worth[j];
        }
        return value;
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

    private static IEnumerable<int> Dearest(double[] worth, int k)
    {
        var heap = new PriorityQueue<int, double>(k + 1);
        for (int j = 0; j < worth.Length; j++)
        {
            if (heap.Count < k) heap.Enqueue(j, worth[j]);
            else if (worth[j] > worth[heap.Peek()]) { heap.Dequeue(); heap.Enqueue(j, worth[j]); }
        }
        while (heap.Count > 0) yield return heap.Dequeue();
    }
}
