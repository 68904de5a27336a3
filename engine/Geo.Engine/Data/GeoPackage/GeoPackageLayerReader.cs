using Geo.Data.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Data.GeoPackage;

/// <summary>Reads one feature table of a GeoPackage, whoever wrote it (Geo, GDAL, QGIS), mapping its column types to Geo's.</summary>
internal static class GeoPackageLayerReader
{
    public static FeatureLayer Read(SqliteConnection connection, string table)
    {
        string geometryColumn;
        string geometryType;
        int srid;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = @t";
            command.Parameters.AddWithValue("@t", table);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) throw new GeoInputException($"GeoPackage table '{table}' has no geometry column");
            geometryColumn = reader.GetString(0);
            geometryType = reader.GetString(1);
            srid = reader.GetInt32(2);
        }

        var fields = new List<FieldDefinition>();
        string? primaryKey = null;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA table_info(\"{table.Replace("\"", "\"\"")}\")";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string name = reader.GetString(1);
                string type = reader.IsDBNull(2) ? "" : reader.GetString(2);
                bool isKey = reader.GetInt32(5) > 0;
                if (isKey && primaryKey is null) { primaryKey = name; continue; }
                if (string.Equals(name, geometryColumn, StringComparison.OrdinalIgnoreCase)) continue;
                fields.Add(new FieldDefinition(name, MapType(type)));
            }
        }

        var layer = new FeatureLayer(table, LayerGeometry.FromSqlTypeName(geometryType), fields, srid);
        var blobs = new List<byte[]>();
        var rows = new List<object?[]>();
        using (var command = connection.CreateCommand())
        {
            string columns = string.Concat(fields.Select(f => ", \"" + f.Name.Replace("\"", "\"\"") + "\""));
            string order = primaryKey is null ? "" : $" ORDER BY \"{primaryKey}\"";
            command.CommandText = $"SELECT \"{geometryColumn}\"{columns} FROM \"{table.Replace("\"", "\"\"")}\"{order}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(0)) throw new GeoInputException($"layer '{table}' feature {blobs.Count + 1}: missing geometry");
                blobs.Add((byte[])reader.GetValue(0));
                var values = new object?[fields.Count];
                for (int c = 0; c < fields.Count; c++) values[c] = Value(reader, c + 1, fields[c].Type);
                rows.Add(values);
            }
        }
        var geometries = Decode(blobs, srid);
        for (int i = 0; i < rows.Count; i++) layer.Features.Add(new Feature(geometries[i], rows[i]));
        return layer;
    }

    /// <summary>
    /// Decodes the geometries on every core: decoding is most of a large layer's reading. Each takes the layer's CRS.
    /// </summary>
    private static Geometry[] Decode(List<byte[]> blobs, int srid)
    {
        var geometries = new Geometry[blobs.Count];
        OrderedParallel.For(blobs.Count, () => new GeoPackageBlobReader(srid), (i, reader) => geometries[i] = reader.Read(blobs[i]));
        return geometries;
    }

    private static FieldType MapType(string sqlType)
    {
        string t = sqlType.ToUpperInvariant();
        if (t.StartsWith("BOOL", StringComparison.Ordinal)) return FieldType.Boolean;
        if (t.Contains("INT", StringComparison.Ordinal)) return FieldType.Integer;
        if (t is "REAL" or "DOUBLE" or "FLOAT" or "NUMERIC" || t.StartsWith("DOUBLE", StringComparison.Ordinal)) return FieldType.Real;
        return FieldType.Text;
    }

    /// <summary>
    /// One call into SQLite for the usual case, a value stored as the field's type; any other is converted by SQLite
    /// to the declared type through a typed getter, as GDAL reads it.
    /// </summary>
    private static object? Value(SqliteDataReader reader, int ordinal, FieldType type)
    {
        var stored = reader.GetValue(ordinal);
        return (type, stored) switch
        {
            (_, DBNull) => null,
            (FieldType.Integer, long) or (FieldType.Real, double) or (FieldType.Text, string) => stored,
            (FieldType.Boolean, long value) => value != 0 ? True : False,
            _ => Converted(reader, ordinal, type),
        };
    }

    private static object Converted(SqliteDataReader reader, int ordinal, FieldType type) => type switch
    {
        FieldType.Boolean => reader.GetInt64(ordinal) != 0 ? True : False,
        FieldType.Integer => reader.GetInt64(ordinal),
        FieldType.Real => reader.GetDouble(ordinal),
        _ => reader.GetString(ordinal),
    };

    private static readonly object True = true, False = false;
}
