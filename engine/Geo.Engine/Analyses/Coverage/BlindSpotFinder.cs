using Geo.Analyses.ServiceAreas;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Streets;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The uncovered street network split into connected stretches, each within one unit: two uncovered parts belong
/// to one stretch when they meet at a junction inside the same unit; a unit border always cuts. With no station at
/// all, each island of the network is one stretch per unit it crosses.
/// </summary>
internal static class BlindSpotFinder
{
    /// <summary>Uncovered intervals joined at junctions, all in unit <see cref="Unit"/> (-1: outside every unit).</summary>
    public sealed record Stretch(List<ReachedInterval> Intervals, double Meters, int Unit);

    /// <summary>A piece's covered intervals sorted by start, empty when none.</summary>
    public delegate ReadOnlySpan<ReachedInterval> CoveredOn(int piece);

    public static List<Stretch> Find(StreetGraph graph, UnitBorders units, IReadOnlyList<ReachedInterval> covered)
    {
        var coveredOf = IntervalsByPiece.Shared(covered, graph.Pieces.Count, byStart: true);
        return Find(graph, units, Enumerable.Range(0, graph.Pieces.Count), coveredOf.Span);
    }

    /// <summary>
    /// The uncovered stretches among some pieces, given each piece's covered intervals (sorted by start). Counting a
    /// subset is right when it holds every piece of the stretches it meets: a what-if recounts only those.
    /// </summary>
    public static List<Stretch> Find(StreetGraph graph, UnitBorders units, IEnumerable<int> pieceIds, CoveredOn coveredOn)
    {
        var pieces = graph.Pieces;
        var uncovered = new List<(ReachedInterval Interval, int Unit, int Element)>();
        var parent = new List<int>();
        var junctionElement = new Dictionary<(int Vertex, int Unit), int>();

        int JunctionElement(int vertex, int unit)
        {
            if (junctionElement.TryGetValue((vertex, unit), out int e)) return e;
            junctionElement[(vertex, unit)] = parent.Count;
            parent.Add(parent.Count);
            return parent.Count - 1;
        }

        int Root(int x)
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
            a = Root(a);
            b = Root(b);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }

        const double Touch = 1e-6;
        var gaps = new List<(double From, double To)>();
        foreach (int s in pieceIds)
        {
            double length = pieces.LengthMeters[s], at = 0;
            gaps.Clear();
            foreach (var p in coveredOn(s))
            {
                if (p.From > at + Touch) gaps.Add((at, p.From));
                at = Math.Max(at, p.To);
            }
            if (length > at + Touch) gaps.Add((at, length));
            foreach (var (gapFrom, gapTo) in gaps)
            {
                foreach (var part in units.Cut(s, gapFrom, gapTo))
                {
                    if (part.To - part.From <= Touch) continue;
                    bool atStart = part.From <= Touch, atEnd = part.To >= length - Touch;
                    int element;
                    if (atStart) element = JunctionElement(pieces.FromVertex[s], part.Unit);
                    else if (atEnd) element = JunctionElement(pieces.ToVertex[s], part.Unit);
                    else
                    {
                        element = parent.Count;
                        parent.Add(element);
                    }
                    if (atStart && atEnd) Union(element, JunctionElement(pieces.ToVertex[s], part.Unit));
                    uncovered.Add((new ReachedInterval(s, part.From, part.To), part.Unit, element));
                }
            }
        }

        var stretches = new Dictionary<int, Stretch>();
        foreach (var (interval, unit, element) in uncovered)
        {
            int root = Root(element);
            if (!stretches.TryGetValue(root, out var stretch)) stretches[root] = stretch = new Stretch(new List<ReachedInterval>(), 0, unit);
            stretch.Intervals.Add(interval);
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

    /// <summary>The stretch's own streets as lines (graph coordinates).</summary>
    public static NetTopologySuite.Geometries.Geometry Lines(StreetGraph graph, Stretch stretch)
    {
        var factory = ServiceAreaGeometry.Local;
        return factory.CreateMultiLineString(stretch.Intervals.Select(i => StreetShares.Line(factory, graph.Pieces, i.Piece, i.From, i.To)).ToArray());
    }
}
