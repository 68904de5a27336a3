using Geo.Data.Features;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Checks the table and column names of layers before any of them reaches SQL: layer names are plain identifiers
/// that do not clash with the GeoPackage's own tables, column names are non-empty, unique and not fid/geom.
/// </summary>
internal static class GeoPackageNames
{
    private static readonly string[] ReservedPrefixes = { "gpkg_", "rtree_", "sqlite_" };

    public static void CheckAll(IReadOnlyList<FeatureLayer> layers)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            LayerName.Require(layer.Name);
            if (ReservedPrefixes.Any(p => layer.Name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                throw new GeoInputException(
                    $"layer name '{layer.Name}' is reserved in a GeoPackage (names starting with {string.Join(", ", ReservedPrefixes)})");
            }
            if (!seen.Add(layer.Name)) throw new GeoInputException($"layer '{layer.Name}' is given twice");
            CheckColumns(layer);
        }
    }

    /// <summary>A column name as SQL text; call only on names <see cref="CheckAll"/> has accepted.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static void CheckColumns(FeatureLayer layer)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fid", "geom" };
        foreach (var field in layer.Fields)
        {
            if (string.IsNullOrWhiteSpace(field.Name) || field.Name.Any(char.IsControl))
            {
                throw new GeoInputException($"layer '{layer.Name}' has a column with an empty or unprintable name");
            }
            if (!seen.Add(field.Name))
            {
                throw new GeoInputException(
                    $"layer '{layer.Name}' column '{field.Name}' is given twice or clashes with the fid/geom columns");
            }
        }
    }
}
