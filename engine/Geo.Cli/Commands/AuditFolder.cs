using Geo.Analyses.Coverage;
using Geo.Data.Features;
using Geo.Rendering.Reports;
using Geo.Rendering.Words;

namespace Geo.Cli.Commands;

/// <summary>The audit folder's files, written into the staging folder the command's outputs gave it.</summary>
internal static class AuditFolder
{
    public static readonly string[] Files = { "audit.gpkg", "coverage.csv", "cell_coverage.csv", "blind_spots.csv", "coverage.png", "report.md", "report.html" };

    /// <summary>What an audit folder written before folders were marked holds: Geo may replace such a folder.</summary>
    public static bool WrittenByEarlierGeo(string name) => Files.Contains(name);

    /// <param name="geoPackage">The folder's audit.gpkg, begun with the streets and the audit's layers by unit; <paramref name="layers"/> complete it.</param>
    public static void Write(string folder, AuditResult audit, AuditResult? byCell, AuditGeoPackage geoPackage, IReadOnlyList<FeatureLayer> layers, Task<byte[]> map, double flagBelow, OutputLanguage language)
    {
        geoPackage.Finish(layers);
        File.WriteAllText(Path.Combine(folder, "coverage.csv"), AuditTables.CoverageCsv(audit));
        if (byCell is not null) File.WriteAllText(Path.Combine(folder, "cell_coverage.csv"), AuditTables.CoverageCsv(byCell));
        File.WriteAllText(Path.Combine(folder, "blind_spots.csv"), AuditTables.BlindSpotsCsv(audit));
        File.WriteAllBytes(Path.Combine(folder, "coverage.png"), map.GetAwaiter().GetResult());
        File.WriteAllText(Path.Combine(folder, "report.md"), CoverageReport.Markdown(audit, "coverage.png", flagBelow, language));
        File.WriteAllText(Path.Combine(folder, "report.html"), CoverageReport.Html(audit, "coverage.png", flagBelow, language));
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
            stream.Flush(flushToDisk: true);
        }
    }
}
