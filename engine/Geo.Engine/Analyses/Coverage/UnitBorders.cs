using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.LinearReferencing;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Cuts stretches of street at the borders of the audit's units (subdistricts or planning cells, in graph
/// coordinates), so each part lies in one unit. A part in no unit gets unit -1. Cuts the way
/// <see cref="StreetShares"/> counts street length: a stretch wholly inside a unit is that unit's, otherwise each
/// unit gets its intersection, so the parts of a unit add up to its uncovered street length.
/// </summary>
internal sealed class UnitBorders
{
    private readonly StreetGraph _graph;
    private readonly IReadOnlyList<Geometry> _units;
    private readonly IPreparedGeometry[] _prepared;
    private readonly STRtree<int> _index = new();

    public UnitBorders(StreetGraph graph, IReadOnlyList<Geometry> localUnits)
    {
        _graph = graph;
        _units = localUnits;
        _prepared = localUnits.Select(PreparedGeometryFactory.Prepare).ToArray();
        for (int i = 0; i < localUnits.Count; i++) _index.Insert(localUnits[i].EnvelopeInternal, i);
        _index.Build();
    }

    public IReadOnlyList<Geometry> Units => _units;

    public record struct Part(int Unit, double From, double To);

    /// <summary>The parts of piece <paramref name="piece"/> between two distances along it (metres), each in one unit, in order along the piece.</summary>
    public List<Part> Cut(int piece, double from, double to)
    {
        var parts = new List<Part>(1);
        var line = StreetShares.Line(ServiceAreaGeometry.Local, _graph.Pieces, piece, from, to);
        var candidates = _index.Query(line.EnvelopeInternal);
        foreach (int a in candidates)
        {
            if (!_prepared[a].Contains(line)) continue;
            parts.Add(new Part(a, from, to));
            return parts;
        }
        var measure = new LengthIndexedLine(line);
        double scale = line.Length > 0 ? (to - from) / line.Length : 0;
        foreach (int a in candidates)
        {
            if (!_prepared[a].Intersects(line)) continue;
            var inside = line.Intersection(_units[a]);
            for (int g = 0; g < inside.NumGeometries; g++)
            {
                if (inside.GetGeometryN(g) is not LineString part || part.Length <= 0) continue;
                double m0 = measure.Project(part.StartPoint.Coordinate), m1 = measure.Project(part.EndPoint.Coordinate);
                if (m1 < m0) (m0, m1) = (m1, m0);
                parts.Add(new Part(a, from + m0 * scale, Math.Min(to, from + m1 * scale)));
            }
        }
        parts.Sort((x, y) => x.From.CompareTo(y.From));
        // What no unit holds stays a part of its own (unit -1), so nothing uncovered is lost.
        var result = new List<Part>(parts.Count + 1);
        double at = from;
        foreach (var p in parts)
        {
            if (p.From > at + 1e-6) result.Add(new Part(-1, at, p.From));
            result.Add(p);
            at = Math.Max(at, p.To);
        }
        if (to > at + 1e-6) result.Add(new Part(-1, at, to));
        return result;
    }
}
