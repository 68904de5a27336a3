namespace Geo.Data.Features;

/// <summary>Where a layer's rows are already stored: a table of a GeoPackage file.</summary>
public sealed record LayerCopy(string GeoPackagePath, string Table);
