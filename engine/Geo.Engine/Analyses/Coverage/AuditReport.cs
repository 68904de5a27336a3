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
            Pct($"streets within {m} minutes ({audit.Profile}, {audit.DirectionText})", t.StreetShare, $"{t.CoveredStreetKm:0.0} of {t.StreetKm:0.0} km"),
            Pct($"demand within {m} minutes", t.DemandShare, $"{t.CoveredDemand:0.#} of {t.Demand:0.#}, demand = {audit.DemandFrom}"),
            Pct($"area within {m} minutes", t.AreaShare, $"{t.CoveredKm2:0.00} of {t.AreaKm2:0.00} km²"),
            $"stations: {t.Stations} analysed, {t.Unsnapped} left out (from {audit.StationsFrom})",
            $"subdistricts: {audit.Subdistricts.Count} ({audit.SubdistrictsFrom}); blind spots: {audit.BlindSpots.Count}; " +
                $"fragments under {audit.MinBlindSpotMeters:0} m: {audit.Fragments.Count} ({audit.Fragments.Sum(f => f.StreetKm):0.00} km)",
        };
    }

    /// <summary>The station nearest the blind spot's farthest spot, and how far beyond the break that is, e.g. "S3, +3.2 min beyond 15".</summary>
    public static string Nearest(BlindSpot b, AuditResult audit) =>
        b.BeyondBreakMinutes is { } beyond ? $"{b.NearestStationId}, +{beyond:0.0} min beyond {audit.Minutes:0.##}" : $"none within {AuditOptions.NearestStationHorizonMinutes:0} min";

    private static string Pct(string what, double share, string detail) => $"{share:P1} of {what} ({detail})";
}
