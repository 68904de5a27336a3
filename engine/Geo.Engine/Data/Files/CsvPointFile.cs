using System.Globalization;
using System.Text;
using Geo.Data.Features;
using NetTopologySuite.Geometries;

namespace Geo.Data.Files;

/// <summary>
/// A UTF-8 CSV table of places with lon/lat columns (WGS 84), as planners keep station lists in spreadsheets.
/// Every other column is read as text, ids included (so "007" keeps its zeros); the layer is named after the file.
/// </summary>
public static class CsvPointFile
{
    private static readonly string[] LongitudeNames = { "lon", "lng", "longitude", "x" };
    private static readonly string[] LatitudeNames = { "lat", "latitude", "y" };
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static FeatureLayer Read(string path)
    {
        string file = Path.GetFileName(path);
        var records = CsvRecords.Parse(ReadText(path), file).Where(r => !r.IsBlank).ToList();
        if (records.Count == 0) throw new GeoInputException($"{file} is empty: expected a header row with lon and lat columns");

        var header = records[0].Fields.Select((name, i) => string.IsNullOrWhiteSpace(name) ? $"column{i + 1}" : name.Trim()).ToList();
        int lon = FindColumn(header, LongitudeNames, "longitude", file);
        int lat = FindColumn(header, LatitudeNames, "latitude", file);
        var others = Enumerable.Range(0, header.Count).Where(i => i != lon && i != lat).ToList();
        var duplicate = others.GroupBy(i => header[i], StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new GeoInputException($"{file}: column '{duplicate.Key}' appears twice in the header");

        var layer = new FeatureLayer(Path.GetFileNameWithoutExtension(path), GeometryKind.Point,
            others.Select(i => new FieldDefinition(header[i], FieldType.Text)).ToList());
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
            {
                throw new GeoInputException(
                    $"{file} line {record.Line}: {record.Fields.Count} values but the header has {header.Count} columns");
            }
            double x = Coordinate(record, lon, header, 180, file);
            double y = Coordinate(record, lat, header, 90, file);
            layer.Features.Add(new Feature(Wgs84.CreatePoint(new Coordinate(x, y)), others.Select(i => (object?)record.Fields[i]).ToArray()));
        }
        return layer;
    }

    public static void Write(FeatureLayer layer, string path)
    {
        if (layer.Srid != 4326)
        {
            throw new GeoInputException($"layer '{layer.Name}' is in EPSG:{layer.Srid}; a lon/lat CSV holds WGS 84 (EPSG:4326) only");
        }
        var clash = layer.Fields.FirstOrDefault(f => f.Name.Equals("lon", StringComparison.OrdinalIgnoreCase) || f.Name.Equals("lat", StringComparison.OrdinalIgnoreCase));
        if (clash is not null) throw new GeoInputException($"layer '{layer.Name}' has its own column '{clash.Name}', which would clash with the lon/lat columns");

        AtomicFile.Write(path, stream =>
        {
            // The byte order mark makes Excel open the file as UTF-8 instead of the system code page (GBK on Chinese Windows).
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
            writer.WriteLine(string.Join(",", new[] { "lon", "lat" }.Concat(layer.Fields.Select(f => CsvRecords.Field(f.Name)))));
            var line = new StringBuilder();
            for (int i = 0; i < layer.Features.Count; i++)
            {
                if (LayerGeometry.Conform(layer, i) is not Point point)
                {
                    throw new GeoInputException(
                        $"layer '{layer.Name}' feature {i + 1}: a {layer.Features[i].Geometry.GeometryType} cannot be written as a CSV point");
                }
                line.Clear().Append(Number(point.X)).Append(',').Append(Number(point.Y));
                for (int c = 0; c < layer.Fields.Count; c++) line.Append(',').Append(CsvRecords.Field(Text(FieldValue.Checked(layer, i, c))));
                writer.WriteLine(line);
            }
        });
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path)) throw new GeoInputException($"{path} does not exist");
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new GeoInputException($"{Path.GetFileName(path)} is not UTF-8 text: save it as \"CSV UTF-8\"");
        }
    }

    private static int FindColumn(List<string> header, string[] names, string what, string file)
    {
        foreach (var name in names)
        {
            int index = header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) return index;
        }
        throw new GeoInputException(
            $"{file} has no {what} column (named {string.Join(", ", names)}); its columns are: {string.Join(", ", header)}");
    }

    private static double Coordinate(CsvRecord record, int column, List<string> header, double limit, string file)
    {
        string? text = record.Fields[column];
        string where = $"{file} line {record.Line}, column '{header[column]}'";
        if (string.IsNullOrWhiteSpace(text)) throw new GeoInputException($"{where}: no value");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new GeoInputException($"{where}: '{text}' is not a number");
        }
        if (Math.Abs(value) > limit) throw new GeoInputException($"{where}: {text} is outside -{limit}..{limit} degrees");
        return value;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        bool b => b ? "true" : "false",
        _ => (string)value,
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
