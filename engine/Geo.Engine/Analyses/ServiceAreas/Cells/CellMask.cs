using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Geo.Streets;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// A rectangular window of a <see cref="CellGrid"/> marking the cells a service area covers: a cell is covered when
/// its centre lies within the lateral distance of a reached street.
/// </summary>
public sealed class CellMask
{
    public CellMask(CellGrid grid, int column0, int row0, int width, int height)
        : this(grid, column0, row0, width, height, new byte[width * height])
    {
    }

    private CellMask(CellGrid grid, int column0, int row0, int width, int height, byte[] cells)
    {
        Grid = grid;
        Column0 = column0;
        Row0 = row0;
        Width = width;
        Height = height;
        Cells = cells;
    }

    /// <summary>
    /// A blank window over <paramref name="buffer"/>, grown when too small: one thread drawing station after station
    /// reuses one buffer rather than allocating a large array for each. The mask's <see cref="Cells"/> may then be
    /// longer than <see cref="Width"/> × <see cref="Height"/>; only those first cells belong to it.
    /// </summary>
    public static CellMask Reusing(ref byte[] buffer, CellGrid grid, int column0, int row0, int width, int height)
    {
        int cells = width * height;
        if (buffer.Length < cells) buffer = new byte[Math.Max(cells, buffer.Length * 2)];
        else Array.Clear(buffer, 0, cells);
        return new CellMask(grid, column0, row0, width, height, buffer);
    }

    public CellGrid Grid { get; }
    public int Column0 { get; }
    public int Row0 { get; }
    public int Width { get; }
    public int Height { get; }
    public byte[] Cells { get; }

    public bool this[int column, int row] =>
        column >= 0 && row >= 0 && column < Width && row < Height && Cells[row * Width + column] != 0;

    public int CountCovered()
    {
        int n = 0;
        foreach (var c in Cells.AsSpan(0, Width * Height)) n += c;
        return n;
    }

    /// <summary>A window just large enough for the intervals' line work widened by the lateral distance.</summary>
    public static CellMask Around(CellGrid grid, StreetPieces pieces, IEnumerable<ReachedInterval> intervals, double lateral)
    {
        var (column0, row0, width, height) = WindowAround(grid, pieces, intervals, lateral);
        return new CellMask(grid, column0, row0, width, height);
    }

    /// <summary>The bounds of <see cref="Around"/>'s window, for a mask over a reused buffer.</summary>
    public static (int Column0, int Row0, int Width, int Height) WindowAround(CellGrid grid, StreetPieces pieces, IEnumerable<ReachedInterval> intervals, double lateral)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var interval in intervals)
        {
            for (int i = pieces.FirstPoint[interval.Piece]; i < pieces.FirstPoint[interval.Piece + 1]; i++)
            {
                minX = Math.Min(minX, pieces.PointX[i]);
                maxX = Math.Max(maxX, pieces.PointX[i]);
                minY = Math.Min(minY, pieces.PointY[i]);
                maxY = Math.Max(maxY, pieces.PointY[i]);
            }
        }
        if (minX > maxX) return (0, 0, 1, 1);
        int c0 = grid.Column(minX - lateral) - 1, r0 = grid.Row(minY - lateral) - 1;
        int c1 = grid.Column(maxX + lateral) + 1, r1 = grid.Row(maxY + lateral) + 1;
        c0 = Math.Max(0, c0);
        r0 = Math.Max(0, r0);
        return (c0, r0, Math.Min(grid.Width - 1, c1) - c0 + 1, Math.Min(grid.Height - 1, r1) - r0 + 1);
    }

    public void Stamp(StreetPieces pieces, IEnumerable<ReachedInterval> intervals, double lateral)
    {
        foreach (var interval in intervals)
        {
            int first = pieces.FirstPoint[interval.Piece], last = pieces.FirstPoint[interval.Piece + 1] - 1;
            double walked = 0;
            for (int i = first; i < last && walked < interval.To; i++)
            {
                double ax = pieces.PointX[i], ay = pieces.PointY[i], bx = pieces.PointX[i + 1], by = pieces.PointY[i + 1];
                double len = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
                double start = walked;
                walked += len;
                if (walked < interval.From || start > interval.To) continue;
                double t0 = len > 0 ? Math.Clamp((interval.From - start) / len, 0, 1) : 0;
                double t1 = len > 0 ? Math.Clamp((interval.To - start) / len, 0, 1) : 1;
                StampCapsule(ax + t0 * (bx - ax), ay + t0 * (by - ay), ax + t1 * (bx - ax), ay + t1 * (by - ay), lateral);
            }
        }
    }

    /// <summary>
    /// Covers the cells whose centres lie within <paramref name="r"/> of segment AB. The capsule is convex, so each
    /// row of cell centres crosses it in one interval: the hull of the two end discs' and the band's intervals.
    /// </summary>
    private void StampCapsule(double ax, double ay, double bx, double by, double r)
    {
        double cell = Grid.CellMeters;
        double dx = bx - ax, dy = by - ay, len = Math.Sqrt(dx * dx + dy * dy);
        int r0 = Math.Max(Row0, Grid.Row(Math.Min(ay, by) - r)), r1 = Math.Min(Row0 + Height - 1, Grid.Row(Math.Max(ay, by) + r));
        for (int row = r0; row <= r1; row++)
        {
            double py = Grid.MinY + (row + 0.5) * cell;
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            Disc(ax, ay, py, r, ref lo, ref hi);
            Disc(bx, by, py, r, ref lo, ref hi);
            if (len > 0) Band(ax, ay, dx, dy, len, py, r, ref lo, ref hi);
            if (lo > hi) continue;
            int c0 = Math.Max(Column0, (int)Math.Ceiling((lo - Grid.MinX) / cell - 0.5));
            int c1 = Math.Min(Column0 + Width - 1, (int)Math.Floor((hi - Grid.MinX) / cell - 0.5));
            if (c0 <= c1) Cells.AsSpan((row - Row0) * Width + c0 - Column0, c1 - c0 + 1).Fill(1);
        }
    }

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

    /// <summary>Covers every cell <paramref name="other"/> covers (both windows of the same grid; only their overlap is visited).</summary>
    public void Include(CellMask other)
    {
        int c0 = Math.Max(Column0, other.Column0), c1 = Math.Min(Column0 + Width, other.Column0 + other.Width);
        int r0 = Math.Max(Row0, other.Row0), r1 = Math.Min(Row0 + Height, other.Row0 + other.Height);
        for (int r = r0; r < r1; r++)
        {
            int mine = (r - Row0) * Width - Column0, theirs = (r - other.Row0) * other.Width - other.Column0;
            for (int c = c0; c < c1; c++) Cells[mine + c] |= other.Cells[theirs + c];
        }
    }

    /// <summary>Uncovers every cell <paramref name="other"/> covers (both windows of the same grid).</summary>
    public void Exclude(CellMask other)
    {
        for (int r = 0; r < Height; r++)
        {
            int row = Row0 + r - other.Row0;
            if (row < 0 || row >= other.Height) continue;
            for (int c = 0; c < Width; c++)
            {
                int column = Column0 + c - other.Column0;
                if (column >= 0 && column < other.Width && other.Cells[row * other.Width + column] != 0) Cells[r * Width + c] = 0;
            }
        }
    }

    /// <summary>
    /// Fills one cell of every 2×2 block covered only on a diagonal, so that traced boundaries never touch themselves
    /// at a corner and polygons stay valid. Only ever adds cells, so nesting is kept.
    /// </summary>
    /// <remarks>
    /// Row-major passes until nothing changes, as the result depends on the order blocks are fixed in. A fix fills a
    /// cell of the block's lower row, which only the blocks of that row and the row below look at; so after the first
    /// pass only the rows from just below the lowest fill to the highest fill are looked at again.
    /// </remarks>
    public void RemoveDiagonals()
    {
        int from = 0, to = Height - 2;
        while (from <= to)
        {
            int lowest = int.MaxValue, highest = -1;
            for (int r = from; r <= to; r++)
            {
                if (!FixRow(r)) continue;
                lowest = Math.Min(lowest, r);
                highest = r;
            }
            if (highest < 0) break;
            from = Math.Max(0, lowest - 1);
            to = highest;
        }
    }

    /// <summary>Fixes the diagonal-only blocks whose lower row is <paramref name="r"/>, left to right; true when it filled a cell.</summary>
    /// <remarks>
    /// Most stretches of a row hold no such block: 32 blocks at a time are told free of one by a vector test and
    /// skipped. A stretch that holds one is fixed block by block, so fills happen in the same order as without the
    /// test, and a fill at a stretch's end is seen by the next stretch's test.
    /// </remarks>
    private bool FixRow(int r)
    {
        bool filled = false;
        var cells = Cells;
        int i = r * Width, end = i + Width - 1;
        while (i < end)
        {
            int stop = end;
            if (Vector256.IsHardwareAccelerated && end - i >= Vector256<byte>.Count)
            {
                if (!AnyDiagonal(cells, i, Width))
                {
                    i += Vector256<byte>.Count;
                    continue;
                }
                stop = i + Vector256<byte>.Count;
            }
            for (; i < stop; i++) filled |= FixBlock(cells, i, Width);
        }
        return filled;
    }

    /// <summary>Fills one cell of the 2×2 block with lower-left cell <paramref name="i"/> when only a diagonal of it is covered.</summary>
    private static bool FixBlock(byte[] cells, int i, int width)
    {
        byte a = cells[i], b = cells[i + 1], d = cells[i + width], e = cells[i + width + 1];
        if (a != 0 && e != 0 && b == 0 && d == 0)
        {
            cells[i + 1] = 1;
            return true;
        }
        if (b != 0 && d != 0 && a == 0 && e == 0)
        {
            cells[i] = 1;
            return true;
        }
        return false;
    }

    /// <summary>Whether any of the 32 blocks with lower-left cells <paramref name="i"/> … i + 31 is covered only on a diagonal.</summary>
    private static bool AnyDiagonal(byte[] cells, int i, int width)
    {
        ref byte start = ref MemoryMarshal.GetArrayDataReference(cells);
        var zero = Vector256<byte>.Zero;
        var a = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), zero);
        var b = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(i + 1)), zero);
        var d = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(i + width)), zero);
        var e = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(i + width + 1)), zero);
        // Lanes are all ones where the cell is uncovered.
        var rising = Vector256.AndNot(b & d, a | e);
        var falling = Vector256.AndNot(a & e, b | d);
        return (rising | falling) != zero;
    }
}
