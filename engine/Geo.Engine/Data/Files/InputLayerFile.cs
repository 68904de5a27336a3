using Geo.Coordinates;
using Geo.Data.Features;

namespace Geo.Data.Files;

/// <summary>
/// A layer the user hands over as a file (GeoJSON, CSV with lon/lat, ESRI Shapefile), in lon/lat after converting
/// from the CRS it comes in; boundaries are repaired on the way (repeated points, self-touching rings).
/// </summary>
public static class InputLayerFile
{
    public static bool IsFile(string spec) =>
        spec.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || spec.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || spec.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || ShapefileLayer.IsShapefile(spec);

    public static FeatureLayer Read(string spec, InputCrs crs)
    {
        if (ShapefileLayer.IsShapefile(spec)) return ShapefileLayer.Read(spec, crs);
        var layer = spec.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? CsvPointFile.Read(spec) : GeoJsonFile.Read(spec);
        if (crs.IsWgs84 && layer.GeometryKind == GeometryKind.Point) return layer;
        var converted = new FeatureLayer(layer.Name, layer.GeometryKind, layer.Fields);
        foreach (var f in layer.Features) converted.Features.Add(f with { Geometry = crs.ToWgs84(f.Geometry) });
        return converted;
    }
}
