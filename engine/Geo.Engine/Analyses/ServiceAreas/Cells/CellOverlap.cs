using NetTopologySuite.Geometries;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>Traces, for each number of stations k, the cells exactly k stations cover.</summary>
public static class CellOverlap
{
    public static IEnumerable<(int Count, Geometry Area, double AreaKm2)> Parts(CellGrid grid, IReadOnlyList<ushort[]> counts)
    {
        var total = new int[grid.Width * grid.Height];
        int max = 0;
        foreach (var part in counts)
        {
            for (int i = 0; i < total.Length; i++)
            {
                total[i] += part[i];
                if (total[i] > max) max = total[i];
            }
        }
        for (int k = 1; k <= max; k++)
        {
            var mask = new CellMask(grid, 0, 0, grid.Width, grid.Height);
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
