using System.Globalization;
using System.Text;
using Geo.Coordinates;
using Geo.Data.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace Geo.Data.Files;

/// <summary>
/// Reads an ESRI Shapefile (.shp with its .dbf, and .prj and .cpg when present) into a lon/lat layer. Attribute
/// text is decoded with the .cpg's code page (GBK, GB18030, UTF-8 …), which Chinese shapefiles usually need;
/// without a .cpg the .dbf's language byte decides. A projected .prj is unprojected; a missing .prj means lon/lat.
/// </summary>
public static class ShapefileLayer
{
    static ShapefileLayer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsShapefile(string spec) => spec.EndsWith(".shp", StringComparison.OrdinalIgnoreCase);

    /// <summary>The layer in WGS84 lon/lat; <paramref name="crs"/> (gcj02, bd09 …) applies on top of what the .prj says.</summary>
    public static FeatureLayer Read(string path, InputCrs crs)
    {
        if (!File.Exists(path)) throw new GeoInputException($"{path}: no such file");
        string dbf = Path.ChangeExtension(path, ".dbf");
        if (!File.Exists(dbf)) throw new GeoInputException($"{path}: its attribute file {Path.GetFileName(dbf)} is missing");
        var fromPrj = ProjectionOf(path);
        var options = new ShapefileReaderOptions { Encoding = EncodingOf(path), Factory = new GeometryFactory(new PrecisionModel(), 4326) };
        NetTopologySuite.Features.Feature[] features;
        try
        {
            features = Shapefile.ReadAllFeatures(path, options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FileLoadException or NotSupportedException or ArgumentException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new GeoInputException($"{path}: not a readable shapefile ({e.Message})");
        }
        var names = features.Length == 0 ? Array.Empty<string>() : features[0].Attributes.GetNames();
        var fields = names.Select(n => new FieldDefinition(n, TypeOf(features.Select(f => f.Attributes[n])))).ToList();
        var kind = features.Any(f => f.Geometry is Polygon or MultiPolygon) ? GeometryKind.MultiPolygon : GeometryKind.Geometry;
        var layer = new FeatureLayer(Path.GetFileNameWithoutExtension(path), kind, fields);
        for (int i = 0; i < features.Length; i++)
        {
            var f = features[i];
            if (f.Geometry is null || f.Geometry.IsEmpty) throw new GeoInputException($"{path}: record {i + 1} has no geometry");
            var lonLat = crs.ToWgs84(fromPrj.ToWgs84(f.Geometry));
            layer.Add(lonLat, fields.Select(d => Value(f.Attributes[d.Name], d.Type)).ToArray());
        }
        return layer;
    }

    private static InputCrs ProjectionOf(string path)
    {
        string prj = Path.ChangeExtension(path, ".prj");
        return File.Exists(prj) ? InputCrs.FromWkt(File.ReadAllText(prj), Path.GetFileName(prj)) : InputCrs.Wgs84;
    }

    private static Encoding? EncodingOf(string path)
    {
        string cpg = Path.ChangeExtension(path, ".cpg");
        if (!File.Exists(cpg)) return null;
        string name = File.ReadAllText(cpg).Trim();
        if (name.Length == 0) return null;
        try
        {
            return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int page) ? Encoding.GetEncoding(page) : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new GeoInputException($"{cpg}: unknown code page '{name}' (e.g. UTF-8, GBK, GB18030, 936)");
        }
    }

    private static FieldType TypeOf(IEnumerable<object?> values)
    {
        var seen = values.Where(v => v is not null).ToList();
        if (seen.Count > 0 && seen.All(v => v is int or long or short or byte)) return FieldType.Integer;
        if (seen.Count > 0 && seen.All(v => v is int or long or short or byte or double or float or decimal)) return FieldType.Real;
        if (seen.Count > 0 && seen.All(v => v is bool)) return FieldType.Boolean;
        return FieldType.Text;
    }

    private static object? Value(object? value, FieldType type) => value switch
    {
        null => null,
        _ when type == FieldType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ when type == FieldType.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ when type == FieldType.Boolean => (bool)value,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => s.Trim(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
