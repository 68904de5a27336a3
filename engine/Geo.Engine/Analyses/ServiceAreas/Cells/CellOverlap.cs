using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Geo.Coordinates;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>Traces, for each number of stations k, the cells exactly k stations cover.</summary>
public static class CellOverlap
{
    /// <param name="bounds">The cells any station covers (first and last column and row): only those are visited.</param>
    public static IEnumerable<(int Count, Geometry Area, double AreaKm2)> Parts(CellGrid grid, IReadOnlyList<ushort[]> counts, (int C0, int R0, int C1, int R1) bounds) =>
        Parts(grid, counts, bounds, null);

    /// <param name="lonLat">When given, the areas come out in lon/lat, traced straight through the lattice.</param>
    internal static IEnumerable<(int Count, Geometry Area, double AreaKm2)> Parts(CellGrid grid, IReadOnlyList<ushort[]> counts, (int C0, int R0, int C1, int R1) bounds, LonLatLattice? lonLat)
    {
        int w = bounds.C1 - bounds.C0 + 1, h = bounds.R1 - bounds.R0 + 1;
        var total = new int[w * h];
        foreach (var part in counts)
        {
            for (int r = 0; r < h; r++) AddRow(part.AsSpan((bounds.R0 + r) * grid.Width + bounds.C0, w), total.AsSpan(r * w, w));
        }
        int max = Max(total);
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
        var present = Enumerable.Range(1, max).Where(k => cellsOf[k] > 0).ToArray();
        var areas = new Geometry[max + 1];
        // Each count is traced on its own: the counts go to every core, each with one mask and one set of corner links
        // reused from count to count (the low counts' extents are most of the city). The lowest counts, the largest,
        // are taken first, so no core is left with a large one at the end.
        int taken = -1;
        void Work()
        {
            var cells = Array.Empty<byte>();
            int[]? links = null;
            for (int i = Interlocked.Increment(ref taken); i < present.Length; i = Interlocked.Increment(ref taken))
            {
                int k = present[i];
                var (c0, r0, c1, r1) = extent[k];
                int width = c1 - c0 + 1;
                var mask = CellMask.Reusing(ref cells, grid, bounds.C0 + c0, bounds.R0 + r0, width, r1 - r0 + 1);
                for (int r = r0; r <= r1; r++) MarkEqual(total.AsSpan(r * w + c0, width), k, mask.Cells.AsSpan((r - r0) * width, width));
                mask.RemoveDiagonals();
                areas[k] = CellTracer.Trace(mask, ref links, lonLat);
            }
        }
        var others = Enumerable.Range(0, Math.Max(0, Math.Min(Environment.ProcessorCount, present.Length) - 1)).Select(_ => Task.Run(Work)).ToArray();
        Work();
        Task.WaitAll(others);
        foreach (int k in present) yield return (k, areas[k], cellsOf[k] * grid.CellAreaKm2);
    }

    /// <summary>Adds one thread's counts of a row to the row's totals.</summary>
    private static void AddRow(ReadOnlySpan<ushort> part, Span<int> total)
    {
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ushort from = ref MemoryMarshal.GetReference(part);
            ref int to = ref MemoryMarshal.GetReference(total);
            for (; c <= part.Length - 16; c += 16)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref from, (nuint)c));
                (Vector256.LoadUnsafe(ref to, (nuint)c) + low.AsInt32()).StoreUnsafe(ref to, (nuint)c);
                (Vector256.LoadUnsafe(ref to, (nuint)(c + 8)) + high.AsInt32()).StoreUnsafe(ref to, (nuint)(c + 8));
            }
        }
        for (; c < part.Length; c++) total[c] += part[c];
    }

    private static int Max(ReadOnlySpan<int> values)
    {
        int c = 0, max = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= 8)
        {
            var most = Vector256<int>.Zero;
            for (; c <= values.Length - 8; c += 8) most = Vector256.Max(most, Vector256.Create(values.Slice(c, 8)));
            for (int i = 0; i < 8; i++) max = Math.Max(max, most[i]);
        }
        for (; c < values.Length; c++) max = Math.Max(max, values[c]);
        return max;
    }

    /// <summary>Sets each cell to 1 where its total is <paramref name="k"/>, to 0 elsewhere.</summary>
    private static void MarkEqual(ReadOnlySpan<int> totals, int k, Span<byte> cells)
    {
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref int from = ref MemoryMarshal.GetReference(totals);
            ref byte to = ref MemoryMarshal.GetReference(cells);
            var wanted = Vector256.Create(k);
            var one = Vector256.Create((byte)1);
            for (; c <= totals.Length - 32; c += 32)
            {
                // Equal lanes are all ones: narrowed in order to bytes, then kept as 1.
                var first = Vector256.Narrow(
                    Vector256.Equals(Vector256.LoadUnsafe(ref from, (nuint)c), wanted),
                    Vector256.Equals(Vector256.LoadUnsafe(ref from, (nuint)(c + 8)), wanted));
                var second = Vector256.Narrow(
                    Vector256.Equals(Vector256.LoadUnsafe(ref from, (nuint)(c + 16)), wanted),
                    Vector256.Equals(Vector256.LoadUnsafe(ref from, (nuint)(c + 24)), wanted));
                (Vector256.Narrow(first.AsUInt16(), second.AsUInt16()) & one).StoreUnsafe(ref to, (nuint)c);
            }
        }
        for (; c < totals.Length; c++) cells[c] = totals[c] == k ? (byte)1 : (byte)0;
    }
}
