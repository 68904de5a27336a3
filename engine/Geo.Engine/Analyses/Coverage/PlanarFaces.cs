using NetTopologySuite.Algorithm;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The face rings of a planar graph, as the NTS polygonizer finds them: dangling edges (ending at a node of degree
/// one, repeatedly) and cut edges (the same ring on both sides) belong to no face; a ring that passes through a node
/// more than once is split there into minimal rings. Half-edge h runs along edge h/2, forwards when h is even; rings
/// come back as node sequences (not closed), faces clockwise, outer boundaries of components counter-clockwise.
/// </summary>
internal sealed class PlanarFaces
{
    private readonly PlanarEdges _graph;
    private readonly int[] _outStart, _outs, _next, _label;
    private readonly bool[] _deleted;

    private PlanarFaces(PlanarEdges graph)
    {
        _graph = graph;
        int halves = 2 * graph.EdgeCount;
        _outStart = new int[graph.NodeCount + 1];
        _outs = new int[halves];
        _next = new int[halves];
        _label = new int[halves];
        _deleted = new bool[graph.EdgeCount];
    }

    public static List<int[]> Rings(PlanarEdges graph)
    {
        var faces = new PlanarFaces(graph);
        faces.SortAroundNodes();
        faces.DeleteDangles();
        faces.LinkNextClockwise();
        faces.LabelRings();
        faces.DeleteCutEdges();
        faces.LinkNextClockwise();
        faces.LabelRings();
        faces.SplitAtRepeatedNodes();
        return faces.CollectRings();
    }

    /// <summary>An edge with the same ring on both sides joins two parts of the network and bounds no face.</summary>
    private void DeleteCutEdges()
    {
        for (int e = 0; e < _graph.EdgeCount; e++)
        {
            if (!_deleted[e] && _label[2 * e] == _label[2 * e + 1]) _deleted[e] = true;
        }
    }

    private int FromNode(int h) => (h & 1) == 0 ? _graph.From[h >> 1] : _graph.To[h >> 1];

    private int ToNode(int h) => (h & 1) == 0 ? _graph.To[h >> 1] : _graph.From[h >> 1];

    private bool Live(int h) => !_deleted[h >> 1];

    private void SortAroundNodes()
    {
        for (int h = 0; h < _outs.Length; h++) _outStart[FromNode(h) + 1]++;
        for (int v = 0; v < _graph.NodeCount; v++) _outStart[v + 1] += _outStart[v];
        var fill = (int[])_outStart.Clone();
        for (int h = 0; h < _outs.Length; h++) _outs[fill[FromNode(h)]++] = h;
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            int start = _outStart[v], end = _outStart[v + 1];
            for (int i = start + 1; i < end; i++)
            {
                int h = _outs[i], j = i - 1;
                for (; j >= start && CompareDirection(_outs[j], h) > 0; j--) _outs[j + 1] = _outs[j];
                _outs[j + 1] = h;
            }
        }
    }

    /// <summary>Counter-clockwise from the positive x axis: by quadrant, then by orientation within it.</summary>
    private int CompareDirection(int a, int b)
    {
        int origin = FromNode(a), ta = ToNode(a), tb = ToNode(b);
        double ox = _graph.X[origin], oy = _graph.Y[origin];
        int qa = Quadrant(_graph.X[ta] - ox, _graph.Y[ta] - oy), qb = Quadrant(_graph.X[tb] - ox, _graph.Y[tb] - oy);
        if (qa != qb) return qa.CompareTo(qb);
        return CGAlgorithmsDD.OrientationIndex(ox, oy, _graph.X[tb], _graph.Y[tb], _graph.X[ta], _graph.Y[ta]);
    }

    private static int Quadrant(double dx, double dy) => dx >= 0 ? (dy >= 0 ? 0 : 3) : (dy >= 0 ? 1 : 2);

    private void DeleteDangles()
    {
        var degree = new int[_graph.NodeCount];
        var stack = new Stack<int>();
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            degree[v] = _outStart[v + 1] - _outStart[v];
            if (degree[v] == 1) stack.Push(v);
        }
        while (stack.Count > 0)
        {
            int v = stack.Pop();
            if (degree[v] != 1) continue;
            for (int i = _outStart[v]; i < _outStart[v + 1]; i++)
            {
                int h = _outs[i];
                if (!Live(h)) continue;
                _deleted[h >> 1] = true;
                degree[v]--;
                int w = ToNode(h);
                if (--degree[w] == 1) stack.Push(w);
                break;
            }
        }
    }

    /// <summary>Arriving along the reverse of an out-edge, a ring leaves by the next live out-edge counter-clockwise.</summary>
    private void LinkNextClockwise()
    {
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            int first = -1, previous = -1;
            for (int i = _outStart[v]; i < _outStart[v + 1]; i++)
            {
                int h = _outs[i];
                if (!Live(h)) continue;
                if (first < 0) first = h;
                if (previous >= 0) _next[previous ^ 1] = h;
                previous = h;
            }
            if (previous >= 0) _next[previous ^ 1] = first;
        }
    }

    private void LabelRings()
    {
        Array.Fill(_label, -1);
        int ring = 0;
        for (int h = 0; h < _label.Length; h++)
        {
            if (!Live(h) || _label[h] >= 0) continue;
            for (int e = h; _label[e] < 0; e = _next[e]) _label[e] = ring;
            ring++;
        }
    }

    /// <summary>
    /// Where a ring leaves a node more than once (a hole touching its block at a point, say), each of its arrivals
    /// is relinked to the nearest of its departures clockwise, which splits it into rings that pass the node once.
    /// </summary>
    private void SplitAtRepeatedNodes()
    {
        var seen = new HashSet<int>();
        var repeated = new List<int>();
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            int start = _outStart[v], end = _outStart[v + 1];
            if (end - start < 4) continue;
            seen.Clear();
            repeated.Clear();
            for (int i = start; i < end; i++)
            {
                int h = _outs[i];
                if (Live(h) && !seen.Add(_label[h]) && !repeated.Contains(_label[h])) repeated.Add(_label[h]);
            }
            foreach (int ring in repeated)
            {
                int firstOut = -1, previousIn = -1;
                for (int i = end - 1; i >= start; i--)
                {
                    int outEdge = _outs[i], inEdge = outEdge ^ 1;
                    if (!Live(outEdge)) continue;
                    if (_label[inEdge] == ring) previousIn = inEdge;
                    if (_label[outEdge] != ring) continue;
                    if (previousIn >= 0)
                    {
                        _next[previousIn] = outEdge;
                        previousIn = -1;
                    }
                    if (firstOut < 0) firstOut = outEdge;
                }
                if (previousIn >= 0) _next[previousIn] = firstOut;
            }
        }
    }

    private List<int[]> CollectRings()
    {
        var done = new bool[_next.Length];
        var rings = new List<int[]>();
        var nodes = new List<int>();
        for (int h = 0; h < _next.Length; h++)
        {
            if (!Live(h) || done[h]) continue;
            nodes.Clear();
            for (int e = h; !done[e]; e = _next[e])
            {
                done[e] = true;
                nodes.Add(FromNode(e));
            }
            rings.Add(nodes.ToArray());
        }
        return rings;
    }
}
