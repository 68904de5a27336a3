using Geo.Streets;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// A rectangular window of a <see cref="CellGrid"/> marking the cells a service area covers: a cell is covered when
/// its centre lies within the lateral distance of a reached street.
/// </summary>
public sealed class CellMask
{
    public CellMask(CellGrid grid, int column0, int row0, int width, int height)
    {
        Grid = grid;
        Column0 = column0;
        Row0 = row0;
        Width = width;
        Height = height;
        Cells = new byte[width * height];
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
        foreach (var c in Cells) n += c;
        return n;
    }

    /// <summary>A window just large enough for the intervals' line work widened by the lateral distance.</summary>
    public static CellMask Around(CellGrid grid, StreetPieces pieces, IEnumerable<ReachedInterval> intervals, double lateral)
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
        if (minX > maxX) return new CellMask(grid, 0, 0, 1, 1);
        int c0 = grid.Column(minX - lateral) - 1, r0 = grid.Row(minY - lateral) - 1;
        int c1 = grid.Column(maxX + lateral) + 1, r1 = grid.Row(maxY + lateral) + 1;
        c0 = Math.Max(0, c0);
        r0 = Math.Max(0, r0);
        return new CellMask(grid, c0, r0, Math.Min(grid.Width - 1, c1) - c0 + 1, Math.Min(grid.Height - 1, r1) - r0 + 1);
    }

    public void Stamp(StreetPieces pieces, IEnumerable<ReachedInterval> intervals, double lateral)
    {
        foreach (var interval in intervals)
        {
            var points = pieces.Between(interval.Piece, interval.From, interval.To);
            for (int i = 0; i + 1 < points.Count; i++) StampSegment(points[i].X, points[i].Y, points[i + 1].X, points[i + 1].Y, lateral);
        }
    }

    private void StampSegment(double ax, double ay, double bx, double by, double lateral)
    {
        double cell = Grid.CellMeters, r2 = lateral * lateral;
        int c0 = Math.Max(Column0, Grid.Column(Math.Min(ax, bx) - lateral)), c1 = Math.Min(Column0 + Width - 1, Grid.Column(Math.Max(ax, bx) + lateral));
        int r0 = Math.Max(Row0, Grid.Row(Math.Min(ay, by) - lateral)), r1 = Math.Min(Row0 + Height - 1, Grid.Row(Math.Max(ay, by) + lateral));
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        for (int r = r0; r <= r1; r++)
        {
            double py = Grid.MinY + (r + 0.5) * cell;
            int rowOffset = (r - Row0) * Width - Column0;
            for (int c = c0; c <= c1; c++)
            {
                if (Cells[rowOffset + c] != 0) continue;
                double px = Grid.MinX + (c + 0.5) * cell;
                double t = len2 > 0 ? Math.Clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
                double ex = ax + t * dx - px, ey = ay + t * dy - py;
                if (ex * ex + ey * ey <= r2) Cells[rowOffset + c] = 1;
            }
        }
    }

    /// <summary>Covers every cell <paramref name="other"/> covers (both windows of the same grid).</summary>
    public void Include(CellMask other)
    {
        for (int r = 0; r < other.Height; r++)
        {
            int row = other.Row0 + r - Row0;
            if (row < 0 || row >= Height) continue;
            for (int c = 0; c < other.Width; c++)
            {
                int column = other.Column0 + c - Column0;
                if (column >= 0 && column < Width && other.Cells[r * other.Width + c] != 0) Cells[row * Width + column] = 1;
            }
        }
    }

    /// <summary>
    /// Fills one cell of every 2×2 block covered only on a diagonal, so that traced boundaries never touch themselves
    /// at a corner and polygons stay valid. Only ever adds cells, so nesting is kept.
    /// </summary>
    public void RemoveDiagonals()
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int r = 0; r + 1 < Height; r++)
            {
                for (int c = 0; c + 1 < Width; c++)
                {
                    int i = r * Width + c;
                    byte a = Cells[i], b = Cells[i + 1], d = Cells[i + Width], e = Cells[i + Width + 1];
                    if (a != 0 && e != 0 && b == 0 && d == 0) { Cells[i + 1] = 1; changed = true; }
                    else if (b != 0 && d != 0 && a == 0 && e == 0) { Cells[i] = 1; changed = true; }
                }
            }
        }
    }
}
