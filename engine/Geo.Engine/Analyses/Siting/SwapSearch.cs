using System.Diagnostics;

namespace Geo.Analyses.Siting;

/// <summary>
/// Improves a choice of K sites by swaps: take one chosen site out and put the best unchosen one in, whenever that
/// covers more, until no swap helps or the time is up. Works on demand groups (units merged by the candidates
/// covering them) with per-group cover counts, so one pass costs K times the candidates' group lists. Greedy's
/// choice is typically a few percent below the optimum; the swaps close much of that before the exact model starts.
/// </summary>
public static class SwapSearch
{
    public static IReadOnlyList<int> Improve(CoverageInstance instance, IReadOnlyList<int> chosen, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();
        var groups = instance.Groups;
        return Improve(instance, groups, instance.GroupsOf, chosen, timeLimit - clock.Elapsed);
    }

    /// <summary>The same, on the instance's demand groups and each candidate's groups already worked out.</summary>
    internal static IReadOnlyList<int> Improve(CoverageInstance instance, List<(int[] Candidates, double Weight)> groups, int[][] groupsOf,
        IReadOnlyList<int> chosen, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();
        var state = new SwapState(instance, groups, groupsOf, chosen);
        bool improved = true;
        while (improved && clock.Elapsed < timeLimit)
        {
            improved = false;
            for (int slot = 0; slot < state.Current.Count && clock.Elapsed < timeLimit; slot++) improved |= state.TrySwap(slot);
        }
        return state.Current;
    }

    /// <summary>
    /// Cover counts per group and, per candidate, the weight of the uncovered groups it reaches (its gain if added),
    /// kept up to date as sites change. A slot's best replacement is then found without reading every candidate's
    /// groups: the gain of adding j once site i leaves is j's own gain plus the weight of the groups only i covers
    /// that j reaches too, and those are few. The running sums are only a filter: the few candidates they put within
    /// rounding of the best have their gains summed again group by group, in order, and the swap rule (the largest
    /// gain, the lowest index among equals, and more than the loss) is applied to those exact sums.
    /// </summary>
    private sealed class SwapState
    {
        private readonly List<(int[] Candidates, double Weight)> _groups;
        private readonly int[][] _groupsOf;
        private readonly bool[] _inChoice;
        private readonly int[] _count;
        private readonly double[] _uncovered;
        private readonly double[] _bonus;
        private readonly bool[] _onlyByOut;
        private readonly List<int> _touched = new();
        private readonly double _slack, _leastGain;

        public SwapState(CoverageInstance instance, List<(int[] Candidates, double Weight)> groups, int[][] groupsOf, IReadOnlyList<int> chosen)
        {
            (_groups, _groupsOf) = (groups, groupsOf);
            _inChoice = new bool[instance.Candidates];
            _count = new int[groups.Count];
            Current = chosen.ToList();
            foreach (int j in Current)
            {
                _inChoice[j] = true;
                foreach (int g in groupsOf[j]) _count[g]++;
            }
            _uncovered = new double[instance.Candidates];
            for (int j = 0; j < instance.Candidates; j++)
            {
                foreach (int g in groupsOf[j]) if (_count[g] == 0) _uncovered[j] += groups[g].Weight;
            }
            _bonus = new double[instance.Candidates];
            _onlyByOut = new bool[groups.Count];
            // Far above the rounding the running sums gather, far below any weight that matters.
            _slack = 1e-9 * Math.Max(1, instance.TotalWeight);
            // A swap must gain more than rounding in the sums.
            _leastGain = 1e-12 * Math.Max(1, instance.TotalWeight);
        }

        public List<int> Current { get; }

        /// <summary>Replaces the site in <paramref name="slot"/> by the unchosen candidate gaining most, if that gains more than it loses.</summary>
        public bool TrySwap(int slot)
        {
            int leaving = Current[slot];
            double loss = 0;
            foreach (int g in _groupsOf[leaving])
            {
                if (_count[g] != 1) continue;
                _onlyByOut[g] = true;
                loss += _groups[g].Weight;
                foreach (int j in _groups[g].Candidates)
                {
                    if (_bonus[j] == 0) _touched.Add(j);
                    _bonus[j] += _groups[g].Weight;
                }
            }
            double approximateBest = double.NegativeInfinity;
            for (int j = 0; j < _inChoice.Length; j++)
            {
                if (!_inChoice[j]) approximateBest = Math.Max(approximateBest, _uncovered[j] + _bonus[j]);
            }
            int best = -1;
            double bestGain = loss + _leastGain;
            if (approximateBest + _slack > bestGain)
            {
                for (int j = 0; j < _inChoice.Length; j++)
                {
                    if (_inChoice[j] || _uncovered[j] + _bonus[j] < approximateBest - 2 * _slack) continue;
                    double gain = 0;
                    foreach (int g in _groupsOf[j]) if (_count[g] == 0 || _onlyByOut[g]) gain += _groups[g].Weight;
                    if (gain > bestGain) (best, bestGain) = (j, gain);
                }
            }
            foreach (int g in _groupsOf[leaving]) _onlyByOut[g] = false;
            foreach (int j in _touched) _bonus[j] = 0;
            _touched.Clear();
            if (best < 0) return false;
            foreach (int g in _groupsOf[leaving]) if (--_count[g] == 0) Shift(g, +1);
            foreach (int g in _groupsOf[best]) if (++_count[g] == 1) Shift(g, -1);
            (_inChoice[leaving], _inChoice[best]) = (false, true);
            Current[slot] = best;
            return true;
        }

        /// <summary>A group became uncovered (+1) or covered (-1): every candidate reaching it gains or loses its weight.</summary>
        private void Shift(int g, int sign)
        {
            double weight = sign * _groups[g].Weight;
            foreach (int j in _groups[g].Candidates) _uncovered[j] += weight;
        }
    }
}
