namespace Geo.Data.Features;

/// <summary>
/// A place layers live: a GeoPackage file or a PostGIS schema. Every analysis reads and writes through this,
/// so it runs the same on a file or on a database.
/// </summary>
public interface IFeatureStore : IDisposable
{
    /// <summary>How the store is named to the user in messages ("city.gpkg", "postgis:geo").</summary>
    string Description { get; }

    IReadOnlyList<string> LayerNames();

    bool HasLayer(string name);

    /// <summary>Reads a whole layer; throws <see cref="GeoInputException"/> naming the layer when it is absent.</summary>
    FeatureLayer ReadLayer(string name);

    /// <summary>
    /// Writes all layers at once, replacing layers of the same name: either every layer is written or,
    /// on any failure, none is and the store is as it was.
    /// </summary>
    void WriteLayers(IReadOnlyList<FeatureLayer> layers);
}
