using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Geo.Streets;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// Every street piece's cells when reached end to end, worked out once per grid as runs along rows. Most of what a
/// station reaches is whole pieces, and each piece is reached by many stations: copying its runs replaces working
/// out each of its segments' capsules again, station after station. The runs are the cells
/// <see cref="CellMask.Stamp"/> covers for the interval from 0 to the piece's length, found by stamping just that
/// interval (a piece of one segment: read straight off its capsule's rows), so a mask stamped either way holds the
/// same cells. A station's whole pieces are copied in ascending order of number, the order their runs lie in.
/// </summary>
public sealed class PieceStamps
{
    // A run packs its row (from the piece's first row), its first column (from the piece's first column) and its
    // length less one into 8, 16 and 8 bits; a piece whose runs do not fit (kilometres long) keeps none and is
    // stamped segment by segment.
    private const int RowBits = 8, ColumnBits = 16, LengthBits = 8;

    /// <summary>
    /// A piece's first run, run count (negative: no runs kept), the columns its runs span from its first column, first
    /// row and first column, read together in 16 bytes.
    /// </summary>
    private readonly record struct Header(int FirstRun, short Runs, ushort Columns, int Row0, int Column0);

    private readonly Header[] _headers;
    private readonly uint[] _runs;

    private PieceStamps(CellGrid grid, double lateral, Header[] headers, uint[] runs)
    {
        Grid = grid;
        Lateral = lateral;
        _headers = headers;
        _runs = runs;
    }

    public CellGrid Grid { get; }
    public double Lateral { get; }

    /// <summary>The runs held, for the memory they take (4 bytes each, and 16 bytes a piece).</summary>
    public long RunCount => _runs.Length;

    /// <summary>
    /// Whether working out every piece's runs costs less than copying them saves over stamping
    /// <paramref name="expectedStamps"/> reached pieces. Measured on the synthetic city's straight pieces (0.2–0.4 µs
    /// to work one out, 0.1 µs saved by each copy, made in the order of piece numbers) and on Chengdu's, 1.8 segments
    /// a piece (1.5 µs and 0.36 µs): either way the runs pay once each piece is stamped about four times.
    /// </summary>
    public static bool PayOff(StreetPieces pieces, double expectedStamps) => pieces.Count > 0 && expectedStamps > 4.0 * pieces.Count;

    /// <summary>Works out every piece's runs, blocks of pieces on every core (or as <paramref name="parallel"/> allows, which may cancel it).</summary>
    public static PieceStamps Build(StreetPieces pieces, CellGrid grid, double lateral, ParallelOptions? parallel = null)
    {
        int count = pieces.Count;
        var headers = new Header[count];
        const int Block = 4096;
        int blocks = (count + Block - 1) / Block;
        var blockRuns = new uint[blocks][];
        Parallel.For(0, blocks, parallel ?? new ParallelOptions(), () => (Buffer: Array.Empty<byte>(), Runs: new List<uint>()), (block, _, scratch) =>
        {
            scratch.Runs.Clear();
            var one = new ReachedInterval[1];
            for (int p = block * Block; p < Math.Min(count, (block + 1) * Block); p++)
            {
                int before = scratch.Runs.Count;
                one[0] = new ReachedInterval(p, 0, pieces.LengthMeters[p]);
                if (pieces.LengthMeters[p] > 0 && Record(pieces, grid, lateral, one, ref scratch.Buffer, scratch.Runs, out int row0, out int column0)
                    && scratch.Runs.Count - before <= short.MaxValue && ColumnsSpanned(scratch.Runs, before) is int columns and <= ushort.MaxValue)
                {
                    headers[p] = new Header(before, (short)(scratch.Runs.Count - before), (ushort)columns, row0, column0);
                }
                else
                {
                    scratch.Runs.RemoveRange(before, scratch.Runs.Count - before);
                    headers[p] = new Header(before, -1, 0, 0, 0);
                }
            }
            blockRuns[block] = scratch.Runs.ToArray();
            return scratch;
        }, _ => { });
        // Each block numbered its runs from its own start: shift them past the runs of the blocks before.
        var runs = new uint[blockRuns.Sum(part => part.Length)];
        int at = 0;
        for (int block = 0; block < blocks; block++)
        {
            for (int p = block * Block; p < Math.Min(count, (block + 1) * Block); p++) headers[p] = headers[p] with { FirstRun = headers[p].FirstRun + at };
            blockRuns[block].CopyTo(runs, at);
            at += blockRuns[block].Length;
        }
        return new PieceStamps(grid, lateral, headers, runs);
    }

    /// <summary>The columns a piece's runs (from <paramref name="first"/> to the list's end) span from its first column.</summary>
    private static int ColumnsSpanned(List<uint> runs, int first)
    {
        int columns = 0;
        for (int i = first; i < runs.Count; i++)
        {
            columns = Math.Max(columns, FirstColumnOf(runs[i]) + LengthOf(runs[i]));
        }
        return columns;
    }

    /// <summary>Stamps one whole piece into a blank window of its own and reads its covered cells back as runs.</summary>
    private static bool Record(StreetPieces pieces, CellGrid grid, double lateral, ReachedInterval[] piece, ref byte[] buffer, List<uint> runs, out int row0, out int column0)
    {
        var (c0, r0, width, height) = CellMask.WindowAround(grid, pieces, piece, lateral);
        (row0, column0) = (r0, c0);
        if (height > 1 << RowBits || width > 1 << ColumnBits) return false;
        int p = piece[0].Piece;
        // One segment's capsule crosses each row in one interval, rows in order: those intervals are its runs, with
        // no window to stamp and read back.
        if (pieces.FirstPoint[p + 1] - pieces.FirstPoint[p] == 2)
        {
            var recorder = new RunRecorder(runs, c0, r0, width, height);
            CellMask.StampInterval(pieces, piece[0], lateral, grid, ref recorder);
            return recorder.Fits;
        }
        var mask = CellMask.Reusing(ref buffer, grid, c0, r0, width, height);
        mask.Stamp(pieces, piece, lateral);
        for (int r = 0; r < height; r++)
        {
            var row = mask.Cells.AsSpan(r * width, width);
            foreach (var (first, last) in CoveredRuns.Of(row))
            {
                if (last - first + 1 > 1 << LengthBits) return false;
                runs.Add(Pack(r, first, last));
            }
        }
        return true;
    }

    private static uint Pack(int row, int first, int last) => (uint)row | (uint)first << RowBits | (uint)(last - first) << (RowBits + ColumnBits);

    /// <summary>A packed run's row, from the piece's first row.</summary>
    private static int RowOf(uint run) => (int)(run & (1 << RowBits) - 1);

    /// <summary>A packed run's first column, from the piece's first column.</summary>
    private static int FirstColumnOf(uint run) => (int)(run >> RowBits & (1 << ColumnBits) - 1);

    /// <summary>A packed run's length in cells.</summary>
    private static int LengthOf(uint run) => (int)(run >> (RowBits + ColumnBits)) + 1;

    /// <summary>A capsule's rows recorded as runs of a piece's window, as the window's cells would read back.</summary>
    private struct RunRecorder(List<uint> runs, int column0, int row0, int width, int height) : ICellRows
    {
        public bool Fits { get; private set; } = true;
        public readonly int FirstRow => row0;
        public readonly int LastRow => row0 + height - 1;

        public void Cover(int row, int first, int last)
        {
            int c0 = Math.Max(column0, first), c1 = Math.Min(column0 + width - 1, last);
            if (c0 > c1) return;
            if (c1 - c0 + 1 > 1 << LengthBits) Fits = false;
            else runs.Add(Pack(row - row0, c0 - column0, c1 - column0));
        }
    }

    [ThreadStatic]
    private static List<int>? t_reached;

    [ThreadStatic]
    private static int[]? t_between, t_counts;

    [ThreadStatic]
    private static List<int>? t_left;

    /// <summary>The thread's list for the whole pieces a stamp reaches, emptied.</summary>
    internal static List<int> Scratch() => Emptied(ref t_reached);

    /// <summary>The thread's list for the whole pieces left to stamp, emptied.</summary>
    internal static List<int> LeftScratch() => Emptied(ref t_left);

    private static List<int> Emptied(ref List<int>? kept)
    {
        var list = kept ??= new List<int>();
        list.Clear();
        return list;
    }

    private const int LowBits = 10, LowMask = (1 << LowBits) - 1;

    /// <summary>
    /// <paramref name="reached"/> in ascending order of piece number, the order in which their headers and runs lie in
    /// memory: two counting passes (by the low bits, then by the high bits), reordering the list itself. Valid until
    /// the thread's next call.
    /// </summary>
    internal ReadOnlySpan<int> InCopyingOrder(List<int> reached)
    {
        var pieces = CollectionsMarshal.AsSpan(reached);
        int highs = (_headers.Length >> LowBits) + 1;
        var counts = Kept(ref t_counts, Math.Max(highs, 1 << LowBits) + 1);
        var between = Kept(ref t_between, pieces.Length);
        Array.Clear(counts, 0, (1 << LowBits) + 1);
        foreach (int piece in pieces) counts[(piece & LowMask) + 1]++;
        for (int b = 1; b <= 1 << LowBits; b++) counts[b] += counts[b - 1];
        foreach (int piece in pieces) between[counts[piece & LowMask]++] = piece;
        Array.Clear(counts, 0, highs + 1);
        foreach (int piece in pieces) counts[(piece >> LowBits) + 1]++;
        for (int b = 1; b <= highs; b++) counts[b] += counts[b - 1];
        foreach (int piece in between.AsSpan(0, pieces.Length)) pieces[counts[piece >> LowBits]++] = piece;
        return pieces;
    }

    /// <summary>The thread's array of at least <paramref name="length"/>, grown (doubling) when too short.</summary>
    private static int[] Kept(ref int[]? kept, int length)
    {
        if (kept is null || kept.Length < length) kept = new int[Math.Max(length, 2 * (kept?.Length ?? 512))];
        return kept;
    }

    /// <summary>
    /// Covers in <paramref name="mask"/> the cells of <paramref name="piece"/> reached end to end; false, having
    /// covered nothing, when the piece keeps no runs, the mask is of another grid or widening, or its window does not
    /// hold all of the piece's rows.
    /// </summary>
    public bool TryCover(CellMask mask, int piece, double lateral)
    {
        var left = new List<int>(1);
        Cover(mask, [piece], lateral, left);
        return left.Count == 0;
    }

    /// <summary>
    /// <see cref="TryCover"/> for each of <paramref name="pieces"/>, in one loop with the mask read once; the pieces
    /// it could not cover are added to <paramref name="left"/>.
    /// </summary>
    internal void Cover(CellMask mask, ReadOnlySpan<int> pieces, double lateral, List<int> left)
    {
        if (!ReferenceEquals(mask.Grid, Grid) || lateral != Lateral)
        {
            foreach (int piece in pieces) left.Add(piece);
            return;
        }
        var fill = new CapsuleStamp.MaskRows(mask);
        var cells = mask.Cells;
        int maskRow0 = mask.Row0, maskColumn0 = mask.Column0, width = mask.Width, height = mask.Height;
        ref uint run = ref MemoryMarshal.GetArrayDataReference(_runs);
        foreach (int piece in pieces)
        {
            var header = _headers[piece];
            if (header.Runs <= 0)
            {
                if (header.Runs < 0) left.Add(piece);
                continue;
            }
            // Runs are in row order: a piece whose rows are not all in the window is left to be stamped, which cuts it
            // to the window.
            int rows = RowOf(Unsafe.Add(ref run, header.FirstRun + header.Runs - 1)) + 1;
            int row = header.Row0 - maskRow0, column = header.Column0 - maskColumn0;
            if (row < 0 || row + rows > height)
            {
                left.Add(piece);
                continue;
            }
            // Most pieces lie inside the window with room for a sixteen-cell write past their last run: their runs are
            // filled at offsets from the piece's first cell, with nothing to clamp.
            if (column >= 0 && column + header.Columns <= width && (row + rows - 1) * width + column + header.Columns + 16 <= cells.Length)
            {
                int at = row * width + column;
                for (int i = header.FirstRun, end = header.FirstRun + header.Runs; i < end; i++)
                {
                    uint packed = Unsafe.Add(ref run, i);
                    CapsuleStamp.FillWithRoom(cells, at + RowOf(packed) * width + FirstColumnOf(packed), LengthOf(packed));
                }
            }
            else Copy(ref fill, header);
        }
    }

    private void Copy(ref CapsuleStamp.MaskRows fill, Header header)
    {
        ref uint run = ref MemoryMarshal.GetArrayDataReference(_runs);
        for (int i = header.FirstRun, end = header.FirstRun + header.Runs; i < end; i++)
        {
            uint packed = Unsafe.Add(ref run, i);
            int first = header.Column0 + FirstColumnOf(packed);
            fill.Cover(header.Row0 + RowOf(packed), first, first + LengthOf(packed) - 1);
        }
    }
}
