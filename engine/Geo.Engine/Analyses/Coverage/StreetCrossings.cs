using Geo.Streets;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The street pieces made planar: every straight segment split where another segment crosses it or touches its
/// interior (bridges and crossings without a junction, collinear overlaps), each distinct edge kept once. Pieces
/// already meet at their junctions with equal points, so only segments whose envelopes meet are tested, and
/// crossing points come from the same line intersector the NTS noders use.
/// </summary>
internal static class StreetCrossings
{
    public static PlanarEdges Planar(StreetPieces pieces)
    {
        var nodes = new NodeTable(pieces.PointX.Length);
        var pointNode = new int[pieces.PointX.Length];
        for (int i = 0; i < pointNode.Length; i++) pointNode[i] = nodes.Id(pieces.PointX[i], pieces.PointY[i]);

        var segA = new List<int>(pointNode.Length);
        var segB = new List<int>(pointNode.Length);
        for (int s = 0; s < pieces.Count; s++)
        {
            for (int i = pieces.FirstPoint[s]; i + 1 < pieces.FirstPoint[s + 1]; i++)
            {
                if (pointNode[i] == pointNode[i + 1]) continue;
                segA.Add(pointNode[i]);
                segB.Add(pointNode[i + 1]);
            }
        }

        var splits = FindSplits(nodes, segA, segB);
        var edges = new List<long>(segA.Count + splits.Count);
        var along = new List<(double T, double X, double Y)>();
        int next = 0;
        for (int s = 0; s < segA.Count; s++)
        {
            int a = segA[s], b = segB[s];
            if (next >= splits.Count || splits[next].Segment != s)
            {
                edges.Add(Key(a, b));
                continue;
            }
            double ax = nodes.X[a], ay = nodes.Y[a], dx = nodes.X[b] - ax, dy = nodes.Y[b] - ay, length2 = dx * dx + dy * dy;
            along.Clear();
            for (; next < splits.Count && splits[next].Segment == s; next++)
            {
                var (_, x, y) = splits[next];
                along.Add((((x - ax) * dx + (y - ay) * dy) / length2, x, y));
            }
            along.Sort((p, q) => p.T.CompareTo(q.T));
            int previous = a;
            foreach (var (_, x, y) in along)
            {
                int node = nodes.Id(x, y);
                if (node == previous || node == b) continue;
                edges.Add(Key(previous, node));
                previous = node;
            }
            edges.Add(Key(previous, b));
        }

        var keys = edges.ToArray();
        Array.Sort(keys);
        var from = new List<int>(keys.Length);
        var to = new List<int>(keys.Length);
        for (int k = 0; k < keys.Length; k++)
        {
            if (k > 0 && keys[k] == keys[k - 1]) continue;
            int u = (int)(keys[k] >> 32), v = (int)(keys[k] & 0xFFFFFFFF);
            if (u == v) continue;
            from.Add(u);
            to.Add(v);
        }
        return new PlanarEdges(nodes.X.ToArray(), nodes.Y.ToArray(), from.ToArray(), to.ToArray());
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>Points strictly inside a segment where another meets it, ordered by segment.</summary>
    private static List<(int Segment, double X, double Y)> FindSplits(NodeTable nodes, List<int> segA, List<int> segB)
    {
        int n = segA.Count;
        double[] minX = new double[n], minY = new double[n], maxX = new double[n], maxY = new double[n];
        for (int s = 0; s < n; s++)
        {
            double ax = nodes.X[segA[s]], ay = nodes.Y[segA[s]], bx = nodes.X[segB[s]], by = nodes.Y[segB[s]];
            (minX[s], maxX[s]) = ax < bx ? (ax, bx) : (bx, ax);
            (minY[s], maxY[s]) = ay < by ? (ay, by) : (by, ay);
        }
        var splits = new List<(int Segment, double X, double Y)>();
        var intersector = new RobustLineIntersector();
        Coordinate p0 = new(), p1 = new(), q0 = new(), q1 = new();
        new EnvelopeGrid(minX, minY, maxX, maxY).ForEachPair((s, t) =>
        {
            int a0 = segA[s], a1 = segB[s], b0 = segA[t], b1 = segB[t];
            int shared = a0 == b0 || a0 == b1 ? a0 : a1 == b0 || a1 == b1 ? a1 : -1;
            if (shared >= 0)
            {
                int p = shared == a0 ? a1 : a0, q = shared == b0 ? b1 : b0;
                // Sharing an end, they meet elsewhere only when they run along the same line.
                if (p == q) return;
                if (CGAlgorithmsDD.OrientationIndex(nodes.X[shared], nodes.Y[shared], nodes.X[p], nodes.Y[p], nodes.X[q], nodes.Y[q]) != 0) return;
            }
            Set(p0, nodes, a0); Set(p1, nodes, a1); Set(q0, nodes, b0); Set(q1, nodes, b1);
            intersector.ComputeIntersection(p0, p1, q0, q1);
            for (int k = 0; k < intersector.IntersectionNum; k++)
            {
                var point = intersector.GetIntersection(k);
                double x = point.X, y = point.Y;
                if (!Ends(nodes, a0, a1, x, y)) splits.Add((s, x, y));
                if (!Ends(nodes, b0, b1, x, y)) splits.Add((t, x, y));
            }
        });
        splits.Sort((u, v) => u.Segment.CompareTo(v.Segment));
        return splits;
    }

    private static void Set(Coordinate c, NodeTable nodes, int node)
    {
        c.X = nodes.X[node];
        c.Y = nodes.Y[node];
    }

    private static bool Ends(NodeTable nodes, int a, int b, double x, double y) =>
        (nodes.X[a] == x && nodes.Y[a] == y) || (nodes.X[b] == x && nodes.Y[b] == y);

    private sealed class NodeTable
    {
        private readonly Dictionary<(double, double), int> _ids;

        public NodeTable(int capacity)
        {
            _ids = new Dictionary<(double, double), int>(capacity);
            X = new List<double>(capacity);
            Y = new List<double>(capacity);
        }

        public List<double> X { get; }
        public List<double> Y { get; }

        public int Id(double x, double y)
        {
            if (_ids.TryGetValue((x, y), out int id)) return id;
            id = X.Count;
            _ids.Add((x, y), id);
            X.Add(x);
            Y.Add(y);
            return id;
        }
    }
}
