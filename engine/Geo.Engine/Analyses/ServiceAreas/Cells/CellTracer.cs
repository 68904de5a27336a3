using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// Turns covered cells into polygons: boundary edges are walked with the covered side on the left, so outer rings
/// come out counter-clockwise and holes clockwise; each hole goes to the smallest outer ring around it.
/// The mask must be free of diagonal-only blocks (<see cref="CellMask.RemoveDiagonals"/>), which makes every ring simple.
/// </summary>
public static class CellTracer
{
    public static Geometry Trace(CellMask mask, Func<int, int, bool>? covered = null)
    {
        covered ??= (c, r) => mask[c, r];
        int w = mask.Width, h = mask.Height, stride = w + 1;
        var next = new int[stride * (h + 1)];
        Array.Fill(next, -1);
        for (int r = 0; r < h; r++)
        {
            for (int c = 0; c < w; c++)
            {
                if (!covered(c, r)) continue;
                int bl = r * stride + c, br = bl + 1, tl = bl + stride, tr = tl + 1;
                if (!covered(c, r - 1)) next[bl] = br;
                if (!covered(c + 1, r)) next[br] = tr;
                if (!covered(c, r + 1)) next[tr] = tl;
                if (!covered(c - 1, r)) next[tl] = bl;
            }
        }

        var factory = ServiceAreaGeometry.Local;
        double cell = mask.Grid.CellMeters, x0 = mask.Grid.MinX + mask.Column0 * cell, y0 = mask.Grid.MinY + mask.Row0 * cell;
        var shells = new List<(LinearRing Ring, double Area)>();
        var holes = new List<LinearRing>();
        var corners = new List<Coordinate>();
        for (int start = 0; start < next.Length; start++)
        {
            if (next[start] < 0) continue;
            corners.Clear();
            int v = start, previousStep = int.MinValue;
            double signedArea = 0;
            do
            {
                int to = next[v];
                next[v] = -1;
                int step = to - v;
                if (step != previousStep) corners.Add(new Coordinate(x0 + (v % stride) * cell, y0 + (v / stride) * cell));
                signedArea += (v % stride) * (double)(to / stride) - (to % stride) * (double)(v / stride);
                previousStep = step;
                v = to;
            }
            while (v != start);
            // The start vertex may sit mid-way along a straight run: drop it when the run continues through it.
            if (corners.Count > 1 && next.Length > 0 && IsCollinear(corners[^1], corners[0], corners[1])) corners.RemoveAt(0);
            corners.Add(corners[0].Copy());
            var ring = factory.CreateLinearRing(corners.ToArray());
            if (signedArea > 0) shells.Add((ring, signedArea));
            else holes.Add(ring);
        }
        if (shells.Count == 0) return factory.CreateMultiPolygon();

        var index = new STRtree<int>();
        for (int i = 0; i < shells.Count; i++) index.Insert(shells[i].Ring.EnvelopeInternal, i);
        index.Build();
        var holesOf = shells.Select(_ => new List<LinearRing>()).ToArray();
        foreach (var hole in holes)
        {
            var probe = hole.GetCoordinateN(0);
            int best = -1;
            foreach (int i in index.Query(new Envelope(probe)))
            {
                if ((best < 0 || shells[i].Area < shells[best].Area) && PointLocation.IsInRing(probe, shells[i].Ring.Coordinates)) best = i;
            }
            if (best >= 0) holesOf[best].Add(hole);
        }
        var polygons = shells.Select((s, i) => factory.CreatePolygon(s.Ring, holesOf[i].ToArray())).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private static bool IsCollinear(Coordinate a, Coordinate b, Coordinate c) =>
        (a.X == b.X && b.X == c.X) || (a.Y == b.Y && b.Y == c.Y);
}
