using NetTopologySuite.Geometries;

namespace Geo.Data.Subdistricts;

/// <summary>
/// The points that may lie on the convex hull of a large point set: every point except those strictly inside the
/// octagon of its extreme points (least and greatest x, y, x + y and x − y). A city's streets have millions of
/// points and a hull of a few hundred; handing the hull algorithm only these spares it making, deduplicating and
/// sorting millions of coordinates, and the hull is the same, as no dropped point is on it.
/// </summary>
internal static class HullCandidates
{
    public static Coordinate[] Of(float[] xs, float[] ys)
    {
        var octagon = Octagon(xs, ys);
        if (octagon.Count < 3) return Enumerable.Range(0, xs.Length).Select(i => new Coordinate(xs[i], ys[i])).ToArray();
        var kept = new List<Coordinate>();
        for (int i = 0; i < xs.Length; i++)
        {
            if (!StrictlyInside(octagon, xs[i], ys[i])) kept.Add(new Coordinate(xs[i], ys[i]));
        }
        return kept.ToArray();
    }

    /// <summary>The extreme points in counter-clockwise order (the directions' order), repeats removed.</summary>
    private static List<(double X, double Y)> Octagon(float[] xs, float[] ys)
    {
        // Directions in counter-clockwise order from straight down: the point furthest along each is on the hull,
        // and the points so found follow the hull counter-clockwise.
        var directions = new (double X, double Y)[] { (0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1) };
        var best = new int[directions.Length];
        var reach = Enumerable.Repeat(double.NegativeInfinity, directions.Length).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            for (int d = 0; d < directions.Length; d++)
            {
                double along = directions[d].X * xs[i] + directions[d].Y * ys[i];
                if (along > reach[d]) (reach[d], best[d]) = (along, i);
            }
        }
        var octagon = new List<(double X, double Y)>();
        foreach (int i in best)
        {
            var point = ((double)xs[i], (double)ys[i]);
            if (octagon.Count == 0 || octagon[^1] != point) octagon.Add(point);
        }
        while (octagon.Count > 1 && octagon[^1] == octagon[0]) octagon.RemoveAt(octagon.Count - 1);
        return octagon;
    }

    /// <summary>
    /// True only when the point is left of every edge by more than rounding could explain; a point on an edge or
    /// too close to tell is kept.
    /// </summary>
    private static bool StrictlyInside(List<(double X, double Y)> octagon, double x, double y)
    {
        for (int k = 0; k < octagon.Count; k++)
        {
            var (ax, ay) = octagon[k];
            var (bx, by) = octagon[(k + 1) % octagon.Count];
            double left = (bx - ax) * (y - ay), right = (by - ay) * (x - ax);
            if (left - right <= 1e-12 * (Math.Abs(left) + Math.Abs(right))) return false;
        }
        return true;
    }
}
