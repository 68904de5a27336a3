using System.Runtime.CompilerServices;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// Turns one station's shortest-path tree into the street line work reached within each break: whole pieces,
/// the reachable fraction of pieces entered from one end and not finished, and the station's own piece from the
/// snapped point, each only in directions the profile may travel. Travelling to the station, a spot is reached when
/// a rider starting there arrives within the break (the search then ran on the reversed graph).
/// </summary>
public sealed class ReachedStreets
{
    private readonly StreetGraph _graph;
    private readonly bool _toStation;
    private readonly int[] _seenStamp;
    private List<ReachedInterval>[] _buffers = Array.Empty<List<ReachedInterval>>();
    private int _stamp;

    /// <param name="graph">The street graph (not reversed); searches given to <see cref="Collect"/> ran on <c>graph.SearchGraph(direction)</c>.</param>
    public ReachedStreets(StreetGraph graph, TravelDirection direction)
    {
        _graph = graph.SearchGraph(direction);
        _toStation = direction == TravelDirection.ToStation;
        _seenStamp = new int[graph.Pieces.Count];
    }

    /// <summary>
    /// Reached intervals per break (same order as <paramref name="breaksSeconds"/>), from a finished search, in
    /// exact-size arrays: a city's stations hold tens of millions of intervals until they are merged. They are
    /// gathered in buffers this instance keeps, so a large reach does not grow a fresh list station after station.
    /// </summary>
    public ReachedInterval[][] Collect(ShortestPathSearch search, SnapResult origin, IReadOnlyList<double> breaksSeconds) =>
        CollectReused(search, origin, breaksSeconds).Select(buffer => buffer.ToArray()).ToArray();

    /// <summary>
    /// <see cref="Collect"/> in the lists this instance keeps, valid until its next call: a thread drawing station
    /// after station makes no arrays for them (each would be a large-object allocation, which sets off full collections).
    /// </summary>
    public List<ReachedInterval>[] CollectReused(ShortestPathSearch search, SnapResult origin, IReadOnlyList<double> breaksSeconds)
    {
        if (_buffers.Length < breaksSeconds.Count) _buffers = Enumerable.Range(0, breaksSeconds.Count).Select(_ => new List<ReachedInterval>()).ToArray();
        var result = _buffers[..breaksSeconds.Count];
        foreach (var buffer in result) buffer.Clear();
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seenStamp);
            _stamp = 1;
        }
        var first = _graph.FirstEdge;
        var segment = _graph.EdgeSegment;
        var edgeSeconds = _graph.EdgeSeconds;
        var lengths = _graph.Pieces.LengthMeters;
        var seen = _seenStamp;
        int stamp = _stamp;
        Span<(double From, double To)> spans = stackalloc (double, double)[3];
        // The breaks read once into an array: a piece reads them for every break, and most stations' pieces number thousands.
        var breaks = breaksSeconds as double[] ?? breaksSeconds.ToArray();
        // A station on a junction is a seed of the search itself: its pieces are reached through the junction.
        bool partWay = origin.IsSnapped && !origin.AtVertex;
        int ownPiece = partWay ? origin.Piece : -1;
        foreach (int v in search.SettledInOrder)
        {
            double atV = search.SecondsTo(v);
            for (int e = first[v]; e < first[v + 1]; e++)
            {
                int s = segment[e] >= 0 ? segment[e] : ~segment[e];
                if (seen[s] == stamp) continue;
                seen[s] = stamp;
                if (s != ownPiece && CrossedFrom(atV, edgeSeconds[e], lengths[s], breaks))
                {
                    for (int b = 0; b < breaks.Length; b++) result[b].Add(new ReachedInterval(s, 0, lengths[s]));
                    continue;
                }
                AddPiece(s, search, s == ownPiece ? origin : null, breaks, result, spans);
            }
        }
        if (partWay && seen[origin.Piece] != stamp)
        {
            seen[origin.Piece] = stamp;
            AddPiece(origin.Piece, search, origin, breaks, result, spans);
        }
        return result;
    }

    /// <summary>
    /// Whether a piece is crossed end to end within every break from the settled vertex an edge leaves it by:
    /// <see cref="CrossedWithin"/> for that end, as <see cref="AddPiece"/> tests it, with the edge's time, which is the
    /// piece's time in that direction (an edge leaving a piece's start runs forwards on the search's graph). Most
    /// reached pieces pass it, with no read of their other end; those that do not are worked out in full.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CrossedFrom(double atVertex, double seconds, double length, double[] breaks)
    {
        if (!(length > 0)) return false;
        foreach (double limit in breaks)
        {
            if (!CrossedWithin(atVertex, seconds, length, limit)) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether a piece of <paramref name="length"/> metres is crossed end to end within <paramref name="limit"/> from an
    /// end reached at <paramref name="atEnd"/> seconds (+∞: not reached, or not left that way), crossing it taking
    /// <paramref name="seconds"/>: the reachable stretch from that end is the whole piece.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CrossedWithin(double atEnd, double seconds, double length, double limit) =>
        atEnd <= limit && (limit - atEnd) / seconds * length >= length;

    private void AddPiece(int s, ShortestPathSearch search, SnapResult? origin, double[] breaks,
        List<ReachedInterval>[] result, Span<(double From, double To)> spans)
    {
        var pieces = _graph.Pieces;
        double length = pieces.LengthMeters[s];
        double forward = pieces.ForwardSeconds[s], backward = pieces.BackwardSeconds[s];
        // The time to cross the stretch between a spot and the piece's start (or end) in the direction of travel:
        // from the station a rider leaves the start forwards; to the station a rider reaches the start backwards.
        double startCost = _toStation ? backward : forward, endCost = _toStation ? forward : backward;
        double atStart = double.IsFinite(startCost) ? search.SecondsTo(pieces.FromVertex[s]) : double.PositiveInfinity;
        double atEnd = double.IsFinite(endCost) ? search.SecondsTo(pieces.ToVertex[s]) : double.PositiveInfinity;
        for (int b = 0; b < breaks.Length; b++)
        {
            double limit = breaks[b];
            // Most pieces are crossed from end to end within the break: reached whole, as the merge below would give.
            if (origin is null && length > 0 && (CrossedWithin(atStart, startCost, length, limit) || CrossedWithin(atEnd, endCost, length, limit)))
            {
                result[b].Add(new ReachedInterval(s, 0, length));
                continue;
            }
            int count = 0;
            if (atStart <= limit) spans[count++] = (0, Math.Min(length, (limit - atStart) / startCost * length));
            if (atEnd <= limit) spans[count++] = (Math.Max(0, length - (limit - atEnd) / endCost * length), length);
            if (origin is not null)
            {
                // Spots after the station's point: a rider goes backwards to it, or the station's reach goes forwards.
                double p = origin.MetersAlong;
                double aheadCost = _toStation ? backward : forward, behindCost = _toStation ? forward : backward;
                double ahead = double.IsFinite(aheadCost) ? Math.Min(length, p + limit / aheadCost * length) : p;
                double behind = double.IsFinite(behindCost) ? Math.Max(0, p - limit / behindCost * length) : p;
                spans[count++] = (behind, ahead);
            }
            Merge(spans[..count], s, result[b]);
        }
    }

    private static void Merge(Span<(double From, double To)> spans, int piece, List<ReachedInterval> into)
    {
        spans.Sort((a, b) => a.From.CompareTo(b.From));
        double from = double.NaN, to = double.NaN;
        foreach (var (a, b) in spans)
        {
            if (b <= a) continue;
            if (double.IsNaN(from)) { from = a; to = b; continue; }
            if (a <= to) { to = Math.Max(to, b); continue; }
            into.Add(new ReachedInterval(piece, from, to));
            from = a;
            to = b;
        }
        if (!double.IsNaN(from)) into.Add(new ReachedInterval(piece, from, to));
    }
}
