using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>Runs of covered cells along one row of a mask, found a vector of cells at a time rather than cell by cell.</summary>
internal static class CoveredRuns
{
    /// <summary>Every run of covered cells of a row, left to right, as (first, last) columns.</summary>
    public static RowRuns Of(ReadOnlySpan<byte> row) => new(row);

    /// <summary>
    /// Reads a row 64 cells at a time as a word of covered bits, so that a row with many short runs costs a few bit
    /// operations a run rather than a search call for each end.
    /// </summary>
    public ref struct RowRuns
    {
        private readonly ReadOnlySpan<byte> _row;
        private int _chunk;      // first column of the word in hand
        private ulong _covered;  // its covered cells not yet passed, one bit a column

        public RowRuns(ReadOnlySpan<byte> row)
        {
            _row = row;
            _chunk = -64;
            _covered = 0;
            Current = default;
        }

        public (int First, int Last) Current { get; private set; }

        public readonly RowRuns GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_covered == 0)
            {
                if (_chunk + 64 >= _row.Length) return false;
                _chunk += 64;
                _covered = Word(_row, _chunk);
            }
            int first = _chunk + BitOperations.TrailingZeroCount(_covered);
            ulong open = ~_covered & (ulong.MaxValue << (first - _chunk));
            while (open == 0)
            {
                _chunk += 64;
                if (_chunk >= _row.Length)
                {
                    _covered = 0;
                    Current = (first, _row.Length - 1);
                    return true;
                }
                _covered = Word(_row, _chunk);
                open = ~_covered;
            }
            int end = BitOperations.TrailingZeroCount(open);
            _covered &= ulong.MaxValue << end;
            Current = (first, _chunk + end - 1);
            return true;
        }

        /// <summary>Columns <paramref name="from"/> … +63 as bits, set where covered; columns past the row's end read as uncovered.</summary>
        private static ulong Word(ReadOnlySpan<byte> row, int from)
        {
            if (Vector256.IsHardwareAccelerated && from + 64 <= row.Length)
            {
                ref byte start = ref MemoryMarshal.GetReference(row);
                uint low = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)from), Vector256<byte>.Zero).ExtractMostSignificantBits();
                uint high = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(from + 32)), Vector256<byte>.Zero).ExtractMostSignificantBits();
                return ~((ulong)high << 32 | low);
            }
            ulong word = 0;
            int end = Math.Min(row.Length, from + 64);
            for (int c = from; c < end; c++)
            {
                if (row[c] != 0) word |= 1UL << (c - from);
            }
            return word;
        }
    }
}
