using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// Where a capsule's rows of covered cells go: filled into a mask, or recorded as runs (<see cref="PieceStamps"/>).
/// Given as a struct so that each kind gets its own compiled copy of the row arithmetic, with no call through an
/// interface per row.
/// </summary>
internal interface ICellRows
{
    /// <summary>The rows the capsule may cover, inclusive: cells on others are out of reach.</summary>
    int FirstRow { get; }
    int LastRow { get; }

    /// <summary>Covers the cells of <paramref name="row"/> from grid column <paramref name="first"/> to <paramref name="last"/> (first &lt;= last).</summary>
    void Cover(int row, int first, int last);
}

/// <summary>
/// Covers the cells of a <see cref="CellMask"/> whose centres lie within a lateral distance of a street segment: the
/// segment's capsule, row by row.
/// </summary>
internal static class CapsuleStamp
{
    /// <summary>
    /// Covers the cells whose centres lie within <paramref name="r"/> of segment AB. The capsule is convex, so each
    /// row of cell centres crosses it in one interval: the hull of the two end discs' and the band's intervals.
    /// </summary>
    public static void Cover(CellMask mask, double ax, double ay, double bx, double by, double r) =>
        Cover(mask, ax, ay, bx, by, r, fourRowsAtATime: Vector256.IsHardwareAccelerated);

    /// <param name="fourRowsAtATime">
    /// Work four rows out at once with vector arithmetic: the same operations in the same order as one row at a time,
    /// so the same cells to the last bit. Segments along an axis always go one row at a time, as their band is a
    /// special case.
    /// </param>
    internal static void Cover(CellMask mask, double ax, double ay, double bx, double by, double r, bool fourRowsAtATime)
    {
        var rows = new MaskRows(mask);
        Cover(mask.Grid, ax, ay, bx, by, r, fourRowsAtATime, ref rows);
    }

    /// <summary>As <see cref="Cover(CellMask, double, double, double, double, double)"/>, each row's cells handed to <paramref name="rows"/>, rows in order.</summary>
    internal static void Cover<TRows>(CellGrid grid, double ax, double ay, double bx, double by, double r, ref TRows rows)
        where TRows : struct, ICellRows =>
        Cover(grid, ax, ay, bx, by, r, Vector256.IsHardwareAccelerated, ref rows);

    private static void Cover<TRows>(CellGrid grid, double ax, double ay, double bx, double by, double r, bool fourRowsAtATime, ref TRows rows)
        where TRows : struct, ICellRows
    {
        int r0 = Math.Max(rows.FirstRow, grid.Row(Math.Min(ay, by) - r)), r1 = Math.Min(rows.LastRow, grid.Row(Math.Max(ay, by) + r));
        if (fourRowsAtATime && bx - ax != 0 && by - ay != 0) RowsFourAtATime(grid, ax, ay, bx, by, r, r0, r1, ref rows);
        else RowsOneByOne(grid, ax, ay, bx, by, r, r0, r1, ref rows);
    }

    /// <summary>Rows filled into a mask, as far as its window reaches across (rows are the caller's to keep inside it); the window read once.</summary>
    internal readonly struct MaskRows(CellMask mask) : ICellRows
    {
        private readonly byte[] _cells = mask.Cells;
        private readonly int _column0 = mask.Column0, _row0 = mask.Row0, _width = mask.Width;

        public int FirstRow => _row0;
        public int LastRow => _row0 + mask.Height - 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Cover(int row, int first, int last)
        {
            int c0 = Math.Max(_column0, first), c1 = Math.Min(_column0 + _width - 1, last);
            if (c0 <= c1) Fill(_cells, (row - _row0) * _width + c0 - _column0, c1 - c0 + 1);
        }
    }

    private static void RowsOneByOne<TRows>(CellGrid grid, double ax, double ay, double bx, double by, double r, int r0, int r1, ref TRows rows)
        where TRows : struct, ICellRows
    {
        double cell = grid.CellMeters;
        double dx = bx - ax, dy = by - ay, len = Math.Sqrt(dx * dx + dy * dy);
        for (int row = r0; row <= r1; row++)
        {
            double py = grid.MinY + (row + 0.5) * cell;
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            Disc(ax, ay, py, r, ref lo, ref hi);
            Disc(bx, by, py, r, ref lo, ref hi);
            if (len > 0) Band(ax, ay, dx, dy, len, py, r, ref lo, ref hi);
            if (lo > hi) continue;
            // The first and last columns whose centres lie in [lo, hi].
            int first = (int)Math.Ceiling((lo - grid.MinX) / cell - 0.5), last = (int)Math.Floor((hi - grid.MinX) / cell - 0.5);
            if (first <= last) rows.Cover(row, first, last);
        }
    }

    /// <summary><see cref="RowsOneByOne"/> for a segment along neither axis, four rows to a vector.</summary>
    private static void RowsFourAtATime<TRows>(CellGrid grid, double ax, double ay, double bx, double by, double r, int r0, int r1, ref TRows rows)
        where TRows : struct, ICellRows
    {
        double cell = grid.CellMeters;
        double dx = bx - ax, dy = by - ay, len = Math.Sqrt(dx * dx + dy * dy);
        Vector256<double> vax = Vector256.Create(ax), vay = Vector256.Create(ay), vbx = Vector256.Create(bx), vby = Vector256.Create(by);
        Vector256<double> vdx = Vector256.Create(dx), vdy = Vector256.Create(dy), rr = Vector256.Create(r * r);
        Vector256<double> axdx = Vector256.Create(ax * dx), axdy = Vector256.Create(ax * dy);
        Vector256<double> along = Vector256.Create(len * len), acrossLow = Vector256.Create(-r * len), acrossHigh = Vector256.Create(r * len);
        Vector256<double> none = Vector256.Create(double.PositiveInfinity), noneHigh = Vector256.Create(double.NegativeInfinity);
        Vector256<double> zero = Vector256<double>.Zero, half = Vector256.Create(0.5), vcell = Vector256.Create(cell), minY = Vector256.Create(grid.MinY);
        Vector256<double> minX = Vector256.Create(grid.MinX);
        // The native minimum and maximum differ from Math.Min and Math.Max only for NaN, which none of these values
        // is, and in the sign of a zero, which cannot move a column.
        for (int row = r0; row <= r1; row += 4)
        {
            var py = minY + (Vector256.Create((double)row, row + 1, row + 2, row + 3) + half) * vcell;
            // Both end discs, as Disc: a row a disc misses adds nothing (written out here: the compiler would not
            // inline the call into this loop).
            var ta0 = py - vay;
            var h0 = rr - ta0 * ta0;
            var w0 = Vector256.Sqrt(h0);
            var in0 = Vector256.GreaterThanOrEqual(h0, zero);
            var tb0 = py - vby;
            var h1 = rr - tb0 * tb0;
            var w1 = Vector256.Sqrt(h1);
            var in1 = Vector256.GreaterThanOrEqual(h1, zero);
            var lo = Vector256.MinNative(Vector256.ConditionalSelect(in0, vax - w0, none), Vector256.ConditionalSelect(in1, vbx - w1, none));
            var hi = Vector256.MaxNative(Vector256.ConditionalSelect(in0, vax + w0, noneHigh), Vector256.ConditionalSelect(in1, vbx + w1, noneHigh));
            // The band, as Band with neither dx nor dy zero.
            var ta = py - vay;
            var b1 = ta * vdy - axdx;
            var x1 = (zero - b1) / vdx;
            var x2 = (along - b1) / vdx;
            var from = Vector256.MinNative(x1, x2);
            var to = Vector256.MaxNative(x1, x2);
            var b2 = -ta * vdx - axdy;
            var y1 = (acrossLow - b2) / vdy;
            var y2 = (acrossHigh - b2) / vdy;
            from = Vector256.MaxNative(from, Vector256.MinNative(y1, y2));
            to = Vector256.MinNative(to, Vector256.MaxNative(y1, y2));
            var inBand = Vector256.LessThanOrEqual(from, to);
            lo = Vector256.MinNative(lo, Vector256.ConditionalSelect(inBand, from, none));
            hi = Vector256.MaxNative(hi, Vector256.ConditionalSelect(inBand, to, noneHigh));
            // As one row at a time: the first and last columns whose centres lie in [lo, hi].
            var first = Vector256.Ceiling((lo - minX) / vcell - half);
            var last = Vector256.Floor((hi - minX) / vcell - half);
            var empty = Vector256.GreaterThan(lo, hi);
            first = Vector256.ConditionalSelect(empty, none, first);
            last = Vector256.ConditionalSelect(empty, noneHigh, last);
            for (int k = 0; k < 4 && row + k <= r1; k++)
            {
                double f = first.GetElement(k), l = last.GetElement(k);
                if (f <= l) rows.Cover(row + k, (int)f, (int)l);
            }
        }
    }

    /// <summary>Covers <paramref name="count"/> cells of <paramref name="cells"/> from <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fill(byte[] cells, int start, int count)
    {
        ref byte at = ref MemoryMarshal.GetArrayDataReference(cells);
        // Rows of a capsule are a few cells long: sixteen cells are read, the row's own covered, and written back,
        // whatever the row's length, with no branch on it to mispredict (a mask is only ever filled by one thread).
        if (count <= 16 && start + 16 <= cells.Length)
        {
            FillWithRoom(cells, start, count);
            return;
        }
        if (count >= 8 && count <= 16)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, start), CoveredWord);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, start + count - 8), CoveredWord);
        }
        else if (count >= 4 && count < 8)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, start), CoveredQuarter);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, start + count - 4), CoveredQuarter);
        }
        else if (count >= 2 && count < 4)
        {
            // The rows at a capsule's ends.
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, start), CoveredPair);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, start + count - 2), CoveredPair);
        }
        else if (count == 1) Unsafe.Add(ref at, start) = 1;
        else cells.AsSpan(start, count).Fill(1);
    }

    /// <summary>
    /// Covers <paramref name="count"/> cells of <paramref name="cells"/> from <paramref name="start"/>, the caller
    /// knowing the array holds sixteen cells from <paramref name="start"/>: a row of up to sixteen is covered by
    /// reading those sixteen and writing them back, so no other thread may fill the same array meanwhile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void FillWithRoom(byte[] cells, int start, int count)
    {
        if (count <= 16)
        {
            ref byte at = ref MemoryMarshal.GetArrayDataReference(cells);
            var row = Vector128.LoadUnsafe(ref at, (nuint)start) | Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(CoveredThenBlank), (nuint)(16 - count));
            row.StoreUnsafe(ref at, (nuint)start);
        }
        else cells.AsSpan(start, count).Fill(1);
    }

    /// <summary>Sixteen covered cells then sixteen blank: read from 16 − n, the first n of sixteen cells covered.</summary>
    private static readonly byte[] CoveredThenBlank = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private const ulong CoveredWord = 0x0101010101010101UL;
    private const uint CoveredQuarter = 0x01010101U;
    private const ushort CoveredPair = 0x0101;

    private static void Disc(double cx, double cy, double py, double r, ref double lo, ref double hi)
    {
        double h = r * r - (py - cy) * (py - cy);
        if (h < 0) return;
        double w = Math.Sqrt(h);
        lo = Math.Min(lo, cx - w);
        hi = Math.Max(hi, cx + w);
    }

    /// <summary>The band of points projecting inside AB and within r of its line, cut by the horizontal line y = py.</summary>
    private static void Band(double ax, double ay, double dx, double dy, double len, double py, double r, ref double lo, ref double hi)
    {
        // Along: 0 <= ((x - ax)·dx + (py - ay)·dy) / len² <= 1.  Across: |(x - ax)·dy - (py - ay)·dx| / len <= r.
        double from = double.NegativeInfinity, to = double.PositiveInfinity;
        Clip(dx, (py - ay) * dy - ax * dx, 0, len * len, ref from, ref to);
        Clip(dy, -(py - ay) * dx - ax * dy, -r * len, r * len, ref from, ref to);
        if (from > to) return;
        lo = Math.Min(lo, from);
        hi = Math.Max(hi, to);
    }

    /// <summary>Narrows [from, to] to the x where min &lt;= a·x + b &lt;= max.</summary>
    private static void Clip(double a, double b, double min, double max, ref double from, ref double to)
    {
        if (a == 0)
        {
            if (b < min || b > max) { from = double.PositiveInfinity; to = double.NegativeInfinity; }
            return;
        }
        double x1 = (min - b) / a, x2 = (max - b) / a;
        from = Math.Max(from, Math.Min(x1, x2));
        to = Math.Min(to, Math.Max(x1, x2));
    }
}
