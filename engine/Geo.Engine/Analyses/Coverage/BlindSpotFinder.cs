using Geo.Analyses.ServiceAreas;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Streets;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The uncovered street network split into connected stretches: two uncovered stretches belong to one blind spot when
/// they meet at a junction. With no station at all, each island of the network is one blind spot.
/// </summary>
internal static class BlindSpotFinder
{
    public sealed record Stretch(List<ReachedInterval> Intervals, List<int> Vertices, double Meters);

    public static List<Stretch> Find(StreetGraph graph, IReadOnlyList<ReachedInterval> covered)
    {
        var coveredOf = covered.GroupBy(c => c.Piece).ToDictionary(g => g.Key, g => g.OrderBy(c => c.From).ToList());
        return Find(graph, Enumerable.Range(0, graph.Pieces.Count), piece => coveredOf.GetValueOrDefault(piece));
    }

    /// <summary>
    /// The uncovered stretches among some pieces, given each piece's covered intervals (sorted by start). Counting a
    /// subset is right when it holds every piece of the stretches it meets: a what-if recounts only those.
    /// </summary>
    public static List<Stretch> Find(StreetGraph graph, IEnumerable<int> pieceIds, Func<int, IReadOnlyList<ReachedInterval>?> coveredOn)
    {
        var pieces = graph.Pieces;
        var uncovered = new List<(ReachedInterval Interval, int Element)>();
        var parent = new List<int>();
        var vertexElement = new Dictionary<int, int>();

        int VertexElement(int vertex)
        {
            if (vertexElement.TryGetValue(vertex, out int e)) return e;
            vertexElement[vertex] = parent.Count;
            parent.Add(parent.Count);
            return parent.Count - 1;
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }

        const double Touch = 1e-6;
        var gaps = new List<(double From, double To)>();
        foreach (int s in pieceIds)
        {
            double length = pieces.LengthMeters[s], at = 0;
            gaps.Clear();
            if (coveredOn(s) is { } parts)
            {
                foreach (var p in parts)
                {
                    if (p.From > at + Touch) gaps.Add((at, p.From));
                    at = Math.Max(at, p.To);
                }
            }
            if (length > at + Touch) gaps.Add((at, length));
            foreach (var (from, to) in gaps)
            {
                bool atStart = from <= Touch, atEnd = to >= length - Touch;
                int element;
                if (atStart) element = VertexElement(pieces.FromVertex[s]);
                else if (atEnd) element = VertexElement(pieces.ToVertex[s]);
                else
                {
                    element = parent.Count;
                    parent.Add(element);
                }
                if (atStart && atEnd) Union(element, VertexElement(pieces.ToVertex[s]));
                uncovered.Add((new ReachedInterval(s, from, to), element));
            }
        }

        var stretches = new Dictionary<int, Stretch>();
        foreach (var (interval, element) in uncovered)
        {
            int root = Find(element);
            if (!stretches.TryGetValue(root, out var stretch)) stretches[root] = stretch = new Stretch(new List<ReachedInterval>(), new List<int>(), 0);
            stretch.Intervals.Add(interval);
            if (interval.From <= Touch) stretch.Vertices.Add(pieces.FromVertex[interval.Piece]);
            if (interval.To >= pieces.LengthMeters[interval.Piece] - Touch) stretch.Vertices.Add(pieces.ToVertex[interval.Piece]);
        }
        return stretches.Values.Select(s => s with { Meters = s.Intervals.Sum(i => i.Length) }).ToList();
    }

    /// <summary>The stretch's streets widened like a service area, less the cells stations already cover.</summary>
    public static NetTopologySuite.Geometries.Geometry Area(StreetGraph graph, CellGrid grid, Stretch stretch, double lateral, CellMask? covered)
    {
        var mask = CellMask.Around(grid, graph.Pieces, stretch.Intervals, lateral);
        mask.Stamp(graph.Pieces, stretch.Intervals, lateral);
        if (covered is not null) mask.Exclude(covered);
        mask.RemoveDiagonals();
        return CellTracer.Trace(mask);
    }
}
