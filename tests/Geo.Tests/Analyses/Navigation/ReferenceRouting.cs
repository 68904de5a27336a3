using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Navigation;

/// <summary>
/// A textbook Dijkstra written for the tests, independent of the engine's searches: every street piece is cut at the
/// points snapped onto it (the rider, the stations) into sub-pieces travelled at the piece's speed in the directions
/// the profile allows, and the search runs from the rider's point over that graph with a plain sorted set.
/// </summary>
internal sealed class ReferenceRouting
{
    private readonly List<(int To, double Seconds)>[] _adjacency;
    private readonly int _junctions;

    /// <param name="points">Snapped points made nodes of their own: node <c>VertexCount + i</c> is point i.</param>
    public ReferenceRouting(StreetGraph graph, IReadOnlyList<SnapResult> points)
    {
        int n = _junctions = graph.VertexCount;
        var onPiece = new Dictionary<int, List<(double Meters, int Node)>>();
        for (int i = 0; i < points.Count; i++)
        {
            var s = points[i];
            if (!s.IsSnapped) continue;
            if (!onPiece.TryGetValue(s.Piece, out var list)) onPiece[s.Piece] = list = new();
            list.Add((s.MetersAlong, n + i));
        }
        _adjacency = new List<(int, double)>[n + points.Count];
        for (int i = 0; i < _adjacency.Length; i++) _adjacency[i] = new();
        var pieces = graph.Pieces;
        for (int p = 0; p < pieces.Count; p++)
        {
            double length = pieces.LengthMeters[p];
            var stops = new List<(double Meters, int Node)> { (0, pieces.FromVertex[p]) };
            if (onPiece.TryGetValue(p, out var extra)) stops.AddRange(extra.OrderBy(e => e.Meters));
            stops.Add((length, pieces.ToVertex[p]));
            bool forward = float.IsFinite(pieces.ForwardSeconds[p]), backward = float.IsFinite(pieces.BackwardSeconds[p]);
            for (int i = 0; i + 1 < stops.Count; i++)
            {
                var (a, b) = (stops[i], stops[i + 1]);
                double share = length > 0 ? (b.Meters - a.Meters) / length : 1;
                if (forward) _adjacency[a.Node].Add((b.Node, share * pieces.ForwardSeconds[p]));
                else if (share == 0) _adjacency[a.Node].Add((b.Node, 0));
                if (backward) _adjacency[b.Node].Add((a.Node, share * pieces.BackwardSeconds[p]));
                else if (share == 0) _adjacency[b.Node].Add((a.Node, 0));
            }
        }
    }

    public int PointNode(int point) => _junctions + point;

    /// <summary>Plain Dijkstra from a node; stops once <paramref name="enough"/> says so for a settled node.</summary>
    public double[] From(int source, Func<int, bool>? enough = null)
    {
        var dist = new double[_adjacency.Length];
        Array.Fill(dist, double.PositiveInfinity);
        dist[source] = 0;
        var queue = new SortedSet<(double, int)> { (0, source) };
        while (queue.Count > 0)
        {
            var (d, u) = queue.Min;
            queue.Remove(queue.Min);
            if (enough is not null && enough(u)) break;
            foreach (var (v, w) in _adjacency[u])
            {
                if (d + w < dist[v])
                {
                    queue.Remove((dist[v], v));
                    dist[v] = d + w;
                    queue.Add((dist[v], v));
                }
            }
        }
        return dist;
    }

    /// <summary>Travel seconds from a snapped point to each target point (+∞ where unreachable).</summary>
    public static double[] SecondsTo(StreetGraph graph, SnapResult from, IReadOnlyList<SnapResult> targets)
    {
        var reference = new ReferenceRouting(graph, targets.Prepend(from).ToArray());
        var dist = reference.From(reference.PointNode(0));
        return Enumerable.Range(0, targets.Count).Select(i => dist[reference.PointNode(i + 1)]).ToArray();
    }

    /// <summary>Random lon/lat points near the streets: along random pieces (some exactly at their ends), a few metres off, and exactly on junctions.</summary>
    public static List<(double Lon, double Lat)> RandomPoints(StreetGraph graph, Random random, int count)
    {
        var points = new List<(double, double)>(count);
        var pieces = graph.Pieces;
        while (points.Count < count)
        {
            int p = random.Next(pieces.Count);
            double x, y;
            switch (random.Next(6))
            {
                case 0:
                    (x, y) = (graph.VertexX[pieces.FromVertex[p]], graph.VertexY[pieces.FromVertex[p]]);
                    break;
                case 1:
                    (x, y) = (graph.VertexX[pieces.ToVertex[p]], graph.VertexY[pieces.ToVertex[p]]);
                    break;
                default:
                    (x, y) = pieces.PointAlong(p, pieces.LengthMeters[p] * random.NextDouble());
                    x += (random.NextDouble() - 0.5) * 30;
                    y += (random.NextDouble() - 0.5) * 30;
                    break;
            }
            points.Add(graph.Projection.Unproject(graph.OriginX + x, graph.OriginY + y));
        }
        return points;
    }
}
