using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.ServiceAreas;

/// <summary>The street line work inside a straight-line circle, as intervals along pieces, for circle-mode figures.</summary>
internal static class CircleReach
{
    public static List<ReachedInterval> Inside(StreetSnapper snapper, double cx, double cy, double radius)
    {
        var pieces = snapper.Graph.Pieces;
        var result = new List<ReachedInterval>();
        foreach (int s in snapper.PiecesNear(new Envelope(cx - radius, cx + radius, cy - radius, cy + radius)))
        {
            double walked = 0, openFrom = double.NaN, openTo = double.NaN;
            for (int i = pieces.FirstPoint[s]; i < pieces.FirstPoint[s + 1] - 1; i++)
            {
                double ax = pieces.PointX[i] - cx, ay = pieces.PointY[i] - cy;
                double dx = pieces.PointX[i + 1] - pieces.PointX[i], dy = pieces.PointY[i + 1] - pieces.PointY[i];
                double qa = dx * dx + dy * dy, len = Math.Sqrt(qa);
                // The part of this segment inside the circle: |a + t·d|² ≤ r², t in [0, 1].
                double qb = 2 * (ax * dx + ay * dy), qc = ax * ax + ay * ay - radius * radius;
                double disc = qb * qb - 4 * qa * qc;
                if (qa > 0 && disc > 0)
                {
                    double root = Math.Sqrt(disc);
                    double t0 = Math.Max(0, (-qb - root) / (2 * qa)), t1 = Math.Min(1, (-qb + root) / (2 * qa));
                    if (t0 < t1)
                    {
                        double from = walked + t0 * len, to = walked + t1 * len;
                        if (!double.IsNaN(openTo) && from - openTo < 1e-6) openTo = to;
                        else
                        {
                            if (!double.IsNaN(openFrom)) result.Add(new ReachedInterval(s, openFrom, openTo));
                            (openFrom, openTo) = (from, to);
                        }
                    }
                }
                walked += len;
            }
            if (!double.IsNaN(openFrom)) result.Add(new ReachedInterval(s, openFrom, openTo));
        }
        return result;
    }
}
