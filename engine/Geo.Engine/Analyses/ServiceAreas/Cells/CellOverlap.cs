using NetTopologySuite.Geometries;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>Traces, for each number of stations k, the cells exactly k stations cover.</summary>
public static class CellOverlap
{
    /// <param name="bounds">The cells any station covers (first and last column and row): only those are visited.</param>
    public static IEnumerable<(int Count, Geometry Area, double AreaKm2)> Parts(CellGrid grid, IReadOnlyList<ushort[]> counts, (int C0, int R0, int C1, int R1) bounds)
    {
        int w = bounds.C1 - bounds.C0 + 1, h = bounds.R1 - bounds.R0 + 1;
        var total = new int[w * h];
        int max = 0;
        foreach (var part in counts)
        {
            for (int r = 0; r < h; r++)
            {
                int from = (bounds.R0 + r) * grid.Width + bounds.C0;
                for (int c = 0; c < w; c++)
                {
                    int i = r * w + c;
                    total[i] += part[from + c];
                    if (total[i] > max) max = total[i];
                }
            }
        }
        // Each count's extent, found in one pass, so that each count's cells are traced within it rather than over
        // every cell any station covers: the deeper overlaps are small.
        var cellsOf = new int[max + 1];
        var extent = new (int C0, int R0, int C1, int R1)[max + 1];
        Array.Fill(extent, (int.MaxValue, int.MaxValue, -1, -1));
        for (int r = 0; r < h; r++)
        {
            var row = total.AsSpan(r * w, w);
            for (int c = 0; c < w; c++)
            {
                int k = row[c];
                if (k == 0) continue;
                cellsOf[k]++;
                ref var e = ref extent[k];
                e = (Math.Min(e.C0, c), Math.Min(e.R0, r), Math.Max(e.C1, c), Math.Max(e.R1, r));
            }
        }
        // The low counts' extents are most of the city: one mask and one set of corner links serve every count.
        var cells = Array.Empty<byte>();
        int[]? links = null;
        for (int k = 1; k <= max; k++)
        {
            if (cellsOf[k] == 0) continue;
            var (c0, r0, c1, r1) = extent[k];
            int width = c1 - c0 + 1;
            var mask = CellMask.Reusing(ref cells, grid, bounds.C0 + c0, bounds.R0 + r0, width, r1 - r0 + 1);
            for (int r = r0; r <= r1; r++)
            {
                var row = total.AsSpan(r * w + c0, width);
                for (int c = 0; c < width; c++)
                {
                    if (row[c] == k) mask.Cells[(r - r0) * width + c] = 1;
                }
            }
            mask.RemoveDiagonals();
            yield return (k, CellTracer.Trace(mask, ref links), cellsOf[k] * grid.CellAreaKm2);
        }
    }
}
