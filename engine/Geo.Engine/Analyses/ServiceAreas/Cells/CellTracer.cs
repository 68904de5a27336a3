using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// Turns covered cells into polygons: boundary edges are walked with the covered side on the left, so outer rings
/// come out counter-clockwise and holes clockwise. A hole belongs to the patch of edge-connected cells along it:
/// every patch has exactly one outer ring, so holes are assigned by patch label rather than point-in-ring tests.
/// The mask must be free of diagonal-only blocks (<see cref="CellMask.RemoveDiagonals"/>), which makes every ring simple.
/// </summary>
public static class CellTracer
{
    public static Geometry Trace(CellMask mask)
    {
        int w = mask.Width, h = mask.Height, stride = w + 1;
        var cells = mask.Cells;
        int corners = stride * (h + 1);
        var next = ScratchInts.Rent(corners);
        try
        {
            Array.Fill(next, -1, 0, corners);
            using var patches = new CellPatches(cells, w, h);
            BoundaryEdges(cells, w, h, patches, next);
            return Rings(mask, next, corners, patches);
        }
        finally
        {
            ScratchInts.Return(next);
        }
    }

    /// <summary>
    /// Links each boundary corner to the next along its edge, covered cell on the left. Rows are read as runs of
    /// covered cells (the patches' own, found once): a run's ends give its left and right edges, and only the
    /// stretches of the rows below and above that are not covered give bottom and top edges, found by vectorised
    /// searches rather than cell by cell.
    /// </summary>
    private static void BoundaryEdges(byte[] cells, int w, int h, CellPatches runs, int[] next)
    {
        int stride = w + 1;
        for (int r = 0; r < h; r++)
        {
            var (start, end) = runs.RunsOfRow(r);
            for (int i = start; i < end; i++)
            {
                var (from, to) = runs.Run(i);
                int corner = r * stride;
                next[corner + stride + from] = corner + from;          // left edge, downwards
                next[corner + to + 1] = corner + stride + to + 1;      // right edge, upwards
                if (r == 0) for (int k = from; k <= to; k++) next[corner + k] = corner + k + 1;
                else UncoveredEdges(cells.AsSpan((r - 1) * w, w), from, to, next, corner, +1);
                if (r + 1 == h) for (int k = from; k <= to; k++) next[corner + stride + k + 1] = corner + stride + k;
                else UncoveredEdges(cells.AsSpan((r + 1) * w, w), from, to, next, corner + stride, -1);
            }
        }
    }

    /// <summary>
    /// Edges along the line of corners starting at <paramref name="corner"/>, under (or over) cells from..to of a
    /// covered run, where the neighbouring row's cell is not covered: left to right for bottom edges (direction +1),
    /// right to left for top edges (-1).
    /// </summary>
    private static void UncoveredEdges(ReadOnlySpan<byte> neighbours, int from, int to, int[] next, int corner, int direction)
    {
        int k = from;
        while (k <= to)
        {
            int gap = neighbours[k..(to + 1)].IndexOf((byte)0);
            if (gap < 0) return;
            k += gap;
            if (direction > 0) next[corner + k] = corner + k + 1;
            else next[corner + k + 1] = corner + k;
            k++;
        }
    }

    [ThreadStatic]
    private static List<double>? t_points;

    /// <summary>A city's merged outline can have rings of millions of points: a list that large is not kept for the thread's life.</summary>
    private const int LargestKeptPoints = 1 << 16;

    private static Geometry Rings(CellMask mask, int[] next, int corners, CellPatches patches)
    {
        var factory = ServiceAreaGeometry.Local;
        int w = mask.Width, stride = w + 1;
        double cell = mask.Grid.CellMeters, x0 = mask.Grid.MinX + mask.Column0 * cell, y0 = mask.Grid.MinY + mask.Row0 * cell;
        var shellOf = new LinearRing?[patches.Count];
        var holesOf = new List<LinearRing>?[patches.Count];
        var order = new List<int>();
        // x, y, x, y …: each ring's points go into one packed array. The list is the thread's own, kept from call to
        // call, so a station's outline does not grow a fresh one through every size up to its largest ring.
        var points = t_points ?? new List<double>();
        t_points = null;
        points.Clear();
        for (int start = 0; start < corners; start++)
        {
            // Most corners are on no boundary (-1): skip them a vector at a time.
            int skip = next.AsSpan(start, corners - start).IndexOfAnyExcept(-1);
            if (skip < 0) break;
            start += skip;
            int owner = patches.Of(LeftCell(start, next[start], stride));
            points.Clear();
            int v = start, previousStep = int.MinValue;
            do
            {
                int to = next[v];
                next[v] = -1;
                int step = to - v;
                if (step != previousStep)
                {
                    points.Add(x0 + (v % stride) * cell);
                    points.Add(y0 + (v / stride) * cell);
                }
                previousStep = step;
                v = to;
            }
            while (v != start);
            // The start vertex may sit mid-way along a straight run: drop it when the run continues through it.
            if (points.Count > 2 && IsCollinear(points[^2], points[^1], points[0], points[1], points[2], points[3])) points.RemoveRange(0, 2);
            points.Add(points[0]);
            points.Add(points[1]);
            var ring = factory.CreateLinearRing(new PackedDoubleCoordinateSequence(points.ToArray(), 2, 0));
            // The first ring met of a patch is its outer ring: corners are scanned bottom row first, and the lowest
            // boundary edge of a patch always lies on its outside.
            if (shellOf[owner] is null)
            {
                shellOf[owner] = ring;
                order.Add(owner);
            }
            else (holesOf[owner] ??= new List<LinearRing>()).Add(ring);
        }
        if (points.Capacity <= LargestKeptPoints) t_points = points;
        if (order.Count == 0) return factory.CreateMultiPolygon();
        var polygons = order.Select(p => factory.CreatePolygon(shellOf[p], holesOf[p]?.ToArray())).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>The covered cell (column, row) on the left of the boundary edge from corner <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static (int Column, int Row) LeftCell(int from, int to, int stride)
    {
        int x = from % stride, y = from / stride, step = to - from;
        if (step == 1) return (x, y);
        if (step == stride) return (x - 1, y);
        if (step == -1) return (x - 1, y - 1);
        return (x, y - 1);
    }

    private static bool IsCollinear(double ax, double ay, double bx, double by, double cx, double cy) =>
        (ax == bx && bx == cx) || (ay == by && by == cy);
}
