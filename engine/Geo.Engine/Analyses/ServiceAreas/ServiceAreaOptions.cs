using System.Globalization;
using Geo.Analyses.Reach;
using Geo.Streets;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// What to draw: the time breaks (minutes, ascending), how far a polygon reaches sideways from a reached street
/// (null: the profile's own lateral distance), straight-line circles instead of the network, and whether to work out
/// the overlap layer (how many stations reach each part of the covered area), and which way the break is measured.
/// </summary>
public sealed record ServiceAreaOptions(IReadOnlyList<double> Minutes, double? LateralMeters = null, bool Circle = false, bool Overlap = true, double? CellMeters = null,
    TravelDirection Direction = TravelDirection.ToStation)
{
    /// <summary>Network polygons are drawn on square cells this fraction of the lateral distance wide, unless set.</summary>
    public const double CellsPerLateral = 4;

    public double Cell(double lateral) => CellMeters ?? lateral / CellsPerLateral;

    /// <summary>
    /// Whether network polygons copy whole pieces' cells worked out once (<see cref="Cells.PieceStamps"/>) rather
    /// than stamp them station by station: the same cells either way; null leaves it to what the first stations reach.
    /// </summary>
    internal bool? CopyWholePieces { get; init; }

    public void Validate()
    {
        if (Minutes.Count == 0) throw new GeoInputException("give at least one time break in minutes, e.g. 5,10,15");
        foreach (var m in Minutes) Reachability.ValidateMinutes(m);
        for (int i = 1; i < Minutes.Count; i++)
        {
            if (Minutes[i] <= Minutes[i - 1])
            {
                throw new GeoInputException($"time breaks must ascend without repeats, got {string.Join(",", Minutes.Select(m => m.ToString(CultureInfo.InvariantCulture)))}");
            }
        }
        if (LateralMeters is { } lateral) Geo.Streets.TravelProfile.RequireLateral(lateral, "--lateral (the lateral distance)");
        if (CellMeters is { } cell && (!double.IsFinite(cell) || cell < 1 || cell > 200))
        {
            throw new GeoInputException($"the cell size must be between 1 and 200 m, got {cell}");
        }
    }

    public static IReadOnlyList<double> ParseMinutes(string text)
    {
        var result = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new GeoInputException($"--minutes '{text}': '{part}' is not a number");
            }
            result.Add(value);
        }
        return result;
    }
}
