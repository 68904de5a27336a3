namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// The square cells service areas are drawn on, aligned across the whole dataset (cell (0,0) has its lower-left
/// corner at <see cref="MinX"/>, <see cref="MinY"/> in graph metres), so every station's cells line up with every
/// other's and unions, nesting and overlap counts are exact cell operations.
/// </summary>
public sealed class CellGrid
{
    public CellGrid(double minX, double minY, double maxX, double maxY, double cellMeters)
    {
        CellMeters = cellMeters;
        MinX = Math.Floor(minX / cellMeters) * cellMeters;
        MinY = Math.Floor(minY / cellMeters) * cellMeters;
        Width = (int)Math.Ceiling((maxX - MinX) / cellMeters) + 1;
        Height = (int)Math.Ceiling((maxY - MinY) / cellMeters) + 1;
    }

    public double CellMeters { get; }
    public double MinX { get; }
    public double MinY { get; }
    public int Width { get; }
    public int Height { get; }
    public double CellAreaKm2 => CellMeters * CellMeters / 1e6;

    public int Column(double x) => Math.Clamp((int)Math.Floor((x - MinX) / CellMeters), 0, Width - 1);
    public int Row(double y) => Math.Clamp((int)Math.Floor((y - MinY) / CellMeters), 0, Height - 1);
}
