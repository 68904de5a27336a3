using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Navigation;

/// <summary>
/// Snapped target points (stations, matrix destinations) as a search reaches them: for the junctions next to them, the targets
/// that can be reached from it along their own piece and in how long (the seeds of <see cref="SnapResult.Seeds"/>
/// towards the point), kept in rows sorted by junction; and for each piece, the targets on it, for routes that never leave it.
/// </summary>
public sealed class PointArrivals
{
    private readonly Dictionary<int, (int First, int End)> _rows = new();
    private readonly int[] _target;
    private readonly double[] _seconds;
    private readonly PieceEnd[] _end;
    private readonly Dictionary<int, int[]> _onPiece;

    public PointArrivals(StreetGraph graph, IReadOnlyList<SnapResult> targets)
    {
        Graph = graph;
        Targets = targets;
        var rows = new List<(int Vertex, int Target, double Seconds, PieceEnd End)>();
        var onPiece = new Dictionary<int, List<int>>();
        for (int t = 0; t < targets.Count; t++)
        {
            var snap = targets[t];
            if (!snap.IsSnapped) continue;
            foreach (var seed in snap.Seeds(graph, t, towardsPoint: true))
            {
                rows.Add((seed.Vertex, t, seed.Seconds, PartialStretch.EndOf(graph, snap, seed, towardsPoint: true)));
            }
            if (!onPiece.TryGetValue(snap.Piece, out var list)) onPiece[snap.Piece] = list = new List<int>();
            list.Add(t);
        }
        rows.Sort((a, b) => a.Vertex != b.Vertex ? a.Vertex.CompareTo(b.Vertex) : a.Seconds.CompareTo(b.Seconds));
        for (int i = 0; i < rows.Count; i++)
        {
            _rows[rows[i].Vertex] = _rows.TryGetValue(rows[i].Vertex, out var range) ? (range.First, i + 1) : (i, i + 1);
        }
        _target = rows.Select(r => r.Target).ToArray();
        _seconds = rows.Select(r => r.Seconds).ToArray();
        _end = rows.Select(r => r.End).ToArray();
        _onPiece = onPiece.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public StreetGraph Graph { get; }
    public IReadOnlyList<SnapResult> Targets { get; }
    public int Count => _target.Length;

    /// <summary>The junctions some target can be reached from along its own piece.</summary>
    public IEnumerable<int> Vertices => _rows.Keys;

    /// <summary>The arrivals from a junction are <c>First .. End-1</c> (empty for most junctions).</summary>
    public (int First, int End) From(int vertex) => _rows.TryGetValue(vertex, out var range) ? range : (0, 0);
    public int Target(int arrival) => _target[arrival];
    public double Seconds(int arrival) => _seconds[arrival];
    public PieceEnd End(int arrival) => _end[arrival];

    public ReadOnlySpan<int> OnPiece(int piece) => _onPiece.TryGetValue(piece, out var list) ? list : ReadOnlySpan<int>.Empty;

    /// <summary>The last stretch of a route that reaches target <see cref="Target"/> through an arrival.</summary>
    public RouteSpan? LastStretch(int arrival) =>
        PartialStretch.Arriving(Graph, Targets[_target[arrival]], _end[arrival], _seconds[arrival]);
}
