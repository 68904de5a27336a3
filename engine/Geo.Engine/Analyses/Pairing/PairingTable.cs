using System.Globalization;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Pairing;

/// <summary>The columns of the two-way table, shared by the 'pairing' layer and the CSV so they always agree.</summary>
public static class PairingTable
{
    public static readonly string[] Columns =
    {
        "station_id", "station_name", "street", "way_id", "snap_m", "side",
        "subdistrict", "subdistrict_id", "how", "rule", "travel_min",
    };

    public static object?[] Values(PairingResult result, PairingRow row)
    {
        var station = row.Station >= 0 ? result.Stations[row.Station] : null;
        var street = row.Station >= 0 ? result.StationStreets[row.Station] : null;
        var subdistrict = row.Subdistrict >= 0 ? result.Subdistricts[row.Subdistrict] : null;
        bool snapped = street is { IsSnapped: true };
        return new object?[]
        {
            station?.Id,
            station?.Name,
            snapped ? street!.StreetName : null,
            snapped ? street!.WayId : null,
            snapped ? Math.Round(street!.SnapMeters, 1) : null,
            snapped ? SideName(street!.Side) : null,
            subdistrict?.Name,
            subdistrict?.Id,
            HowName(row.How),
            row.Rule,
            row.Seconds is double s ? Math.Round(s / 60, 2) : null,
        };
    }

    public static string SideName(StreetSide side) => side switch
    {
        StreetSide.Left => "left",
        StreetSide.Right => "right",
        _ => "on",
    };

    public static string HowName(PairingHow how) => how.ToString().ToLowerInvariant();

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
