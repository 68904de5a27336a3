using Geo.Streets;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// How much of a polyline lies in one polygonal area, its boundary included: the length an overlay of the line with
/// the area gives, without building the overlay. Each segment is cut where it meets the area's boundary and each part
/// is located by its midpoint. Not safe to share between threads.
/// </summary>
internal sealed class LengthInside
{
    private readonly Envelope _areaEnvelope;
    private BandedRings? _rings;
    private readonly EnvelopeGrid _boundaryIndex;
    private readonly List<(Coordinate A, Coordinate B)> _boundary = new();
    private readonly List<int> _near = new();
    private readonly RobustLineIntersector _intersector = new();
    private readonly List<double> _cuts = new();
    private readonly Coordinate _p = new(), _q = new(), _mid = new();
    private bool _outside, _interior;

    public LengthInside(Geometry area)
    {
        _areaEnvelope = area.EnvelopeInternal;
        for (int g = 0; g < area.NumGeometries; g++)
        {
            if (area.GetGeometryN(g) is not Polygon polygon) continue;
            AddRing(polygon.ExteriorRing);
            foreach (var hole in polygon.InteriorRings) AddRing(hole);
        }
        _boundaryIndex = EnvelopeGrid.Of(_boundary.Select(s => new Envelope(s.A, s.B)).ToList());
    }

    /// <summary>Whether no boundary segment meets this envelope: a line or block within it is then wholly in or wholly out.</summary>
    public bool ClearOfBoundary(Envelope envelope)
    {
        // A unit's long diagonal sides have envelopes far wider than themselves: most boxes in them miss the side.
        _boundaryIndex.Within(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY, _near);
        foreach (int i in _near)
        {
            var (a, b) = _boundary[i];
            if (!CertainSide.Misses(a.X, a.Y, b.X, b.Y, envelope)) return false;
        }
        return true;
    }

    public bool Contains(double x, double y)
    {
        _p.X = x;
        _p.Y = y;
        return Rings.Covers(_p);
    }

    /// <summary>The length of the polyline through these points inside the area, in the points' units.</summary>
    public double Of(IReadOnlyList<(double X, double Y)> points) => Measure(points).Inside;

    /// <summary>
    /// The length inside, and whether the area contains the line in the overlay sense: no part outside and some part
    /// in its interior (a line along the border is in neither of the two areas it separates).
    /// </summary>
    public (double Inside, bool Contained) Measure(IReadOnlyList<(double X, double Y)> points)
    {
        _outside = _interior = false;
        double inside = 0;
        for (int k = 0; k + 1 < points.Count; k++) inside += OfSegment(points[k].X, points[k].Y, points[k + 1].X, points[k + 1].Y);
        return (inside, !_outside && _interior);
    }

    private double OfSegment(double px, double py, double qx, double qy)
    {
        double dx = qx - px, dy = qy - py;
        double length = Math.Sqrt(dx * dx + dy * dy);
        if (length <= 0) return 0;
        _boundaryIndex.Within(Math.Min(px, qx), Math.Min(py, qy), Math.Max(px, qx), Math.Max(py, qy), _near);
        if (_near.Count == 0) return Part(px, py, length);

        (_p.X, _p.Y, _q.X, _q.Y) = (px, py, qx, qy);
        _cuts.Clear();
        _cuts.Add(0);
        _cuts.Add(1);
        foreach (int i in _near)
        {
            var (a, b) = _boundary[i];
            // The exact intersector is costly; it would find nothing for a pair plainly apart.
            if (CertainSide.Apart(px, py, qx, qy, a.X, a.Y, b.X, b.Y)) continue;
            _intersector.ComputeIntersection(_p, _q, a, b);
            for (int n = 0; n < _intersector.IntersectionNum; n++)
            {
                var at = _intersector.GetIntersection(n);
                double t = ((at.X - px) * dx + (at.Y - py) * dy) / (length * length);
                if (t > 0 && t < 1) _cuts.Add(t);
            }
        }
        _cuts.Sort();
        double inside = 0;
        for (int c = 0; c + 1 < _cuts.Count; c++)
        {
            double t0 = _cuts[c], t1 = _cuts[c + 1];
            if (t1 <= t0) continue;
            double t = (t0 + t1) / 2;
            inside += Part(px + dx * t, py + dy * t, (t1 - t0) * length);
        }
        return inside;
    }

    /// <summary>A part of a segment that does not cross the boundary, located by one of its inner points.</summary>
    private double Part(double x, double y, double length)
    {
        _mid.X = x;
        _mid.Y = y;
        var location = Rings.Locate(_mid);
        _outside |= location == Location.Exterior;
        _interior |= location == Location.Interior;
        return location == Location.Exterior ? 0 : length;
    }

    /// <summary>The boundary banded for locating points, made when first needed: many lines lie clear of it.</summary>
    private BandedRings Rings => _rings ??= new BandedRings(_areaEnvelope, _boundary);

    private void AddRing(LineString ring)
    {
        var c = ring.Coordinates;
        for (int k = 0; k + 1 < c.Length; k++) _boundary.Add((c[k], c[k + 1]));
    }
}
