using Geo.Data;
using Geo.Data.Features;
using Geo.Data.Files;
using Geo.Data.GeoPackage;

namespace Geo.Cli.Outputs;

/// <summary>
/// Where a verb's layers go (a GeoPackage, GeoJSON files, or a PostGIS schema), checked when the command starts
/// and written through the command's <see cref="OutputSet"/>, so the layers and any files beside them land together.
/// </summary>
internal sealed class LayerTarget
{
    private readonly OutputSet _outputs;
    private readonly string _given, _option;
    private readonly string? _staging;

    public LayerTarget(OutputSet outputs, string given, string option)
    {
        (_outputs, _given, _option) = (outputs, given, option);
        if (FeatureStores.IsPostGis(given))
        {
            outputs.PostGis(given, option);
            using var reachable = FeatureStores.Open(given, create: true);
            return;
        }
        if (given.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase))
        {
            _staging = outputs.File(given, option);
            return;
        }
        if (!given.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            outputs.Claim(given, option);
            throw new GeoInputException($"{option} '{given}' is neither a .gpkg or .geojson file nor postgis:<connection string>");
        }
        _staging = outputs.File(given, option, keepExisting: true);
        _ = new GeoPackageStore(_staging, create: true);
    }

    public bool IsPostGis => _staging is null;

    /// <summary>Writes the layers; returns what was written, for the "wrote …" line.</summary>
    public string Write(IReadOnlyList<FeatureLayer> layers)
    {
        if (_staging is null)
        {
            using var store = FeatureStores.Open(_given, create: true);
            store.WriteLayers(layers);
            return $"{store.Description} (tables {string.Join(", ", layers.Select(l => l.Name))})";
        }
        if (_given.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase))
        {
            string stem = _given[..^".geojson".Length];
            var names = new List<string>();
            for (int i = 0; i < layers.Count; i++)
            {
                string file = i == 0 ? _given : $"{stem}.{layers[i].Name}.geojson";
                GeoJsonFile.Write(layers[i], i == 0 ? _staging : _outputs.File(file, _option));
                names.Add(Path.GetFileName(file));
            }
            return string.Join(", ", names);
        }
        new GeoPackageStore(_staging, create: true).WriteLayers(layers);
        return $"{Path.GetFileName(_given)} (layers {string.Join(", ", layers.Select(l => l.Name))})";
    }
}
