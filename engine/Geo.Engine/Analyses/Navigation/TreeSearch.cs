using Geo.Streets;
using Geo.Streets.Search;

namespace Geo.Analyses.Navigation;

/// <summary>
/// Dijkstra's search that keeps its shortest-path tree (each vertex's parent vertex and the edge it came by), stepped
/// one settled vertex at a time so the caller decides when it has seen enough. Arrays are allocated once per graph and
/// reset through the vertices the last run touched. Not thread-safe: one per thread.
/// A vertex reached straight from seed i has parent <c>-(i + 1)</c>.
/// </summary>
public sealed class TreeSearch
{
    private readonly StreetGraph _graph;
    private readonly double[] _seconds;
    private readonly int[] _parentVertex;
    private readonly int[] _parentEdge;
    private readonly int[] _touched;
    private int _touchedCount;
    private readonly PriorityQueue<int, double> _queue = new();
    private readonly List<SearchSeed> _seeds = new();
    private double _limit;

    public TreeSearch(StreetGraph graph)
    {
        _graph = graph;
        _seconds = new double[graph.VertexCount];
        _parentVertex = new int[graph.VertexCount];
        _parentEdge = new int[graph.VertexCount];
        _touched = new int[graph.VertexCount];
        Array.Fill(_seconds, double.PositiveInfinity);
    }

    public StreetGraph Graph => _graph;
    public IReadOnlyList<SearchSeed> Seeds => _seeds;

    /// <summary>Best known travel time to a vertex; final once the vertex is settled.</summary>
    public double SecondsTo(int vertex) => _seconds[vertex];

    /// <summary>The vertex a settled vertex was reached from, or <c>-(seed + 1)</c> when a seed reached it directly.</summary>
    public int ParentVertex(int vertex) => _parentVertex[vertex];

    /// <summary>The edge (of the searched graph) a vertex was reached by; meaningless for seed-reached vertices.</summary>
    public int ParentEdge(int vertex) => _parentEdge[vertex];

    public void Start(IEnumerable<SearchSeed> seeds, double limitSeconds)
    {
        for (int i = 0; i < _touchedCount; i++) _seconds[_touched[i]] = double.PositiveInfinity;
        _touchedCount = 0;
        _queue.Clear();
        _seeds.Clear();
        _limit = limitSeconds;
        foreach (var seed in seeds)
        {
            _seeds.Add(seed);
            if (seed.Seconds <= limitSeconds) Relax(seed.Vertex, seed.Seconds, -_seeds.Count, -1);
        }
    }

    /// <summary>Settles the next nearest vertex; false when nothing within the limit is left.</summary>
    public bool Step(out int vertex, out double seconds)
    {
        var first = _graph.FirstEdge;
        var target = _graph.EdgeTarget;
        var cost = _graph.EdgeSeconds;
        while (_queue.TryDequeue(out int u, out double du))
        {
            if (du > _seconds[u]) continue;
            for (int e = first[u], end = first[u + 1]; e < end; e++)
            {
                double dv = du + cost[e];
                int v = target[e];
                if (dv <= _limit && dv < _seconds[v]) Relax(v, dv, u, e);
            }
            vertex = u;
            seconds = du;
            return true;
        }
        vertex = -1;
        seconds = double.PositiveInfinity;
        return false;
    }

    /// <summary>The time of the next vertex <see cref="Step"/> would settle (+∞ when none): every later arrival is at least this.</summary>
    public double Frontier()
    {
        while (_queue.TryPeek(out int u, out double du))
        {
            if (du <= _seconds[u]) return du;
            _queue.Dequeue();
        }
        return double.PositiveInfinity;
    }

    /// <summary>Runs to the end (or the limit).</summary>
    public void RunAll()
    {
        while (Step(out _, out _)) { }
    }

    private void Relax(int vertex, double seconds, int parentVertex, int parentEdge)
    {
        if (seconds >= _seconds[vertex]) return;
        if (double.IsPositiveInfinity(_seconds[vertex])) _touched[_touchedCount++] = vertex;
        _seconds[vertex] = seconds;
        _parentVertex[vertex] = parentVertex;
        _parentEdge[vertex] = parentEdge;
        _queue.Enqueue(vertex, seconds);
    }
}
