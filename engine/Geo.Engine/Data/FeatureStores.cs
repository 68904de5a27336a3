using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Data.PostGis;

namespace Geo.Data;

/// <summary>
/// Opens the store a user names: a GeoPackage path (<c>city.gpkg</c>) or a PostGIS schema
/// (<c>postgis:Host=…;Database=…[;Schema=geo]</c>).
/// </summary>
public static class FeatureStores
{
    public const string PostGisPrefix = "postgis:";

    public static bool IsPostGis(string spec) => spec.StartsWith(PostGisPrefix, StringComparison.OrdinalIgnoreCase);

    public static IFeatureStore Open(string spec, bool create)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new GeoInputException("no data store given: name a .gpkg file or postgis:<connection string>");
        if (IsPostGis(spec)) return new PostGisStore(PostGisLocation.Parse(spec));
        if (!spec.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            throw new GeoInputException($"'{spec}' is neither a .gpkg file nor postgis:<connection string>");
        }
        return new GeoPackageStore(spec, create);
    }
}
