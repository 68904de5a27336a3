using Geo.Analyses.Coverage;
using Geo.Data.Features;
using Geo.Data.GeoPackage;

namespace Geo.Cli.Commands;

/// <summary>
/// Writes the audit folder whole or not at all: everything goes into a staging folder beside the target, which
/// replaces the target only when complete.
/// </summary>
internal static class AuditFolder
{
    public static void Write(string folder, AuditResult audit, AuditResult? byCell, IReadOnlyList<FeatureLayer> layers, byte[] map, double flagBelow)
    {
        string target = Path.GetFullPath(folder);
        string parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar))!;
        if (!Directory.Exists(parent)) throw new GeoInputException($"cannot write {folder}: folder {parent} does not exist");
        if (File.Exists(target)) throw new GeoInputException($"cannot write the audit to {folder}: it is a file, not a folder");
        string staging = target.TrimEnd(Path.DirectorySeparatorChar) + $".partial-{Guid.NewGuid():N}";
        string? previous = null;
        try
        {
            Directory.CreateDirectory(staging);
            new GeoPackageStore(Path.Combine(staging, "audit.gpkg"), create: true).WriteLayers(layers);
            File.WriteAllText(Path.Combine(staging, "coverage.csv"), AuditTables.CoverageCsv(audit));
            if (byCell is not null) File.WriteAllText(Path.Combine(staging, "cell_coverage.csv"), AuditTables.CoverageCsv(byCell));
            File.WriteAllText(Path.Combine(staging, "blind_spots.csv"), AuditTables.BlindSpotsCsv(audit));
            File.WriteAllBytes(Path.Combine(staging, "coverage.png"), map);
            File.WriteAllText(Path.Combine(staging, "report.md"), AuditReport.Markdown(audit, "coverage.png", flagBelow));
            File.WriteAllText(Path.Combine(staging, "report.html"), AuditReport.Html(audit, "coverage.png", flagBelow));
            if (Directory.Exists(target))
            {
                previous = target.TrimEnd(Path.DirectorySeparatorChar) + $".previous-{Guid.NewGuid():N}";
                Directory.Move(target, previous);
            }
            Directory.Move(staging, target);
        }
        catch
        {
            if (previous is not null && !Directory.Exists(target)) Directory.Move(previous, target);
            throw;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (previous is not null && Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        }
    }
}
