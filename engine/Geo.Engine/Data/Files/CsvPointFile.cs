using System.Globalization;
using System.Text;
using Geo.Data.Features;
using NetTopologySuite.Geometries;

namespace Geo.Data.Files;

/// <summary>
/// Points in a CSV file with lon/lat columns (lon, lng, longitude or x; lat, latitude or y), every other column kept
/// as text. Coordinates are returned as read: the caller converts them from the input CRS.
/// </summary>
public static class CsvPointFile
{
    private static readonly string[] LonNames = { "lon", "lng", "longitude", "x" };
    private static readonly string[] LatNames = { "lat", "latitude", "y" };

    public static FeatureLayer Read(string path)
    {
        if (!File.Exists(path)) throw new GeoInputException($"{path} does not exist");
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = ReadRecord(reader) ?? throw new GeoInputException($"{path} is empty");
        int lon = Array.FindIndex(header, h => LonNames.Contains(h.Trim().ToLowerInvariant()));
        int lat = Array.FindIndex(header, h => LatNames.Contains(h.Trim().ToLowerInvariant()));
        if (lon < 0 || lat < 0)
        {
            throw new GeoInputException($"{path}: needs lon and lat columns (found: {string.Join(", ", header)})");
        }
        var others = Enumerable.Range(0, header.Length).Where(i => i != lon && i != lat).ToArray();
        var layer = new FeatureLayer(Path.GetFileNameWithoutExtension(path), GeometryKind.Point,
            others.Select(i => new FieldDefinition(header[i].Trim(), FieldType.Text)).ToArray());
        int line = 1;
        while (ReadRecord(reader) is { } record)
        {
            line++;
            if (record.Length == 1 && record[0].Length == 0) continue;
            if (record.Length != header.Length)
            {
                throw new GeoInputException($"{path} line {line}: {record.Length} fields, the header has {header.Length}");
            }
            double x = Number(record[lon], path, line, header[lon]), y = Number(record[lat], path, line, header[lat]);
            layer.Add(new Point(x, y) { SRID = 4326 }, others.Select(i => (object?)record[i]).ToArray());
        }
        return layer;
    }

    private static double Number(string text, string path, int line, string column)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)) return value;
        throw new GeoInputException($"{path} line {line}, column {column}: '{text}' is not a number");
    }

    /// <summary>One RFC 4180 record: fields may be quoted, with commas, doubled quotes and line breaks inside.</summary>
    private static string[]? ReadRecord(TextReader reader)
    {
        int c = reader.Peek();
        if (c < 0) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') break;
            else if (ch != '\r') field.Append(ch);
        }
        fields.Add(field.ToString());
        if (fields.Count > 0 && fields[0].Length > 0 && fields[0][0] == '\uFEFF') fields[0] = fields[0][1..];
        return fields.ToArray();
    }
}
