using NetTopologySuite.Geometries;

namespace Geo.Streets;

/// <summary>
/// A uniform grid over envelopes (of segments, street pieces) that yields every pair of items whose envelopes meet, or
/// every item whose envelope meets a window, each once: in the cell holding the lower-left corner of the overlap.
/// Read-only once built, so queries may run on many threads.
/// </summary>
internal sealed class EnvelopeGrid
{
    private readonly double[] _minX, _minY, _maxX, _maxY;
    private readonly double _originX, _originY, _cell;
    private readonly int _columns, _rows;
    private readonly int[] _cellStart, _members;

    /// <summary>A grid over these envelopes, item i being envelopes[i].</summary>
    public static EnvelopeGrid Of(IReadOnlyList<Envelope> envelopes)
    {
        var (minX, minY, maxX, maxY) = (new double[envelopes.Count], new double[envelopes.Count], new double[envelopes.Count], new double[envelopes.Count]);
        for (int i = 0; i < envelopes.Count; i++) (minX[i], minY[i], maxX[i], maxY[i]) = (envelopes[i].MinX, envelopes[i].MinY, envelopes[i].MaxX, envelopes[i].MaxY);
        return new EnvelopeGrid(minX, minY, maxX, maxY);
    }

    public EnvelopeGrid(double[] minX, double[] minY, double[] maxX, double[] maxY)
    {
        (_minX, _minY, _maxX, _maxY) = (minX, minY, maxX, maxY);
        int n = minX.Length;
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        for (int i = 0; i < n; i++)
        {
            x0 = Math.Min(x0, minX[i]); y0 = Math.Min(y0, minY[i]);
            x1 = Math.Max(x1, maxX[i]); y1 = Math.Max(y1, maxY[i]);
        }
        if (n == 0) (x0, y0, x1, y1) = (0, 0, 1, 1);
        double width = Math.Max(x1 - x0, 1e-9), height = Math.Max(y1 - y0, 1e-9);
        // About two items per cell on average; most items then fall in one to four cells.
        _cell = Math.Max(Math.Sqrt(width * height / Math.Max(n, 1) * 2), Math.Max(width, height) / 65536);
        _originX = x0;
        _originY = y0;
        _columns = (int)(width / _cell) + 1;
        _rows = (int)(height / _cell) + 1;

        _cellStart = new int[_columns * _rows + 1];
        // One delegate for every item, not one per item: a city's streets would make a million.
        Action<int> count = c => _cellStart[c + 1]++;
        for (int i = 0; i < n; i++) ForCells(i, count);
        for (int c = 0; c < _columns * _rows; c++) _cellStart[c + 1] += _cellStart[c];
        _members = new int[_cellStart[^1]];
        var fill = (int[])_cellStart.Clone();
        int item = 0;
        Action<int> place = c => _members[fill[c]++] = item;
        for (item = 0; item < n; item++) ForCells(item, place);
    }

    /// <summary>Sets <paramref name="into"/> to item <paramref name="item"/>'s envelope, allocating nothing.</summary>
    public void Envelope(int item, Envelope into) => into.Init(_minX[item], _maxX[item], _minY[item], _maxY[item]);

    public void ForEachPair(Action<int, int> visit)
    {
        for (int row = 0; row < _rows; row++)
        {
            for (int column = 0; column < _columns; column++)
            {
                int c = row * _columns + column, start = _cellStart[c], end = _cellStart[c + 1];
                for (int p = start; p < end; p++)
                {
                    int a = _members[p];
                    for (int q = p + 1; q < end; q++)
                    {
                        int b = _members[q];
                        if (_minX[a] > _maxX[b] || _minX[b] > _maxX[a] || _minY[a] > _maxY[b] || _minY[b] > _maxY[a]) continue;
                        if (Column(Math.Max(_minX[a], _minX[b])) != column || Row(Math.Max(_minY[a], _minY[b])) != row) continue;
                        visit(a, b);
                    }
                }
            }
        }
    }

    /// <summary>Fills <paramref name="found"/> with the items whose envelopes meet the window (edges included).</summary>
    public void Within(double minX, double minY, double maxX, double maxY, List<int> found)
    {
        found.Clear();
        int c0 = Column(minX), c1 = Column(maxX), r0 = Row(minY), r1 = Row(maxY);
        for (int row = r0; row <= r1; row++)
        {
            for (int column = c0; column <= c1; column++)
            {
                int c = row * _columns + column;
                for (int p = _cellStart[c]; p < _cellStart[c + 1]; p++)
                {
                    int a = _members[p];
                    if (_minX[a] > maxX || minX > _maxX[a] || _minY[a] > maxY || minY > _maxY[a]) continue;
                    if (Column(Math.Max(_minX[a], minX)) != column || Row(Math.Max(_minY[a], minY)) != row) continue;
                    found.Add(a);
                }
            }
        }
    }

    private int Column(double x) => Math.Clamp((int)((x - _originX) / _cell), 0, _columns - 1);

    private int Row(double y) => Math.Clamp((int)((y - _originY) / _cell), 0, _rows - 1);

    private void ForCells(int i, Action<int> action)
    {
        int c0 = Column(_minX[i]), c1 = Column(_maxX[i]), r0 = Row(_minY[i]), r1 = Row(_maxY[i]);
        for (int r = r0; r <= r1; r++)
            for (int c = c0; c <= c1; c++) action(r * _columns + c);
    }
}
