using System.Globalization;
using System.Text;

namespace Geo.Analyses.Coverage;

/// <summary>The audit's CSV tables: coverage per subdistrict, and blind spots ranked by uncovered demand.</summary>
public static class AuditTables
{
    public static string CoverageCsv(AuditResult audit)
    {
        var csv = new StringBuilder();
        csv.AppendLine("subdistrict_id,name,unit_kind,parent,held_pct,area_km2,covered_km2,area_pct,land_km2,served_land_km2,served_land_pct,street_km,covered_street_km,street_pct,uncovered_street_km,demand,covered_demand,demand_pct,stations_inside,paired_stations,worst_minutes");
        string kind = Geo.Data.Subdistricts.UnitKinds.Label(audit.UnitKind);
        foreach (var s in audit.Subdistricts)
        {
            csv.AppendLine(string.Join(',', s.Id.ToString(CultureInfo.InvariantCulture), Quote(s.Name), Quote(kind), Quote(s.Parent ?? ""), N(100 * s.HeldShare),
                N(s.AreaKm2), N(s.CoveredKm2), N(100 * s.AreaShare), N(s.LandKm2), N(s.ServedLandKm2), N(100 * s.LandShare),
                N(s.StreetKm), N(s.CoveredStreetKm), N(100 * s.StreetShare), N(s.UncoveredStreetKm), N(s.Demand), N(s.CoveredDemand), N(100 * s.DemandShare),
                s.StationsInside.ToString(CultureInfo.InvariantCulture), Quote(string.Join(' ', s.PairedStations)), s.WorstMinutes is { } w ? N(w) : ""));
        }
        return csv.ToString();
    }

    /// <summary>Every uncovered stretch: ranked blind spots first, then fragments (no rank).</summary>
    public static string BlindSpotsCsv(AuditResult audit)
    {
        var csv = new StringBuilder();
        csv.AppendLine("id,rank,kind,demand,street_km,lon,lat,subdistrict_id,subdistrict,nearest_station,nearest_minutes,beyond_break_minutes,no_route_km");
        foreach (var b in audit.AllBlindSpots)
        {
            csv.AppendLine(string.Join(',', b.Id, b.IsFragment ? "" : b.Rank.ToString(CultureInfo.InvariantCulture), b.IsFragment ? "fragment" : "blind spot",
                N(b.Demand), N(b.StreetKm), b.Lon.ToString("0.000000", CultureInfo.InvariantCulture), b.Lat.ToString("0.000000", CultureInfo.InvariantCulture),
                b.SubdistrictId?.ToString(CultureInfo.InvariantCulture) ?? "", Quote(b.Subdistrict ?? ""), Quote(b.NearestStationId ?? ""),
                b.NearestStationMinutes is { } m ? N(m) : "", b.BeyondBreakMinutes is { } beyond ? N(beyond) : "", N(b.NoRouteKm)));
        }
        return csv.ToString();
    }

    internal static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
