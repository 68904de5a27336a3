using System.Text.Json;
using Geo.Data.Features;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.Data.Files;

/// <summary>GeoJSON (RFC 7946, lon/lat) files as layers: read a FeatureCollection, write one atomically.</summary>
public static class GeoJsonFile
{
    private static JsonSerializerOptions Options(GeometryFactory? factory = null) => new()
    {
        Converters = { new GeoJsonConverterFactory(factory ?? new GeometryFactory(new PrecisionModel(), 4326)) },
    };

    public static FeatureLayer Read(string path)
    {
        if (!File.Exists(path)) throw new GeoInputException($"{path} does not exist");
        FeatureCollection? collection;
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.TryGetProperty("crs", out var crs) && !IsLonLat(crs))
            {
                throw new GeoInputException($"{path}: its 'crs' member names {crs.GetRawText()}; GeoJSON must be lon/lat (EPSG:4326, RFC 7946)");
            }
            collection = document.RootElement.Deserialize<FeatureCollection>(Options());
        }
        catch (JsonException e)
        {
            throw new GeoInputException($"{path}: malformed GeoJSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message.Split('.')[0]}", e);
        }
        if (collection is null) throw new GeoInputException($"{path} is not a GeoJSON FeatureCollection");

        var names = new List<string>();
        foreach (var feature in collection)
        {
            if (feature.Attributes is null) continue;
            foreach (var name in feature.Attributes.GetNames()) if (!names.Contains(name)) names.Add(name);
        }
        var fields = names.Select(n => new FieldDefinition(n, InferType(collection.Select(f => f.Attributes is { } a && a.Exists(n) ? a[n] : null)))).ToArray();
        var layer = new FeatureLayer(Path.GetFileNameWithoutExtension(path), GeometryKind.Geometry, fields);
        int index = 0;
        foreach (var feature in collection)
        {
            index++;
            if (feature.Geometry is null || feature.Geometry.IsEmpty)
            {
                throw new GeoInputException($"{path}: feature {index} has no geometry");
            }
            feature.Geometry.SRID = 4326;
            var values = fields.Select(f => feature.Attributes is { } a && a.Exists(f.Name) ? Normalise(a[f.Name], f.Type) : null).ToArray();
            layer.Features.Add(new Geo.Data.Features.Feature(feature.Geometry, values));
        }
        return layer;
    }

    /// <summary>Writes a layer as a FeatureCollection: into a temporary file first, renamed when complete.</summary>
    public static void Write(string path, FeatureLayer layer)
    {
        var collection = new FeatureCollection();
        foreach (var f in layer.Features)
        {
            var attributes = new AttributesTable();
            for (int i = 0; i < layer.Fields.Count; i++) attributes.Add(layer.Fields[i].Name, f.Values[i]);
            collection.Add(new NetTopologySuite.Features.Feature(f.Geometry, attributes));
        }
        string temporary = path + $".{Guid.NewGuid():N}.partial";
        try
        {
            using (var stream = File.Create(temporary))
            {
                JsonSerializer.Serialize(stream, collection, Options());
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static bool IsLonLat(JsonElement crs)
    {
        string text = crs.GetRawText();
        return text.Contains("CRS84", StringComparison.OrdinalIgnoreCase) || text.Contains("4326", StringComparison.Ordinal);
    }

    private static FieldType InferType(IEnumerable<object?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        if (present.Count == 0) return FieldType.Text;
        if (present.All(v => v is bool)) return FieldType.Boolean;
        if (present.All(v => v is long or int)) return FieldType.Integer;
        if (present.All(v => v is long or int or double or decimal or float)) return FieldType.Real;
        return FieldType.Text;
    }

    private static object? Normalise(object? value, FieldType type) => value switch
    {
        null => null,
        _ when type == FieldType.Integer => Convert.ToInt64(value),
        _ when type == FieldType.Real => Convert.ToDouble(value),
        _ when type == FieldType.Boolean => (bool)value,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
