using Geo.Streets.Snapping;

namespace Geo.Analyses.Navigation;

/// <summary>Routes read off a forward search's tree: from the start point's snap out along its piece, then junction by junction.</summary>
internal static class TreeRoutes
{
    /// <summary>Appends the stretches from the snapped start point to a settled junction, in travel order.</summary>
    public static void AppendTo(TreeSearch search, SnapResult start, int vertex, List<RouteSpan> spans)
    {
        var graph = search.Graph;
        int begin = spans.Count;
        int v = vertex;
        while (search.ParentVertex(v) >= 0)
        {
            int e = search.ParentEdge(v);
            spans.Add(PartialStretch.Edge(graph, graph.EdgeSegment[e], graph.EdgeSeconds[e]));
            v = search.ParentVertex(v);
        }
        var seed = search.Seeds[-search.ParentVertex(v) - 1];
        if (PartialStretch.Leaving(graph, start, PartialStretch.EndOf(graph, start, seed, towardsPoint: false), seed.Seconds) is { } first) spans.Add(first);
        spans.Reverse(begin, spans.Count - begin);
    }
}
