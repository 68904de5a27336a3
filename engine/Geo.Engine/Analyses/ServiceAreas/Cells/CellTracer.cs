using System.Buffers;
using NetTopologySuite.Geometries;

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
        var next = ArrayPool<int>.Shared.Rent(corners);
        var patch = ArrayPool<int>.Shared.Rent(w * h);
        try
        {
            Array.Fill(next, -1, 0, corners);
            for (int r = 0; r < h; r++)
            {
                int row = r * w;
                for (int c = 0; c < w; c++)
                {
                    if (cells[row + c] == 0) continue;
                    int bl = r * stride + c, br = bl + 1, tl = bl + stride, tr = tl + 1;
                    if (r == 0 || cells[row - w + c] == 0) next[bl] = br;
                    if (c + 1 == w || cells[row + c + 1] == 0) next[br] = tr;
                    if (r + 1 == h || cells[row + w + c] == 0) next[tr] = tl;
                    if (c == 0 || cells[row + c - 1] == 0) next[tl] = bl;
                }
            }
            int patches = LabelPatches(cells, w, h, patch);
            return Rings(mask, next, corners, patch, patches);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(patch);
        }
    }

    /// <summary>Labels edge-connected patches of covered cells 0, 1, …; uncovered cells get -1. Returns the count.</summary>
    private static int LabelPatches(byte[] cells, int w, int h, int[] patch)
    {
        Array.Fill(patch, -1, 0, w * h);
        // A cell is labelled as it is pushed, so it is pushed at most once: the stack never holds more than every cell.
        var stack = ArrayPool<int>.Shared.Rent(w * h);
        try
        {
            int count = 0;
            for (int i = 0; i < w * h; i++)
            {
                if (cells[i] == 0 || patch[i] >= 0) continue;
                patch[i] = count;
                int top = 0;
                stack[top++] = i;
                while (top > 0)
                {
                    int j = stack[--top], c = j % w;
                    if (c > 0 && cells[j - 1] != 0 && patch[j - 1] < 0) { patch[j - 1] = count; stack[top++] = j - 1; }
                    if (c + 1 < w && cells[j + 1] != 0 && patch[j + 1] < 0) { patch[j + 1] = count; stack[top++] = j + 1; }
                    if (j >= w && cells[j - w] != 0 && patch[j - w] < 0) { patch[j - w] = count; stack[top++] = j - w; }
                    if (j + w < w * h && cells[j + w] != 0 && patch[j + w] < 0) { patch[j + w] = count; stack[top++] = j + w; }
                }
                count++;
            }
            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stack);
        }
    }

    private static Geometry Rings(CellMask mask, int[] next, int corners, int[] patch, int patches)
    {
        var factory = ServiceAreaGeometry.Local;
        int w = mask.Width, stride = w + 1;
        double cell = mask.Grid.CellMeters, x0 = mask.Grid.MinX + mask.Column0 * cell, y0 = mask.Grid.MinY + mask.Row0 * cell;
        var shellOf = new LinearRing?[patches];
        var holesOf = new List<LinearRing>?[patches];
        var order = new List<int>();
        var points = new List<Coordinate>();
        for (int start = 0; start < corners; start++)
        {
            if (next[start] < 0) continue;
            int owner = patch[LeftCell(start, next[start], stride, w)];
            points.Clear();
            int v = start, previousStep = int.MinValue;
            do
            {
                int to = next[v];
                next[v] = -1;
                int step = to - v;
                if (step != previousStep) points.Add(new Coordinate(x0 + (v % stride) * cell, y0 + (v / stride) * cell));
                previousStep = step;
                v = to;
            }
            while (v != start);
            // The start vertex may sit mid-way along a straight run: drop it when the run continues through it.
            if (points.Count > 1 && IsCollinear(points[^1], points[0], points[1])) points.RemoveAt(0);
            points.Add(points[0].Copy());
            var ring = factory.CreateLinearRing(points.ToArray());
            // The first ring met of a patch is its outer ring: corners are scanned bottom row first, and the lowest
            // boundary edge of a patch always lies on its outside.
            if (shellOf[owner] is null)
            {
                shellOf[owner] = ring;
                order.Add(owner);
            }
            else (holesOf[owner] ??= new List<LinearRing>()).Add(ring);
        }
        if (order.Count == 0) return factory.CreateMultiPolygon();
        var polygons = order.Select(p => factory.CreatePolygon(shellOf[p], holesOf[p]?.ToArray())).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>The covered cell on the left of the boundary edge from corner <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static int LeftCell(int from, int to, int stride, int w)
    {
        int x = from % stride, y = from / stride, step = to - from;
        if (step == 1) return y * w + x;
        if (step == stride) return y * w + x - 1;
        if (step == -1) return (y - 1) * w + x - 1;
        return (y - 1) * w + x;
    }

    private static bool IsCollinear(Coordinate a, Coordinate b, Coordinate c) =>
        (a.X == b.X && b.X == c.X) || (a.Y == b.Y && b.Y == c.Y);
}
