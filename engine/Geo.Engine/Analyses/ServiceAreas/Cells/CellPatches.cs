namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// The edge-connected patches of a mask's covered cells, found from runs of covered cells along each row: a run joins
/// every run of the row below that shares a column with it. A cell's patch is then its run's, found by a binary
/// search of its row; patches are numbered 0 … <see cref="Count"/> - 1 in no particular order.
/// </summary>
internal sealed class CellPatches : IDisposable
{
    private readonly int[] _rowStart;   // runs of row r: _rowStart[r] … _rowStart[r + 1] - 1
    private readonly int[] _first, _last, _patch;

    public CellPatches(byte[] cells, int width, int height)
    {
        _rowStart = ScratchInts.Rent(height + 1);
        int capacity = 64;
        _first = ScratchInts.Rent(capacity);
        _last = ScratchInts.Rent(capacity);
        int runs = 0;
        for (int r = 0; r < height; r++)
        {
            _rowStart[r] = runs;
            var row = cells.AsSpan(r * width, width);
            foreach (var (from, to) in CoveredRuns.Of(row))
            {
                if (runs == _first.Length) (_first, _last) = (Grow(_first, runs), Grow(_last, runs));
                (_first[runs], _last[runs]) = (from, to);
                runs++;
            }
        }
        _rowStart[height] = runs;

        var parent = ScratchInts.Rent(Math.Max(1, runs));
        try
        {
            for (int i = 0; i < runs; i++) parent[i] = i;
            for (int r = 1; r < height; r++) JoinRows(parent, _rowStart[r - 1], _rowStart[r], _rowStart[r + 1]);
            _patch = ScratchInts.Rent(Math.Max(1, runs));
            var label = ScratchInts.Rent(Math.Max(1, runs));
            try
            {
                int count = 0;
                for (int i = 0; i < runs; i++)
                {
                    int root = Root(parent, i);
                    _patch[i] = root == i ? label[i] = count++ : label[root];
                }
                Count = count;
            }
            finally
            {
                ScratchInts.Return(label);
            }
        }
        finally
        {
            ScratchInts.Return(parent);
        }
    }

    public int Count { get; }

    /// <summary>The runs of covered cells of row <paramref name="row"/>, left to right: indices for <see cref="Run"/>.</summary>
    public (int Start, int End) RunsOfRow(int row) => (_rowStart[row], _rowStart[row + 1]);

    /// <summary>Every run's first column, by run index.</summary>
    public ReadOnlySpan<int> Firsts => _first;

    /// <summary>Every run's last column, by run index.</summary>
    public ReadOnlySpan<int> Lasts => _last;

    /// <summary>A run's first and last column.</summary>
    public (int First, int Last) Run(int index) => (_first[index], _last[index]);

    /// <summary>The patch of a covered cell.</summary>
    public int Of((int Column, int Row) cell)
    {
        int lo = _rowStart[cell.Row], hi = _rowStart[cell.Row + 1] - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_first[mid] <= cell.Column) lo = mid;
            else hi = mid - 1;
        }
        if (lo > hi || _first[lo] > cell.Column || _last[lo] < cell.Column) throw new ArgumentException($"cell {cell} is not covered");
        return _patch[lo];
    }

    /// <summary>Joins each run of one row (below) with the runs of the next row (above) that share a column with it.</summary>
    private void JoinRows(int[] parent, int below, int above, int end)
    {
        int i = below, j = above;
        while (i < above && j < end)
        {
            if (_first[i] <= _last[j] && _first[j] <= _last[i]) Union(parent, i, j);
            // Move past whichever run ends first; the other may still meet the next run.
            if (_last[i] < _last[j]) i++;
            else j++;
        }
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Root(parent, a), rb = Root(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }

    private static int[] Grow(int[] array, int used)
    {
        var grown = ScratchInts.Rent(array.Length * 2);
        Array.Copy(array, grown, used);
        ScratchInts.Return(array);
        return grown;
    }

    public void Dispose()
    {
        ScratchInts.Return(_rowStart);
        ScratchInts.Return(_first);
        ScratchInts.Return(_last);
        ScratchInts.Return(_patch);
    }
}
