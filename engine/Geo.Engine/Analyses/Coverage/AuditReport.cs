using System.Globalization;

namespace Geo.Analyses.Coverage;

/// <summary>The audit's headline figures as the terminal prints them (the written reports are drawn by Geo.Rendering).</summary>
public static class AuditReport
{
    public static IReadOnlyList<string> Headlines(AuditResult audit)
    {
        var t = audit.Totals;
        string m = audit.Minutes.ToString("0.##", CultureInfo.InvariantCulture);
        return new[]
        {
            Pct($"streets within {m} minutes ({audit.Profile})", t.StreetShare, $"{t.CoveredStreetKm:0.0} of {t.StreetKm:0.0} km"),
            Pct($"demand within {m} minutes", t.DemandShare, $"{t.CoveredDemand:0.#} of {t.Demand:0.#}, demand = {audit.DemandFrom}"),
            Pct($"area within {m} minutes", t.AreaShare, $"{t.CoveredKm2:0.00} of {t.AreaKm2:0.00} km²"),
            $"stations: {t.Stations} analysed, {t.Unsnapped} left out (from {audit.StationsFrom})",
            $"subdistricts: {audit.Subdistricts.Count} ({audit.SubdistrictsFrom}); blind spots: {audit.BlindSpots.Count}",
        };
    }

    private static string Pct(string what, double share, string detail) => $"{share:P1} of {what} ({detail})";
}
