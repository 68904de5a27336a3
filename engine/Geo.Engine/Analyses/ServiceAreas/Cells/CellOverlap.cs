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
        for (int k = 1; k <= max; k++)
        {
            var mask = new CellMask(grid, bounds.C0, bounds.R0, w, h);
            int n = 0;
            for (int i = 0; i < total.Length; i++)
            {
                if (total[i] != k) continue;
                mask.Cells[i] = 1;
                n++;
            }
            if (n == 0) continue;
            mask.RemoveDiagonals();
            yield return (k, CellTracer.Trace(mask), n * grid.CellAreaKm2);
        }
    }
}
