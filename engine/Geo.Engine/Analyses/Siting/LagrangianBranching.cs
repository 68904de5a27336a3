using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Geo.Analyses.Siting;

/// <summary>
/// Best-first branch and bound on the Lagrangian bound of maximal covering, for proving a choice within an accepted
/// gap. A node builds some candidates and leaves some out; its bound is the least relaxed optimum its deflected steps
/// meet (with the built ones always counted and the left-out ones never), starting from its parent's best prices.
/// Every choice its steps build is offered as an incumbent. At a node's best prices, candidates whose every completion
/// with (or without) them is within the accepted gap of the incumbent are left out (or built), as
/// <see cref="LagrangianBound"/> settles them at the root. The node opened next is the one with the highest bound, so
/// the highest open bound is the bound on everything: once it is within the gap, the incumbent is proven. Where the
/// linear programme's gap is small, a few dozen nodes suffice, in a fraction of the time a MIP solver's root takes; where
/// it is not, the search gives up at its limits and the MIP solver takes over.
/// </summary>
internal static class LagrangianBranching
{
    public const string Name = "Lagrangian branch and bound";

    private const int RootSteps = 3000;
    private const int NodeSteps = 300;
    private const int StallBeforeHalving = 30;
    private const double Deflection = 0.85;
    private const double SmallestStep = 1e-5;
    private const long MaxKeptPrices = 50_000_000;

    /// <summary>
    /// A choice within <paramref name="acceptedGap"/> of the optimum, proven, or null with the best choice it met when
    /// <paramref name="timeLimit"/> or <paramref name="maxOpenNodes"/> is reached first.
    /// </summary>
    /// <param name="incumbent">The best choice known (K candidates).</param>
    /// <param name="offerRelaxedChoices">Whether the steps' choices may become the incumbent; without them only settled
    /// nodes' choices do, which leaves the pruning to prove what the heuristic would otherwise find (for tests).</param>
    public static ExactRun Maximal(CoverageInstance instance, int k, IReadOnlyList<int> incumbent, double acceptedGap, TimeSpan timeLimit,
        int maxOpenNodes = 2000, bool offerRelaxedChoices = true)
    {
        var clock = Stopwatch.StartNew();
        long links = instance.GroupLinks;
        if (links > ExactModelSize.MaxLinks)
        {
            return new ExactRun(Name, null, double.PositiveInfinity, false, string.Create(CultureInfo.InvariantCulture, $"not run: {links:N0} candidate–group links"), clock.ElapsedMilliseconds);
        }
        // Each open node keeps a price per group: at most about 400 MB of them.
        maxOpenNodes = (int)Math.Min(maxOpenNodes, MaxKeptPrices / Math.Max(1, instance.Groups.Count));
        var search = new Search(instance, Math.Min(k, instance.Candidates), acceptedGap, offerRelaxedChoices, clock, timeLimit);
        search.Offer(incumbent.ToArray());
        var open = new PriorityQueue<Node, double>();
        open.Enqueue(new Node(Array.Empty<int>(), Array.Empty<int>(), search.StartingPrices(), double.PositiveInfinity, true), double.NegativeInfinity);
        int nodes = 0;
        while (open.TryPeek(out var next, out _) && !search.Prunes(next.Bound))
        {
            if (clock.Elapsed > timeLimit || open.Count > maxOpenNodes)
            {
                double bound = instance.ExistingWeight + Math.Max(search.BestValue, Math.Max(search.HighestPruned, next.Bound));
                return new ExactRun(Name, search.BestChoice, bound, false, $"stopped after {nodes} nodes ({open.Count} open)", clock.ElapsedMilliseconds);
            }
            open.Dequeue();
            nodes++;
            foreach (var child in search.Branch(next)) open.Enqueue(child, -child.Bound);
        }
        if (open.TryPeek(out var last, out _)) search.Pruned(last.Bound);
        double proven = instance.ExistingWeight + Math.Max(search.BestValue, search.HighestPruned);
        return new ExactRun(Name, search.BestChoice, proven, search.HighestPruned <= search.BestValue,
            $"{nodes} nodes", clock.ElapsedMilliseconds);
    }

    /// <summary>Candidates built and left out on the way to a node; the prices to start from; the parent's bound.</summary>
    private sealed record Node(int[] Built, int[] LeftOut, double[] Prices, double Bound, bool Root = false);

    private sealed class Search
    {
        private readonly CoverageInstance _instance;
        private readonly int _k;
        private readonly double _gap;
        private readonly bool _offerRelaxed;
        private readonly Stopwatch _clock;
        private readonly TimeSpan _timeLimit;
        private readonly LagrangianSteps _steps;
        private readonly double[] _worth, _builtShare;
        private readonly sbyte[] _state;
        private readonly ChoiceValue _value;

        public Search(CoverageInstance instance, int k, double gap, bool offerRelaxed, Stopwatch clock, TimeSpan timeLimit)
        {
            _instance = instance;
            _k = k;
            _gap = gap;
            _offerRelaxed = offerRelaxed;
            _clock = clock;
            _timeLimit = timeLimit;
            _steps = new LagrangianSteps(instance);
            _worth = _steps.Worth;
            _builtShare = new double[instance.Candidates];
            _state = new sbyte[instance.Candidates];
            _value = new ChoiceValue(_steps.Weights, _steps.Reaches);
            BestValue = double.NegativeInfinity;
            HighestPruned = double.NegativeInfinity;
        }

        /// <summary>Demand covered by <see cref="BestChoice"/> beyond the existing stations.</summary>
        public double BestValue { get; private set; }

        public IReadOnlyList<int>? BestChoice { get; private set; }

        /// <summary>The highest bound of anything set aside as within the gap: with the incumbent, the proven bound.</summary>
        public double HighestPruned { get; private set; }

        public double[] StartingPrices() => _steps.StartingPrices();

        /// <summary>Whether a bound is within the accepted gap of the incumbent, counting the existing stations' demand.</summary>
        public bool Prunes(double bound)
        {
            double existing = _instance.ExistingWeight;
            return existing + bound <= (existing + BestValue) / (1 - _gap) + 1e-9 * Math.Max(1, _instance.TotalWeight);
        }

        public void Pruned(double bound) => HighestPruned = Math.Max(HighestPruned, bound);

        public void Offer(ReadOnlySpan<int> choice)
        {
            double value = _value.Of(choice);
            if (value > BestValue) (BestValue, BestChoice) = (value, choice.ToArray());
        }

        /// <summary>Bounds a node and returns its two children, or none when it is within the gap or settled.</summary>
        public IEnumerable<Node> Branch(Node node)
        {
            Array.Clear(_state);
            foreach (int j in node.Built) _state[j] = 1;
            foreach (int j in node.LeftOut) _state[j] = -1;
            var (bound, prices) = Bound(node);
            if (Prunes(bound))
            {
                Pruned(bound);
                return Array.Empty<Node>();
            }
            // Settle at the best prices what every completion shows within the gap.
            double value = _steps.Relaxed(prices, _k, node.Built, _state);
            var free = Enumerable.Range(0, _worth.Length).Where(j => _state[j] == 0).ToList();
            free.Sort((a, b) => _worth[b].CompareTo(_worth[a]) is var c && c != 0 ? c : a.CompareTo(b));
            int open = _k - node.Built.Length;
            double cheapestBuilt = open > 0 ? _worth[free[open - 1]] : double.PositiveInfinity;
            double dearestLeft = free.Count > open ? _worth[free[open]] : 0;
            var built = node.Built.ToList();
            var leftOut = node.LeftOut.ToList();
            var undecided = new List<int>();
            for (int i = 0; i < free.Count; i++)
            {
                int j = free[i];
                double with = i >= open ? value - cheapestBuilt + _worth[j] : double.NaN;
                double without = i < open ? value - _worth[j] + dearestLeft : double.NaN;
                if (i >= open && Prunes(with)) { leftOut.Add(j); Pruned(with); }
                else if (i < open && Prunes(without)) { built.Add(j); Pruned(without); }
                else undecided.Add(j);
            }
            if (built.Count + undecided.Count <= _k)
            {
                // The only choice here holding none of the candidates just left out is all the rest (if they are K);
                // every other holds one of those, so is within the gap. Topped up to K, it is offered either way.
                var all = built.Concat(undecided).ToList();
                foreach (int j in leftOut) if (all.Count < _k) all.Add(j);
                Offer(CollectionsMarshal.AsSpan(all));
                return Array.Empty<Node>();
            }
            if (built.Count == _k)
            {
                Offer(CollectionsMarshal.AsSpan(built));
                return Array.Empty<Node>();
            }
            // Branch on the undecided candidate built closest to half the time in the node's later steps.
            int chosen = undecided[0];
            for (int i = 1; i < undecided.Count; i++)
            {
                if (Math.Abs(_builtShare[undecided[i]] - 0.5) < Math.Abs(_builtShare[chosen] - 0.5)) chosen = undecided[i];
            }
            return new[]
            {
                new Node(built.Append(chosen).ToArray(), leftOut.ToArray(), prices, bound),
                new Node(built.ToArray(), leftOut.Append(chosen).ToArray(), prices, bound),
            };
        }

        /// <summary>The node's least relaxed optimum over its steps, and the prices that give it.</summary>
        private (double Bound, double[] Prices) Bound(Node node)
        {
            var prices = (double[])node.Prices.Clone();
            var best = (double[])prices.Clone();
            double bound = double.PositiveInfinity, scale = node.Root ? 2 : 0.5;
            int steps = node.Root ? RootSteps : NodeSteps, sinceImproved = 0, shared = 0;
            Array.Clear(_steps.Direction);
            Array.Clear(_builtShare);
            for (int s = 0; s < steps && scale > SmallestStep && _clock.Elapsed < _timeLimit; s++)
            {
                double value = _steps.Relaxed(prices, _k, node.Built, _state);
                if (value < bound - 1e-12 * Math.Max(1, value)) { bound = value; sinceImproved = 0; Array.Copy(prices, best, prices.Length); }
                else if (++sinceImproved >= StallBeforeHalving) { scale /= 2; sinceImproved = 0; }
                if (_offerRelaxed) Offer(CollectionsMarshal.AsSpan(_steps.Built));
                if (Prunes(bound)) break;
                if (s >= steps / 2)
                {
                    shared++;
                    foreach (int j in _steps.Built) _builtShare[j]++;
                }
                double norm = _steps.Aim(prices, projected: true, Deflection, out _);
                if (norm == 0) break;
                _steps.Move(prices, scale * Math.Max(value - BestValue, 1e-9 * Math.Max(1, value)) / norm);
            }
            if (shared > 0) for (int j = 0; j < _builtShare.Length; j++) _builtShare[j] /= shared;
            return (bound, best);
        }
    }
}
