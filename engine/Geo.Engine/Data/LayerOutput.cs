using Geo.Data.Features;
using Geo.Data.Files;

namespace Geo.Data;

/// <summary>
/// Writes result layers where the user asked: a GeoPackage or PostGIS store (all layers in one atomic write), or
/// GeoJSON files — the first layer to the named file, each other one beside it as <c>name.layer.geojson</c>,
/// all renamed into place only once every one is written.
/// </summary>
public static class LayerOutput
{
    public static string Write(string target, IReadOnlyList<FeatureLayer> layers)
    {
        if (target.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase))
        {
            string full = Path.GetFullPath(target);
            string folder = Path.GetDirectoryName(full)!;
            if (!Directory.Exists(folder)) throw new GeoInputException($"cannot write {target}: folder {folder} does not exist");
            string stem = Path.Combine(folder, Path.GetFileNameWithoutExtension(full));
            var files = layers.Select((l, i) => (Layer: l, Path: i == 0 ? full : $"{stem}.{l.Name}.geojson")).ToList();
            var staged = new List<(string Temporary, string Final)>();
            try
            {
                foreach (var (layer, path) in files)
                {
                    string temporary = path + ".staged";
                    GeoJsonFile.Write(layer, temporary);
                    staged.Add((temporary, path));
                }
                foreach (var (temporary, final) in staged) File.Move(temporary, final, overwrite: true);
            }
            finally
            {
                foreach (var (temporary, _) in staged) if (File.Exists(temporary)) File.Delete(temporary);
            }
            return string.Join(", ", files.Select(f => Path.GetFileName(f.Path)));
        }
        using var store = FeatureStores.Open(target, create: true);
        store.WriteLayers(layers);
        return $"{store.Description} (layers {string.Join(", ", layers.Select(l => l.Name))})";
    }
}
