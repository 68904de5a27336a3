namespace Geo.Streets.Search;

/// <summary>
/// Dijkstra's search over a <see cref="StreetGraph"/> bounded by a travel-time limit, reusable across runs:
/// its arrays are allocated once per graph and reset through the list of vertices the last run touched, so a
/// thousand stations cost a thousand small searches, not a thousand allocations. Not thread-safe: one per thread.
/// Several seeds make it a multi-source search; <see cref="OriginOf"/> then tells which seed reached each vertex.
/// </summary>
public sealed class ShortestPathSearch
{
    private readonly StreetGraph _graph;
    private readonly double[] _seconds;
    private readonly int[] _origin;
    private readonly int[] _touched;
    private int _touchedCount;
    private readonly VertexHeap _queue = new();
    private readonly List<int> _settled = new();

    public ShortestPathSearch(StreetGraph graph)
    {
        _graph = graph;
        _seconds = new double[graph.VertexCount];
        _origin = new int[graph.VertexCount];
        _touched = new int[graph.VertexCount];
        Array.Fill(_seconds, double.PositiveInfinity);
    }

    public StreetGraph Graph => _graph;

    /// <summary>The vertices reached within the limit by the last run, in the order they were settled (nearest first).</summary>
    public IReadOnlyList<int> Settled => _settled;

    /// <summary><see cref="Settled"/> as a span, for loops over every vertex of a large reach; valid until the next run.</summary>
    internal ReadOnlySpan<int> SettledInOrder => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_settled);

    public double LimitSeconds { get; private set; }

    /// <summary>Travel time to a vertex in the last run; +∞ when not reached within the limit.</summary>
    public double SecondsTo(int vertex) => _seconds[vertex] <= LimitSeconds ? _seconds[vertex] : double.PositiveInfinity;

    /// <summary>The seed (its <see cref="SearchSeed.Origin"/>) whose search reached a vertex first in the last run.</summary>
    public int OriginOf(int vertex) => _origin[vertex];

    public void Run(int fromVertex, double limitSeconds) => Run(new[] { new SearchSeed(fromVertex, 0, 0) }, limitSeconds);

    public void Run(IEnumerable<SearchSeed> seeds, double limitSeconds)
    {
        Reset();
        LimitSeconds = limitSeconds;
        foreach (var seed in seeds)
        {
            if (seed.Seconds <= limitSeconds) Relax(seed.Vertex, seed.Seconds, seed.Origin);
        }
        var first = _graph.FirstEdge;
        var target = _graph.EdgeTarget;
        var cost = _graph.EdgeSeconds;
        while (_queue.TryDequeue(out int u, out double du))
        {
            if (du > _seconds[u]) continue;
            _settled.Add(u);
            int origin = _origin[u];
            for (int e = first[u], end = first[u + 1]; e < end; e++)
            {
                double dv = du + cost[e];
                if (dv <= limitSeconds && dv < _seconds[target[e]]) Relax(target[e], dv, origin);
            }
        }
    }

    private void Relax(int vertex, double seconds, int origin)
    {
        if (seconds >= _seconds[vertex]) return;
        if (double.IsPositiveInfinity(_seconds[vertex])) _touched[_touchedCount++] = vertex;
        _seconds[vertex] = seconds;
        _origin[vertex] = origin;
        _queue.Enqueue(vertex, seconds);
    }

    private void Reset()
    {
        for (int i = 0; i < _touchedCount; i++) _seconds[_touched[i]] = double.PositiveInfinity;
        _touchedCount = 0;
        _settled.Clear();
        _queue.Clear();
    }
}
