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
        var cells = Cells.AsSpan(0, Width * Height);
        return cells.Length - cells.Count((byte)0);
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
        var bounds = pieces.Bounds;
        float minX = float.PositiveInfinity, minY = float.PositiveInfinity, maxX = float.NegativeInfinity, maxY = float.NegativeInfinity;
        foreach (var interval in Span(intervals))
        {
            var box = bounds[interval.Piece];
            minX = MathF.Min(minX, box.MinX);
            maxX = MathF.Max(maxX, box.MaxX);
            minY = MathF.Min(minY, box.MinY);
            maxY = MathF.Max(maxY, box.MaxY);
        }
        if (minX > maxX) return (0, 0, 1, 1);
        int c0 = grid.Column(minX - lateral) - 1, r0 = grid.Row(minY - lateral) - 1;
        int c1 = grid.Column(maxX + lateral) + 1, r1 = grid.Row(maxY + lateral) + 1;
        c0 = Math.Max(0, c0);
        r0 = Math.Max(0, r0);
        return (c0, r0, Math.Min(grid.Width - 1, c1) - c0 + 1, Math.Min(grid.Height - 1, r1) - r0 + 1);
    }

    public void Stamp(StreetPieces pieces, IEnumerable<ReachedInterval> intervals, double lateral) => Stamp(pieces, intervals, lateral, null);

    /// <param name="whole">Pieces' runs to copy for the intervals that reach a piece end to end, if worked out for this grid.</param>
    public void Stamp(StreetPieces pieces, IEnumerable<ReachedInterval> intervals, double lateral, PieceStamps? whole)
    {
        Stamp(pieces, Span(intervals), lateral, whole);
    }

    /// <summary>
    /// Intervals as a span: a station's reach is a list (or an array), read with no enumerator called for each of its
    /// thousands of intervals; anything else is copied into one.
    /// </summary>
    private static ReadOnlySpan<ReachedInterval> Span(IEnumerable<ReachedInterval> intervals) => intervals switch
    {
        List<ReachedInterval> list => CollectionsMarshal.AsSpan(list),
        ReachedInterval[] array => array,
        _ => intervals.ToArray(),
    };

    private void Stamp(StreetPieces pieces, ReadOnlySpan<ReachedInterval> intervals, double lateral, PieceStamps? whole)
    {
        var rows = new CapsuleStamp.MaskRows(this);
        if (whole is null)
        {
            foreach (var interval in intervals) StampInterval(pieces, interval, lateral, Grid, ref rows);
            return;
        }
        // Whole pieces are copied in the order of their numbers rather than as reached: their runs then come from
        // memory close by, not from anywhere in a city's tens of megabytes of them.
        var reachedWhole = PieceStamps.Scratch();
        var lengths = pieces.LengthMeters;
        foreach (var interval in intervals)
        {
            if (interval.From == 0 && interval.To == lengths[interval.Piece]) reachedWhole.Add(interval.Piece);
            else StampInterval(pieces, interval, lateral, Grid, ref rows);
        }
        var left = PieceStamps.LeftScratch();
        whole.Cover(this, whole.InCopyingOrder(reachedWhole), lateral, left);
        foreach (int piece in left) StampInterval(pieces, new ReachedInterval(piece, 0, lengths[piece]), lateral, Grid, ref rows);
    }

    /// <summary>Hands the rows of cells within <paramref name="lateral"/> of an interval of a piece to <paramref name="rows"/>, segment by segment.</summary>
    internal static void StampInterval<TRows>(StreetPieces pieces, ReachedInterval interval, double lateral, CellGrid grid, ref TRows rows)
        where TRows : struct, ICellRows
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
            CapsuleStamp.Cover(grid, ax + t0 * (bx - ax), ay + t0 * (by - ay), ax + t1 * (bx - ax), ay + t1 * (by - ay), lateral, ref rows);
        }
    }

    /// <summary>Covers every cell <paramref name="other"/> covers (both windows of the same grid; only their overlap is visited).</summary>
    public void Include(CellMask other)
    {
        int c0 = Math.Max(Column0, other.Column0), c1 = Math.Min(Column0 + Width, other.Column0 + other.Width);
        int r0 = Math.Max(Row0, other.Row0), r1 = Math.Min(Row0 + Height, other.Row0 + other.Height);
        for (int r = r0; r < r1; r++)
        {
            int mine = (r - Row0) * Width - Column0, theirs = (r - other.Row0) * other.Width - other.Column0;
            if (c1 > c0) Or(Cells.AsSpan(mine + c0, c1 - c0), other.Cells.AsSpan(theirs + c0, c1 - c0));
        }
    }

    /// <summary>Covers in <paramref name="target"/> every cell <paramref name="source"/> covers, a vector of cells at a time.</summary>
    private static void Or(Span<byte> target, ReadOnlySpan<byte> source)
    {
        ref byte to = ref MemoryMarshal.GetReference(target);
        ref byte from = ref MemoryMarshal.GetReference(source);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= target.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                (Vector256.LoadUnsafe(ref to, (nuint)i) | Vector256.LoadUnsafe(ref from, (nuint)i)).StoreUnsafe(ref to, (nuint)i);
            }
        }
        for (; i < target.Length; i++) target[i] |= source[i];
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
