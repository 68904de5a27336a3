using System.Runtime.CompilerServices;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// Reached intervals looked up by street piece: one array bucketed by piece in a single counting pass, each piece's
/// intervals in their given order or sorted by start, instead of a dictionary of lists over a city's hundreds of
/// thousands of pieces. Read-only once built, so lookups may run on many threads.
/// </summary>
public sealed class IntervalsByPiece
{
    private readonly ReachedInterval[] _bucketed;
    private readonly int[] _start;

    // An audit's covered streets are looked up by piece for its street shares, its blind spots and its pairing, and
    // again for the street shares by planning cell: one bucketing per list and order, kept as long as the list.
    private static readonly ConditionalWeakTable<IReadOnlyList<ReachedInterval>, IntervalsByPiece?[]> SharedOf = new();

    /// <summary>
    /// The lookup of a list that is not changed afterwards, made once per list, order and piece count and shared by
    /// every caller (it is read-only). A list whose pieces' intervals already come in order of start (a merged
    /// coverage's do) gets one lookup for both orders.
    /// </summary>
    public static IntervalsByPiece Shared(IReadOnlyList<ReachedInterval> intervals, int pieces, bool byStart)
    {
        var made = SharedOf.GetValue(intervals, _ => new IntervalsByPiece?[2]);
        lock (made)
        {
            ref var slot = ref made[byStart ? 1 : 0];
            if (slot is null || slot._start.Length != pieces + 1)
            {
                var other = made[byStart ? 0 : 1];
                slot = other is not null && other._start.Length == pieces + 1 && other.GivenByStart ? other : new IntervalsByPiece(intervals, pieces, byStart);
            }
            return slot;
        }
    }

    /// <summary>Whether every piece's intervals came in order of start: then both orders are the same lookup.</summary>
    private bool GivenByStart { get; }

    /// <param name="byStart">Sort each piece's intervals by start (stably); otherwise they keep their given order.</param>
    public IntervalsByPiece(IReadOnlyList<ReachedInterval> intervals, int pieces, bool byStart)
    {
        _start = new int[pieces + 1];
        foreach (var x in intervals) _start[x.Piece + 1]++;
        for (int p = 0; p < pieces; p++) _start[p + 1] += _start[p];
        var next = (int[])_start.Clone();
        _bucketed = new ReachedInterval[intervals.Count];
        foreach (var x in intervals) _bucketed[next[x.Piece]++] = x;
        GivenByStart = true;
        for (int p = 0; p < pieces && GivenByStart; p++)
        {
            for (int i = _start[p] + 1; i < _start[p + 1]; i++)
            {
                if (_bucketed[i - 1].From > _bucketed[i].From)
                {
                    GivenByStart = false;
                    break;
                }
            }
        }
        if (!byStart || GivenByStart) return;
        for (int p = 0; p < pieces; p++)
        {
            // Buckets hold a handful of intervals: an insertion sort is stable and quick.
            for (int i = _start[p] + 1; i < _start[p + 1]; i++)
            {
                var item = _bucketed[i];
                int j = i - 1;
                for (; j >= _start[p] && _bucketed[j].From > item.From; j--) _bucketed[j + 1] = _bucketed[j];
                _bucketed[j + 1] = item;
            }
        }
    }

    /// <summary>The piece's intervals, or null when none reaches it.</summary>
    public IReadOnlyList<ReachedInterval>? Of(int piece)
    {
        int from = _start[piece], count = _start[piece + 1] - from;
        if (count == 0) return null;
        return new ArraySegment<ReachedInterval>(_bucketed, from, count);
    }

    /// <summary>The piece's intervals, empty when none reaches it; for hot loops over every piece, as it boxes nothing.</summary>
    public ReadOnlySpan<ReachedInterval> Span(int piece) => _bucketed.AsSpan(_start[piece], _start[piece + 1] - _start[piece]);
}
