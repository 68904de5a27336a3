using Geo.Streets;

namespace Geo.Tests.Analyses.Reach;

/// <summary>
/// The reference the engine's searches are checked against, sharing none of their code: its own adjacency lists keyed
/// by OSM node id, built from the street layer's pieces (end nodes, one-way flag, highway and speed tags) with the
/// profile's speed per piece and direction; a textbook Dijkstra with its own priority queue (a sorted set with
/// decrease-key); a brute-force nearest street over every segment; reached street length by plain interval union.
/// Each piece's length is the one measured at import (as pgRouting takes its cost column), so the comparison is of
/// searching and snapping, not of map projections.
/// </summary>
internal sealed class ReferenceNetwork
{
    public sealed record Piece(int From, int To, double Length, double Forward, double Backward, double[] X, double[] Y)
    {
        public bool TwoWay => double.IsFinite(Backward);
    }

    /// <summary>Where a point joins the network: a node itself, or a piece and the metres along it.</summary>
    public sealed record Start(int Node, int Piece, double Along, double Distance);

    private readonly Dictionary<long, int> _nodeOf = new();
    private readonly List<long> _osmIds = new();
    private readonly List<List<(int To, double Seconds)>> _out = new(), _in = new();

    public ReferenceNetwork(StreetGraph graph)
    {
        var profile = graph.Profile;
        var source = graph.Pieces;
        for (int s = 0; s < source.Count; s++)
        {
            var street = source.Source[s];
            double length = source.LengthMeters[s];
            double forward = length / (profile.SpeedKmh(street) / 3.6);
            double backward = profile.RespectOneway && street.Oneway ? double.PositiveInfinity : forward;
            int first = source.FirstPoint[s], count = source.FirstPoint[s + 1] - first;
            var xs = new double[count];
            var ys = new double[count];
            for (int i = 0; i < count; i++) (xs[i], ys[i]) = (source.PointX[first + i], source.PointY[first + i]);
            var piece = new Piece(Node(street.FromNodeId), Node(street.ToNodeId), length, forward, backward, xs, ys);
            Pieces.Add(piece);
            _out[piece.From].Add((piece.To, forward));
            _in[piece.To].Add((piece.From, forward));
            if (piece.TwoWay)
            {
                _out[piece.To].Add((piece.From, backward));
                _in[piece.From].Add((piece.To, backward));
            }
        }
    }

    public List<Piece> Pieces { get; } = new();

    /// <summary>The pieces' extent in graph metres.</summary>
    public NetTopologySuite.Geometries.Envelope Extent => _extent ??= new NetTopologySuite.Geometries.Envelope(
        Pieces.Min(p => p.X.Min()), Pieces.Max(p => p.X.Max()), Pieces.Min(p => p.Y.Min()), Pieces.Max(p => p.Y.Max()));

    private NetTopologySuite.Geometries.Envelope? _extent;
    public int NodeCount => _osmIds.Count;
    public long OsmId(int node) => _osmIds[node];
    public int NodeOf(long osmId) => _nodeOf[osmId];

    private int Node(long osmId)
    {
        if (_nodeOf.TryGetValue(osmId, out int n)) return n;
        _nodeOf[osmId] = n = _osmIds.Count;
        _osmIds.Add(osmId);
        _out.Add(new());
        _in.Add(new());
        return n;
    }

    /// <summary>The nearest point of any piece, by trying every segment; at a piece's very first or last point it is that node.</summary>
    public Start Nearest(double px, double py)
    {
        var best = new Start(-1, -1, 0, double.PositiveInfinity);
        for (int s = 0; s < Pieces.Count; s++)
        {
            var p = Pieces[s];
            double walked = 0;
            for (int i = 0; i + 1 < p.X.Length; i++)
            {
                double dx = p.X[i + 1] - p.X[i], dy = p.Y[i + 1] - p.Y[i];
                double len2 = dx * dx + dy * dy, len = Math.Sqrt(len2);
                double t = len2 > 0 ? Math.Clamp(((px - p.X[i]) * dx + (py - p.Y[i]) * dy) / len2, 0, 1) : 0;
                double cx = p.X[i] + t * dx, cy = p.Y[i] + t * dy;
                double d = Math.Sqrt((px - cx) * (px - cx) + (py - cy) * (py - cy));
                if (d < best.Distance)
                {
                    int node = i == 0 && t == 0 ? p.From : i + 2 == p.X.Length && t == 1 ? p.To : -1;
                    best = new Start(node, s, Math.Min(p.Length, walked + t * len), d);
                }
                walked += len;
            }
        }
        return best;
    }

    /// <summary>Seconds from the start to every node (+∞ beyond the limit), or to the start from every node when <paramref name="towardsStart"/>.</summary>
    public double[] Dijkstra(Start start, double limitSeconds, bool towardsStart = false)
    {
        var seconds = new double[NodeCount];
        Array.Fill(seconds, double.PositiveInfinity);
        var queue = new SortedSet<(double Seconds, int Node)>();
        void Improve(int node, double value)
        {
            if (value > limitSeconds || value >= seconds[node]) return;
            if (double.IsFinite(seconds[node])) queue.Remove((seconds[node], node));
            seconds[node] = value;
            queue.Add((value, node));
        }
        if (start.Node >= 0) Improve(start.Node, 0);
        else
        {
            var p = Pieces[start.Piece];
            double f = p.Length > 0 ? start.Along / p.Length : 0;
            if (towardsStart)
            {
                Improve(p.From, f * p.Forward);
                if (p.TwoWay) Improve(p.To, (1 - f) * p.Backward);
            }
            else
            {
                Improve(p.To, (1 - f) * p.Forward);
                if (p.TwoWay) Improve(p.From, f * p.Backward);
            }
        }
        var edges = towardsStart ? _in : _out;
        while (queue.Count > 0)
        {
            var (du, u) = queue.Min;
            queue.Remove(queue.Min);
            foreach (var (v, cost) in edges[u]) Improve(v, du + cost);
        }
        return seconds;
    }

    /// <summary>
    /// Metres of street reached within the limit, given the seconds from <see cref="Dijkstra"/> in the same direction:
    /// each piece from whichever ends were reached, and the start's own piece from the start. From the start a rider
    /// leaves a piece's first node forwards and its last node backwards; towards the start a rider on the piece rides
    /// back to its first node or on to its last one.
    /// </summary>
    public double StreetMeters(Start start, double[] seconds, double limitSeconds, bool towardsStart = false)
    {
        double total = 0;
        var parts = new List<(double From, double To)>(3);
        for (int s = 0; s < Pieces.Count; s++)
        {
            var p = Pieces[s];
            if (p.Length <= 0) continue;
            double nearFirst = towardsStart ? p.Backward : p.Forward, nearLast = towardsStart ? p.Forward : p.Backward;
            parts.Clear();
            if (double.IsFinite(nearFirst) && seconds[p.From] <= limitSeconds) parts.Add((0, Math.Min(p.Length, (limitSeconds - seconds[p.From]) / nearFirst * p.Length)));
            if (double.IsFinite(nearLast) && seconds[p.To] <= limitSeconds) parts.Add((Math.Max(0, p.Length - (limitSeconds - seconds[p.To]) / nearLast * p.Length), p.Length));
            if (start.Node < 0 && start.Piece == s)
            {
                // Beyond the start towards the last node, and before it towards the first.
                double beyond = towardsStart ? p.Backward : p.Forward, before = towardsStart ? p.Forward : p.Backward;
                double ahead = double.IsFinite(beyond) ? Math.Min(p.Length, start.Along + limitSeconds / beyond * p.Length) : start.Along;
                double behind = double.IsFinite(before) ? Math.Max(0, start.Along - limitSeconds / before * p.Length) : start.Along;
                parts.Add((behind, ahead));
            }
            parts.Sort();
            double reachedTo = 0;
            foreach (var (a, b) in parts)
            {
                double from = Math.Max(a, reachedTo);
                if (b > from) total += b - from;
                reachedTo = Math.Max(reachedTo, b);
            }
        }
        return total;
    }
}
