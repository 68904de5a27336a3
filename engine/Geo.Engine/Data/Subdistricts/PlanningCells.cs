using System.Globalization;
using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Data.Subdistricts;

/// <summary>
/// Square planning cells (网格) over the streets, for data without subdistrict boundaries: one cell wherever a
/// street piece passes through, so every metre of street belongs to some cell. A planning cell of empty fields has
/// nobody to serve and is left out.
/// </summary>
public static class PlanningCells
{
    /// <summary>Cells of <paramref name="meters"/> aligned on the streets' south-west corner, in lon/lat, numbered row by row from the south.</summary>
    public static List<Subdistrict> Over(StreetGraph graph, double meters)
    {
        var pieces = graph.Pieces;
        double minX = pieces.PointX.Min(), maxX = pieces.PointX.Max(), minY = pieces.PointY.Min(), maxY = pieces.PointY.Max();
        int columns = Math.Max(1, (int)Math.Ceiling((maxX - minX) / meters)), rows = Math.Max(1, (int)Math.Ceiling((maxY - minY) / meters));
        var crossed = Crossed(pieces, minX, minY, meters, columns, rows);
        var cells = new List<Subdistrict>();
        var factory = new GeometryFactory();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (!crossed[r * columns + c]) continue;
                var square = factory.ToGeometry(new Envelope(minX + c * meters, minX + (c + 1) * meters, minY + r * meters, minY + (r + 1) * meters));
                cells.Add(new Subdistrict(r * columns + c + 1, Name(r, c), 0, graph.ToLonLat(square)));
            }
        }
        return cells;
    }

    /// <summary>"网格 B-3": rows lettered from the south (A…Z, then A1…), columns numbered from the west.</summary>
    public static string Name(int row, int column) =>
        $"网格 {(char)('A' + row % 26)}{(row >= 26 ? (row / 26).ToString(CultureInfo.InvariantCulture) : "")}-{column + 1}";

    /// <summary>
    /// Which cells of a grid (row-major, <paramref name="columns"/> × <paramref name="rows"/> cells of
    /// <paramref name="size"/> metres from <paramref name="minX"/>, <paramref name="minY"/>) the pieces pass through:
    /// each segment is walked from cell to cell across the grid lines it crosses, not only where its points fall.
    /// </summary>
    public static bool[] Crossed(StreetPieces pieces, double minX, double minY, double size, int columns, int rows)
    {
        var crossed = new bool[rows * columns];
        for (int s = 0; s < pieces.Count; s++)
        {
            int first = pieces.FirstPoint[s], last = pieces.FirstPoint[s + 1] - 1;
            for (int i = first; i < last; i++)
            {
                MarkSegment(crossed, columns, rows,
                    (pieces.PointX[i] - minX) / size, (pieces.PointY[i] - minY) / size,
                    (pieces.PointX[i + 1] - minX) / size, (pieces.PointY[i + 1] - minY) / size);
            }
        }
        return crossed;
    }

    /// <summary>Marks the cells a segment passes through, in cell units (Amanatides and Woo's grid walk).</summary>
    private static void MarkSegment(bool[] crossed, int columns, int rows, double u0, double v0, double u1, double v1)
    {
        int c = CellOf(u0, columns), r = CellOf(v0, rows);
        int endC = CellOf(u1, columns), endR = CellOf(v1, rows);
        crossed[r * columns + c] = true;
        double du = u1 - u0, dv = v1 - v0;
        int stepC = Math.Sign(du), stepR = Math.Sign(dv);
        double nextC = stepC == 0 ? double.PositiveInfinity : ((stepC > 0 ? c + 1 : c) - u0) / du;
        double nextR = stepR == 0 ? double.PositiveInfinity : ((stepR > 0 ? r + 1 : r) - v0) / dv;
        double deltaC = stepC == 0 ? double.PositiveInfinity : 1 / Math.Abs(du);
        double deltaR = stepR == 0 ? double.PositiveInfinity : 1 / Math.Abs(dv);
        // One step per grid line crossed, towards the end cell; through a grid corner both lines are crossed at once
        // (the diagonal neighbours are only touched there).
        while (c != endC || r != endR)
        {
            bool crossC = c != endC && (r == endR || nextC <= nextR);
            bool crossR = r != endR && (c == endC || nextR <= nextC);
            if (crossC) { c += stepC; nextC += deltaC; }
            if (crossR) { r += stepR; nextR += deltaR; }
            crossed[r * columns + c] = true;
        }
    }

    private static int CellOf(double u, int count) => Math.Clamp((int)Math.Floor(u), 0, count - 1);
}
