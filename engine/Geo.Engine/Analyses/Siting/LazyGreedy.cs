using System.Diagnostics;

namespace Geo.Analyses.Siting;

/// <summary>What the greedy heuristic chose, in order, with each site's marginal demand and the bounds it proves.</summary>
public sealed record GreedyRun(IReadOnlyList<int> Chosen, IReadOnlyList<double> Marginal, double Value, double UpperBound, int FewestSitesBound, long Milliseconds);

/// <summary>
/// Greedy siting: repeatedly add the candidate that covers the most not-yet-covered demand (ties: the earlier candidate).
/// Coverage is submodular, so a candidate's gain only shrinks as sites are added: gains are kept in a priority queue
/// and only the top one is re-evaluated ("lazy" greedy), giving the same choice as plain greedy at a fraction of the work.
/// The stale gains are upper bounds on the true ones, so the existing coverage plus the K largest of them bounds the
/// optimum at every step; with the classic 1-(1-1/K)^K guarantee the tightest of these is reported.
/// </summary>
public static class LazyGreedy
{
    /// <summary>The K sites that greedily cover the most demand (maximal covering).</summary>
    public static GreedyRun Maximal(CoverageInstance instance, int k)
    {
        var clock = Stopwatch.StartNew();
        var state = new CoverageState(instance);
        var queue = Queue(instance, state);
        var chosen = new List<int>();
        var marginal = new List<double>();
        double bound = double.PositiveInfinity;
        while (chosen.Count < k && queue.Count > 0)
        {
            bound = Math.Min(bound, state.Value + LargestStale(queue, k));
            int best = PopBest(queue, state);
            chosen.Add(best);
            marginal.Add(state.Add(best));
        }
        bound = Math.Min(bound, state.Value + LargestStale(queue, k));
        double added = state.Value - instance.ExistingWeight;
        double guarantee = 1 - Math.Pow(1 - 1.0 / k, k);
        bound = Math.Min(bound, instance.ExistingWeight + added / guarantee);
        bound = Math.Max(Math.Min(bound, instance.ReachableWeight), state.Value);
        return new GreedyRun(chosen, marginal, state.Value, bound, 0, clock.ElapsedMilliseconds);
    }

    /// <summary>Greedily adds sites until the covered demand reaches <paramref name="required"/> (set covering).</summary>
    public static GreedyRun ToTarget(CoverageInstance instance, double required)
    {
        var clock = Stopwatch.StartNew();
        var state = new CoverageState(instance);
        var singleGains = Enumerable.Range(0, instance.Candidates).Select(state.Gain).OrderByDescending(g => g).ToList();
        // No k sites cover more than the existing coverage plus the k largest single-site gains.
        int fewest = 0;
        double optimistic = instance.ExistingWeight;
        while (!instance.Reaches(optimistic, required) && fewest < singleGains.Count) optimistic += singleGains[fewest++];
        var queue = Queue(instance, state);
        var chosen = new List<int>();
        var marginal = new List<double>();
        while (!instance.Reaches(state.Value, required) && queue.Count > 0)
        {
            int best = PopBest(queue, state);
            double gain = state.Add(best);
            if (gain <= 0) break;
            chosen.Add(best);
            marginal.Add(gain);
        }
        return new GreedyRun(chosen, marginal, state.Value, state.Value, Math.Min(fewest, chosen.Count), clock.ElapsedMilliseconds);
    }

    /// <summary>Orders a set of sites greedily: each next one the site adding the most, so marginals read as a curve.</summary>
    public static (IReadOnlyList<int> Order, IReadOnlyList<double> Marginal) Sequence(CoverageInstance instance, IEnumerable<int> sites)
    {
        var state = new CoverageState(instance);
        var left = sites.Distinct().Order().ToList();
        var order = new List<int>();
        var marginal = new List<double>();
        while (left.Count > 0)
        {
            int best = left[0];
            double bestGain = state.Gain(best);
            foreach (int j in left.Skip(1))
            {
                double g = state.Gain(j);
                if (g > bestGain) (best, bestGain) = (j, g);
            }
            left.Remove(best);
            order.Add(best);
            marginal.Add(state.Add(best));
        }
        return (order, marginal);
    }

    private static PriorityQueue<int, (double NegativeGain, int Candidate)> Queue(CoverageInstance instance, CoverageState state)
    {
        var queue = new PriorityQueue<int, (double, int)>();
        for (int j = 0; j < instance.Candidates; j++) queue.Enqueue(j, (-state.Gain(j), j));
        return queue;
    }

    private static int PopBest(PriorityQueue<int, (double NegativeGain, int Candidate)> queue, CoverageState state)
    {
        while (true)
        {
            int top = queue.Dequeue();
            var fresh = (-state.Gain(top), top);
            if (!queue.TryPeek(out _, out var next) || fresh.CompareTo(next) <= 0) return top;
            queue.Enqueue(top, fresh);
        }
    }

    private static double LargestStale(PriorityQueue<int, (double NegativeGain, int Candidate)> queue, int k)
    {
        var largest = new PriorityQueue<double, double>();
        foreach (var (_, priority) in queue.UnorderedItems)
        {
            double gain = -priority.NegativeGain;
            if (largest.Count < k) largest.Enqueue(gain, gain);
            else if (gain > largest.Peek()) largest.EnqueueDequeue(gain, gain);
        }
        double sum = 0;
        while (largest.TryDequeue(out double g, out _)) sum += g;
        return sum;
    }
}
