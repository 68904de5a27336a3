using Geo.Streets.Snapping;

namespace Geo.Analyses.Navigation;

/// <summary>
/// The k nearest targets from a snapped point by one forward search that stops as soon as they are certain: a
/// target's time is final once no unsettled junction is nearer. Targets on the start's own piece are reached directly.
/// </summary>
internal static class NearestTargets
{
    public static List<(int Target, List<RouteSpan> Spans)> Find(TreeSearch search, SnapResult from, PointArrivals arrivals,
        Func<int, bool> allowed, int k, double limit)
    {
        var graph = search.Graph;
        search.Start(from.Seeds(graph), limit);
        var best = new Dictionary<int, (double Seconds, int Arrival, int Vertex, RouteSpan? Direct)>();
        var candidates = new PriorityQueue<int, double>();
        var final = new List<int>(Math.Min(k, 64));
        var done = new HashSet<int>();
        foreach (int t in arrivals.OnPiece(from.Piece))
        {
            if (!allowed(t) || PartialStretch.Direct(graph, from, arrivals.Targets[t]) is not { } span || span.Seconds > limit) continue;
            best[t] = (span.Seconds, -1, -1, span);
            candidates.Enqueue(t, span.Seconds);
        }
        while (true)
        {
            double frontier = search.Frontier();
            while (final.Count < k && candidates.TryPeek(out int s, out double c) && c <= frontier)
            {
                candidates.Dequeue();
                if (done.Contains(s) || c > best[s].Seconds) continue;
                done.Add(s);
                final.Add(s);
            }
            if (final.Count == k || !search.Step(out int u, out double du)) break;
            var (first, end) = arrivals.From(u);
            for (int a = first; a < end; a++)
            {
                int t = arrivals.Target(a);
                double c = du + arrivals.Seconds(a);
                if (c > limit || done.Contains(t) || !allowed(t) || (best.TryGetValue(t, out var known) && c >= known.Seconds)) continue;
                best[t] = (c, a, u, null);
                candidates.Enqueue(t, c);
            }
        }
        var result = new List<(int, List<RouteSpan>)>(final.Count);
        foreach (int s in final)
        {
            var b = best[s];
            var spans = new List<RouteSpan>();
            if (b.Direct is { } d) spans.Add(d);
            else
            {
                TreeRoutes.AppendTo(search, from, b.Vertex, spans);
                if (arrivals.LastStretch(b.Arrival) is { } last) spans.Add(last);
            }
            result.Add((s, spans));
        }
        return result;
    }
}
