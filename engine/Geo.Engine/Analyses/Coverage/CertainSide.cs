using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Which side of a line a point lies on, answered only when plain floating point is sure of it: the cross product's
/// sign when it exceeds a bound far above its worst rounding error, else undecided (0). Lets the boundary tests skip
/// exact predicates for the many segment pairs that are plainly apart, and fall back to them for the rest.
/// </summary>
internal static class CertainSide
{
    // The rounding error of the cross product below is within a few units in the last place of |left| + |right|;
    // a bound ten thousand times that is still negligible for any pair of segments that are apart in practice.
    private const double RelativeBound = 1e-12;

    /// <summary>+1 left of the line from a to b, -1 right of it, 0 on it or too close to tell.</summary>
    public static int Of(double ax, double ay, double bx, double by, double cx, double cy)
    {
        double left = (bx - ax) * (cy - ay), right = (by - ay) * (cx - ax);
        double cross = left - right, bound = RelativeBound * (Math.Abs(left) + Math.Abs(right));
        return cross > bound ? 1 : cross < -bound ? -1 : 0;
    }

    /// <summary>Whether the segments pq and ab surely do not meet: both ends of one strictly on one side of the other's line.</summary>
    public static bool Apart(double px, double py, double qx, double qy, double ax, double ay, double bx, double by)
    {
        int a = Of(px, py, qx, qy, ax, ay);
        if (a != 0 && a == Of(px, py, qx, qy, bx, by)) return true;
        int p = Of(ax, ay, bx, by, px, py);
        return p != 0 && p == Of(ax, ay, bx, by, qx, qy);
    }

    /// <summary>
    /// Whether the segment ab surely misses the closed box: their envelopes are apart, or all four corners of the box
    /// lie strictly on one side of the segment's line.
    /// </summary>
    public static bool Misses(double ax, double ay, double bx, double by, Envelope box)
    {
        if (Math.Max(ax, bx) < box.MinX || Math.Min(ax, bx) > box.MaxX || Math.Max(ay, by) < box.MinY || Math.Min(ay, by) > box.MaxY) return true;
        int side = Of(ax, ay, bx, by, box.MinX, box.MinY);
        return side != 0
            && side == Of(ax, ay, bx, by, box.MaxX, box.MinY)
            && side == Of(ax, ay, bx, by, box.MaxX, box.MaxY)
            && side == Of(ax, ay, bx, by, box.MinX, box.MaxY);
    }
}
