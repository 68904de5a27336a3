using System.Text.Json;
using Geo.Data.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.Data.Files;

/// <summary>
/// A GeoJSON FeatureCollection file (RFC 7946: lon/lat on WGS 84) as one layer named after the file.
/// Column types are worked out from the values; writing replaces the file only once it is complete.
/// </summary>
public static class GeoJsonFile
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions GeometryOptions = new()
    {
        Converters = { new GeoJsonConverterFactory(Wgs84, false, "id", RingOrientationOption.EnforceRfc9746) },
    };

    private static readonly string[] LonLatCrsNames =
    {
        "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84", "CRS84",
        "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:4326",
    };

    public static FeatureLayer Read(string path)
    {
        using var document = Parse(path);
        string file = Path.GetFileName(path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !IsString(root, "type", "FeatureCollection"))
        {
            throw new GeoInputException($"{file} is not a GeoJSON FeatureCollection");
        }
        RequireLonLat(root, file);
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new GeoInputException($"{file} has no \"features\" array");
        }

        var types = new GeoJsonFieldTypes();
        var rows = new List<(Geometry Geometry, List<(string Name, JsonElement Value)> Properties)>();
        foreach (var feature in features.EnumerateArray())
        {
            string where = $"{file} feature {rows.Count + 1}";
            if (feature.ValueKind != JsonValueKind.Object) throw new GeoInputException($"{where} is not a JSON object");
            var properties = Properties(feature, where);
            foreach (var (name, value) in properties) types.Observe(name, value);
            rows.Add((ReadGeometry(feature, where), properties));
        }

        var fields = types.Fields();
        var layer = new FeatureLayer(Path.GetFileNameWithoutExtension(path), KindOf(rows.Select(r => r.Geometry)), fields);
        var columns = fields.Select((f, i) => (f.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        foreach (var (geometry, properties) in rows)
        {
            var values = new object?[fields.Count];
            foreach (var (name, value) in properties)
            {
                int c = columns[name];
                values[c] = GeoJsonFieldTypes.Value(value, fields[c].Type);
            }
            layer.Features.Add(new Feature(geometry, values));
        }
        return layer;
    }

    public static void Write(FeatureLayer layer, string path)
    {
        if (layer.Srid != 4326)
        {
            throw new GeoInputException($"layer '{layer.Name}' is in EPSG:{layer.Srid}; GeoJSON holds lon/lat on WGS 84 (EPSG:4326) only");
        }
        AtomicFile.Write(path, stream =>
        {
            // Chinese names stay readable in the file; only characters unsafe in HTML are escaped.
            var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
            using var writer = new Utf8JsonWriter(stream, options);
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteString("name", layer.Name);
            writer.WriteStartArray("features");
            for (int i = 0; i < layer.Features.Count; i++)
            {
                var geometry = LayerGeometry.Conform(layer, i);
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteStartObject("properties");
                for (int c = 0; c < layer.Fields.Count; c++)
                {
                    writer.WritePropertyName(layer.Fields[c].Name);
                    WriteValue(writer, FieldValue.Checked(layer, i, c));
                }
                writer.WriteEndObject();
                writer.WritePropertyName("geometry");
                JsonSerializer.Serialize(writer, geometry, GeometryOptions);
                writer.WriteEndObject();
                if (writer.BytesPending > 1 << 16) writer.Flush();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static JsonDocument Parse(string path)
    {
        if (!File.Exists(path)) throw new GeoInputException($"{path} does not exist");
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new GeoInputException(
                $"{Path.GetFileName(path)} is not valid JSON: error at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}", e);
        }
    }

    /// <summary>Refuses a legacy "crs" member naming anything but lon/lat WGS 84: Geo would otherwise misplace every feature.</summary>
    private static void RequireLonLat(JsonElement root, string file)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null) return;
        string? name = crs.ValueKind == JsonValueKind.Object
            && crs.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
        if (name is null || !LonLatCrsNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new GeoInputException(
                $"{file} declares the CRS {name ?? crs.GetRawText()}; Geo reads GeoJSON in lon/lat on WGS 84 (EPSG:4326) only - reproject it first");
        }
    }

    /// <summary>The feature's properties in order, with the feature's "id" member as an "id" property unless one exists.</summary>
    private static List<(string Name, JsonElement Value)> Properties(JsonElement feature, string where)
    {
        var result = new List<(string, JsonElement)>();
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind != JsonValueKind.Null)
        {
            if (properties.ValueKind != JsonValueKind.Object) throw new GeoInputException($"{where}: \"properties\" is not an object");
            foreach (var property in properties.EnumerateObject())
            {
                if (result.Any(r => r.Item1 == property.Name)) throw new GeoInputException($"{where}: property '{property.Name}' is given twice");
                result.Add((property.Name, property.Value));
            }
        }
        if (feature.TryGetProperty("id", out var id) && !result.Any(r => r.Item1 == "id")) result.Add(("id", id));
        return result;
    }

    private static Geometry ReadGeometry(JsonElement feature, string where)
    {
        if (!feature.TryGetProperty("geometry", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            throw new GeoInputException($"{where} has no geometry");
        }
        Geometry? geometry;
        try
        {
            geometry = element.Deserialize<Geometry>(GeometryOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new GeoInputException($"{where} has an invalid geometry: {e.Message}", e);
        }
        if (geometry is null || geometry.IsEmpty) throw new GeoInputException($"{where} has an empty geometry");
        var infinite = geometry.Coordinates.FirstOrDefault(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y));
        if (infinite is not null) throw new GeoInputException($"{where}: coordinate [{infinite.X}, {infinite.Y}] is not a finite number (too large for a coordinate)");
        geometry.SRID = 4326;
        return geometry;
    }

    /// <summary>The one kind every geometry fits: single parts mixed with multi-parts count as the multi kind.</summary>
    private static GeometryKind KindOf(IEnumerable<Geometry> geometries)
    {
        var kinds = geometries.Select(g => g switch
        {
            Point => GeometryKind.Point,
            LineString => GeometryKind.LineString,
            Polygon => GeometryKind.Polygon,
            MultiPolygon => GeometryKind.MultiPolygon,
            MultiLineString => GeometryKind.MultiLineString,
            _ => GeometryKind.Geometry,
        }).ToHashSet();
        if (kinds.Count == 1) return kinds.First();
        if (kinds.SetEquals(new[] { GeometryKind.Polygon, GeometryKind.MultiPolygon })) return GeometryKind.MultiPolygon;
        if (kinds.SetEquals(new[] { GeometryKind.LineString, GeometryKind.MultiLineString })) return GeometryKind.MultiLineString;
        return GeometryKind.Geometry;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case long l: writer.WriteNumberValue(l); break;
            // Whole reals keep a ".0" so reading the file back still sees a Real column.
            case double d: writer.WriteRawValue(RealText(d)); break;
            case bool b: writer.WriteBooleanValue(b); break;
            default: writer.WriteStringValue((string)value); break;
        }
    }

    private static string RealText(double value)
    {
        string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny(".Ee") >= 0 ? text : text + ".0";
    }

    private static bool IsString(JsonElement element, string property, string expected) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == expected;
}
