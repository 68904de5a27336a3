using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The area of a polygon inside a convex one, by clipping each of its rings to the convex polygon's sides in turn
/// (Sutherland–Hodgman). A concave ring clipped this way may come out as pieces joined along the sides, but those
/// joins enclose nothing, so the clipped ring's signed area is exact. Much cheaper than an overlay for the many city
/// blocks a square planning cell's (or any convex unit's) border crosses.
/// </summary>
internal sealed class ConvexClip
{
    private readonly (double X, double Y)[] _corners;

    private ConvexClip((double X, double Y)[] corners) => _corners = corners;

    /// <summary>A clip for an area that is one convex polygon without holes, else null.</summary>
    public static ConvexClip? For(Geometry area)
    {
        if (area is not Polygon { NumInteriorRings: 0 } polygon || polygon.IsEmpty) return null;
        var ring = polygon.ExteriorRing.CoordinateSequence;
        int n = ring.Count - 1;
        if (n < 3) return null;
        var corners = new (double X, double Y)[n];
        for (int k = 0; k < n; k++) corners[k] = (ring.GetX(k), ring.GetY(k));
        if (!Orientation.IsCCW(ring)) Array.Reverse(corners);
        // Convex: every corner turns left or goes straight on, and the sides go round once (a simple ring that
        // never turns right cannot wind twice).
        for (int k = 0; k < n; k++)
        {
            var (a, b, c) = (corners[k], corners[(k + 1) % n], corners[(k + 2) % n]);
            if (Orientation.Index(new Coordinate(a.X, a.Y), new Coordinate(b.X, b.Y), new Coordinate(c.X, c.Y)) == OrientationIndex.Clockwise) return null;
        }
        return new ConvexClip(corners);
    }

    public double AreaInside(Polygon polygon)
    {
        double area = Math.Abs(RingArea(polygon.ExteriorRing.CoordinateSequence));
        foreach (var hole in polygon.InteriorRings) area -= Math.Abs(RingArea(hole.CoordinateSequence));
        return Math.Max(0, area);
    }

    // Each thread clips from one list into the other and back: a city's blocks would otherwise make a list per side.
    [ThreadStatic] private static List<(double X, double Y)>? _clipped, _spare;

    private double RingArea(CoordinateSequence ring)
    {
        var points = _clipped ??= new List<(double X, double Y)>();
        var spare = _spare ??= new List<(double X, double Y)>();
        points.Clear();
        for (int k = 0; k + 1 < ring.Count; k++) points.Add((ring.GetX(k), ring.GetY(k)));
        for (int k = 0; k < _corners.Length && points.Count > 0; k++)
        {
            ClipToSide(points, spare, _corners[k], _corners[(k + 1) % _corners.Length]);
            (points, spare) = (spare, points);
        }
        double twice = 0;
        for (int k = 0; k < points.Count; k++)
        {
            var (a, b) = (points[k], points[(k + 1) % points.Count]);
            twice += a.X * b.Y - b.X * a.Y;
        }
        return twice / 2;
    }

    /// <summary>One Sutherland–Hodgman step: the closed ring's part on the left of the side from p to q.</summary>
    private static void ClipToSide(List<(double X, double Y)> ring, List<(double X, double Y)> result, (double X, double Y) p, (double X, double Y) q)
    {
        double dx = q.X - p.X, dy = q.Y - p.Y;
        double Side((double X, double Y) v) => dx * (v.Y - p.Y) - dy * (v.X - p.X);
        result.Clear();
        for (int k = 0; k < ring.Count; k++)
        {
            var (current, next) = (ring[k], ring[(k + 1) % ring.Count]);
            double sc = Side(current), sn = Side(next);
            if (sc >= 0) result.Add(current);
            if ((sc >= 0) != (sn >= 0))
            {
                double t = sc / (sc - sn);
                result.Add((current.X + t * (next.X - current.X), current.Y + t * (next.Y - current.Y)));
            }
        }
    }
}
