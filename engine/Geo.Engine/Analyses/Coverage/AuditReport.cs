using System.Globalization;

namespace Geo.Analyses.Coverage;

/// <summary>The audit's headline figures as the terminal prints them (the written reports are drawn by Geo.Rendering).</summary>
public static class AuditReport
{
    public static IReadOnlyList<string> Headlines(AuditResult audit)
    {
        var t = audit.Totals;
        string m = audit.Minutes.ToString("0.##", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            audit.StationsFrom,
            Pct($"streets within {m} minutes ({audit.Profile}, {audit.DirectionText})", t.StreetShare, $"{t.CoveredStreetKm:0.0} of {t.StreetKm:0.0} km"),
            $"  {StreetMeaning(audit)}",
            Pct($"served land within {m} minutes", t.LandShare, $"{t.ServedLandKm2:0.00} of {t.LandKm2:0.00} km² of city blocks"),
            $"  {LandMeaning}",
        };
        if (!audit.DemandFrom.StartsWith("street length", StringComparison.Ordinal))
        {
            lines.Add(Pct($"demand within {m} minutes", t.DemandShare, $"{t.CoveredDemand:0.#} of {t.Demand:0.#}"));
            lines.Add($"  demand = {audit.DemandFrom}, counted where a point lies inside the service areas");
        }
        lines.Add($"stations: {t.Stations} analysed, {t.Unsnapped} left out");
        int partial = audit.Subdistricts.Count(s => s.HeldShare < 0.995);
        lines.Add($"reported by {audit.Subdistricts.Count} {Geo.Data.Subdistricts.UnitKinds.Label(audit.UnitKind)} ({audit.SubdistrictsFrom})" +
            (partial > 0 ? $", {partial} of them cut by the edge of the street data (their figures are of the part it holds)" : "") +
            $"; blind spots: {audit.BlindSpots.Count}; fragments under {audit.MinBlindSpotMeters:0} m: {audit.Fragments.Count} ({audit.Fragments.Sum(f => f.StreetKm):0.00} km)");
        return lines;
    }

    /// <summary>What the served-land figure measures, in one line.</summary>
    public const string LandMeaning = "served land = city blocks (land ringed by streets), weighted by area, each counted by the share of its frontage a station reaches";

    public static string StreetMeaning(AuditResult audit) =>
        $"street length where a rider ({audit.Profile}, {audit.DirectionText}) and some station are within {audit.Minutes.ToString("0.##", CultureInfo.InvariantCulture)} minutes";

    /// <summary>The station nearest the blind spot's farthest spot, and how far beyond the break that is, e.g. "S3, +3.2 min beyond 15".</summary>
    public static string Nearest(BlindSpot b, AuditResult audit) =>
        (b.BeyondBreakMinutes is { } beyond ? $"{b.NearestStationId}, +{beyond:0.0} min beyond {audit.Minutes:0.##}" : $"none within {AuditOptions.NearestStationHorizonMinutes:0} min")
        + (b.NoRouteKm > 0 && b.BeyondBreakMinutes is not null ? $" ({b.NoRouteKm:0.00} km of it with no route to a station within {AuditOptions.NearestStationHorizonMinutes:0} min)" : "");

    private static string Pct(string what, double share, string detail) => $"{share:P1} of {what} ({detail})";
}
