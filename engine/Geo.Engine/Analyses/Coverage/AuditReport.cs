using System.Globalization;
using System.Net;
using System.Text;

namespace Geo.Analyses.Coverage;

/// <summary>The audit's headline report in Markdown and HTML: shares inside the break, subdistricts below the bar, top blind spots.</summary>
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

    public static string Markdown(AuditResult audit, string? mapImage, double flagBelow)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Coverage audit: {audit.Minutes:0.##}-minute {audit.Profile} service circles").AppendLine();
        foreach (var h in Headlines(audit)) md.AppendLine($"- {h}");
        md.AppendLine();
        if (mapImage is not null) md.AppendLine($"![coverage map]({mapImage})").AppendLine();
        var below = Below(audit, flagBelow);
        md.AppendLine($"## {Geo.Data.Subdistricts.UnitKinds.Label(audit.UnitKind)} below {flagBelow:P0} of streets covered ({below.Count})").AppendLine();
        md.AppendLine("| unit | streets covered | served land | demand covered | stations inside | uncovered km |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in below) md.AppendLine($"| {s.Name} | {s.StreetShare:P1} | {s.LandShare:P1} | {s.DemandShare:P1} | {s.StationsInside} | {s.UncoveredStreetKm:0.00} |");
        md.AppendLine().AppendLine($"## Blind spots ({audit.BlindSpots.Count}), ranked by uncovered demand").AppendLine();
        md.AppendLine("| rank | id | demand | street km | where (lon, lat) | subdistrict | nearest station |").AppendLine("|---:|---|---:|---:|---|---|---|");
        foreach (var b in audit.BlindSpots)
        {
            md.AppendLine($"| {b.Rank} | {b.Id} | {b.Demand:0.##} | {b.StreetKm:0.00} | {b.Lon:0.00000}, {b.Lat:0.00000} | {b.Subdistrict ?? "—"} | {Nearest(b, audit)} |");
        }
        if (audit.Warnings.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var w in audit.Warnings.Take(50)) md.AppendLine($"- {w}");
        }
        md.AppendLine().AppendLine("Map data © OpenStreetMap contributors (ODbL).");
        return md.ToString();
    }

    public static string Html(AuditResult audit, string? mapImage, double flagBelow)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.AppendLine("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Coverage audit</title>");
        html.AppendLine("<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right}img{max-width:100%}</style></head><body>");
        html.AppendLine($"<h1>Coverage audit: {audit.Minutes:0.##}-minute {E(audit.Profile)} service circles</h1><ul>");
        foreach (var h in Headlines(audit)) html.AppendLine($"<li>{E(h)}</li>");
        html.AppendLine("</ul>");
        if (mapImage is not null) html.AppendLine($"<img src=\"{E(mapImage)}\" alt=\"coverage map\">");
        var below = Below(audit, flagBelow);
        html.AppendLine($"<h2>{E(Geo.Data.Subdistricts.UnitKinds.Label(audit.UnitKind))} below {flagBelow:P0} of streets covered ({below.Count})</h2><table><tr><th>unit</th><th>streets covered</th><th>served land</th><th>demand covered</th><th>stations inside</th><th>uncovered km</th></tr>");
        foreach (var s in below)
        {
            html.AppendLine($"<tr><td>{E(s.Name)}</td><td class=n>{s.StreetShare:P1}</td><td class=n>{s.LandShare:P1}</td><td class=n>{s.DemandShare:P1}</td><td class=n>{s.StationsInside}</td><td class=n>{s.UncoveredStreetKm:0.00}</td></tr>");
        }
        html.AppendLine($"</table><h2>Blind spots ({audit.BlindSpots.Count}), ranked by uncovered demand</h2><table><tr><th>rank</th><th>id</th><th>demand</th><th>street km</th><th>where (lon, lat)</th><th>subdistrict</th><th>nearest station</th></tr>");
        foreach (var b in audit.BlindSpots)
        {
            html.AppendLine($"<tr><td class=n>{b.Rank}</td><td>{b.Id}</td><td class=n>{b.Demand:0.##}</td><td class=n>{b.StreetKm:0.00}</td><td>{b.Lon:0.00000}, {b.Lat:0.00000}</td><td>{E(b.Subdistrict ?? "—")}</td><td>{E(Nearest(b, audit))}</td></tr>");
        }
        html.AppendLine("</table>");
        if (audit.Warnings.Count > 0)
        {
            html.AppendLine("<h2>Notes</h2><ul>");
            foreach (var w in audit.Warnings.Take(50)) html.AppendLine($"<li>{E(w)}</li>");
            html.AppendLine("</ul>");
        }
        html.AppendLine("<p>Map data © OpenStreetMap contributors (ODbL).</p></body></html>");
        return html.ToString();
    }

    private static List<SubdistrictCoverage> Below(AuditResult audit, double flagBelow) =>
        audit.Subdistricts.Where(s => s.StreetKm > 0 && s.StreetShare < flagBelow).OrderBy(s => s.StreetShare).ToList();

    /// <summary>The station nearest the blind spot's farthest spot, and how far beyond the break that is, e.g. "S3, +3.2 min beyond 15".</summary>
    public static string Nearest(BlindSpot b, AuditResult audit) =>
        b.BeyondBreakMinutes is { } beyond ? $"{b.NearestStationId}, +{beyond:0.0} min beyond {audit.Minutes:0.##}" : $"none within {AuditOptions.NearestStationHorizonMinutes:0} min";

    private static string Pct(string what, double share, string detail) => $"{share:P1} of {what} ({detail})";
}
