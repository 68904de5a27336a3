using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The area of a polygon inside an axis-aligned rectangle, by clipping each ring to the rectangle's four sides in turn.
/// A concave ring clipped this way may come out as pieces joined along the rectangle's sides, but those joins enclose
/// nothing, so the clipped ring's area is exact. Much cheaper than an overlay for the many city blocks a square
/// planning cell's border crosses.
/// </summary>
internal static class RectangleClip
{
    /// <summary>
    /// How far a corner may lie off its envelope's corner for a polygon to count as that rectangle: a square planning
    /// cell comes back from longitude and latitude some nanometres off square.
    /// </summary>
    private const double CornerToleranceMeters = 1e-6;

    /// <summary>Whether the area is one axis-aligned rectangle without holes (within <see cref="CornerToleranceMeters"/>).</summary>
    public static bool IsAxisAligned(Geometry area)
    {
        if (area is not Polygon { NumInteriorRings: 0 } polygon || polygon.ExteriorRing.NumPoints != 5) return false;
        var e = polygon.EnvelopeInternal;
        var ring = polygon.ExteriorRing.CoordinateSequence;
        bool Near(double a, double b) => Math.Abs(a - b) <= CornerToleranceMeters;
        var corners = new HashSet<(bool Right, bool Top)>();
        for (int k = 0; k < 4; k++)
        {
            double x = ring.GetX(k), y = ring.GetY(k);
            if (!(Near(x, e.MinX) || Near(x, e.MaxX)) || !(Near(y, e.MinY) || Near(y, e.MaxY))) return false;
            corners.Add((Near(x, e.MaxX), Near(y, e.MaxY)));
        }
        return corners.Count == 4;
    }

    public static double AreaInside(Polygon polygon, Envelope rectangle)
    {
        double area = Math.Abs(RingArea(polygon.ExteriorRing.CoordinateSequence, rectangle));
        foreach (var hole in polygon.InteriorRings) area -= Math.Abs(RingArea(hole.CoordinateSequence, rectangle));
        return Math.Max(0, area);
    }

    private static double RingArea(CoordinateSequence ring, Envelope r)
    {
        var points = new List<(double X, double Y)>(ring.Count);
        for (int k = 0; k + 1 < ring.Count; k++) points.Add((ring.GetX(k), ring.GetY(k)));
        points = Clip(points, p => p.X >= r.MinX, (a, b) => AtX(a, b, r.MinX));
        points = Clip(points, p => p.X <= r.MaxX, (a, b) => AtX(a, b, r.MaxX));
        points = Clip(points, p => p.Y >= r.MinY, (a, b) => AtY(a, b, r.MinY));
        points = Clip(points, p => p.Y <= r.MaxY, (a, b) => AtY(a, b, r.MaxY));
        double twice = 0;
        for (int k = 0; k < points.Count; k++)
        {
            var (a, b) = (points[k], points[(k + 1) % points.Count]);
            twice += a.X * b.Y - b.X * a.Y;
        }
        return twice / 2;
    }

    /// <summary>One Sutherland–Hodgman step: the closed ring's part on the kept side of one line.</summary>
    private static List<(double X, double Y)> Clip(List<(double X, double Y)> ring, Func<(double X, double Y), bool> kept,
        Func<(double X, double Y), (double X, double Y), (double X, double Y)> crossing)
    {
        var result = new List<(double X, double Y)>(ring.Count + 4);
        for (int k = 0; k < ring.Count; k++)
        {
            var (current, next) = (ring[k], ring[(k + 1) % ring.Count]);
            bool inCurrent = kept(current), inNext = kept(next);
            if (inCurrent) result.Add(current);
            if (inCurrent != inNext) result.Add(crossing(current, next));
        }
        return result;
    }

    private static (double X, double Y) AtX((double X, double Y) a, (double X, double Y) b, double x) =>
        (x, a.Y + (b.Y - a.Y) * (x - a.X) / (b.X - a.X));

    private static (double X, double Y) AtY((double X, double Y) a, (double X, double Y) b, double y) =>
        (a.X + (b.X - a.X) * (y - a.Y) / (b.Y - a.Y), y);
}
