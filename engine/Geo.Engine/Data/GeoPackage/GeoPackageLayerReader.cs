using Geo.Data.Features;
using Microsoft.Data.Sqlite;
using SQLitePCL;
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
        var rows = new List<object?[]>();
        var texts = new RepeatedText();
        // Geometries are decoded a batch at a time on the other cores while this thread reads on.
        var decoded = new List<Task<Geometry[]>>();
        var blobs = new List<byte[]>(DecodedAtOnce);
        string columns = string.Concat(fields.Select(f => ", \"" + f.Name.Replace("\"", "\"\"") + "\""));
        string order = primaryKey is null ? "" : $" ORDER BY \"{primaryKey}\"";
        using (var select = new PreparedStatement(connection, $"SELECT \"{geometryColumn}\"{columns} FROM \"{table.Replace("\"", "\"\"")}\"{order}"))
        {
            while (select.Next())
            {
                switch (select.StoredType(0))
                {
                    case raw.SQLITE_NULL: throw new GeoInputException($"layer '{table}' feature {rows.Count + 1}: missing geometry");
                    case not raw.SQLITE_BLOB: throw new GeoInputException($"layer '{table}' feature {rows.Count + 1}: geometry stored as a value, not a GeoPackage blob");
                }
                blobs.Add(select.Blob(0));
                var values = new object?[fields.Count];
                for (int c = 0; c < fields.Count; c++) values[c] = Value(select, c + 1, fields[c].Type, texts);
                rows.Add(values);
                if (blobs.Count == DecodedAtOnce)
                {
                    var batch = blobs;
                    decoded.Add(Task.Run(() => Decode(batch, srid)));
                    blobs = new List<byte[]>(DecodedAtOnce);
                }
            }
        }
        var rest = blobs;
        decoded.Add(Task.Run(() => Decode(rest, srid)));
        int i = 0;
        // In order, so that a bad geometry is reported as the first one of the layer, as a loop in order would.
        foreach (var batch in decoded)
        {
            foreach (var geometry in batch.GetAwaiter().GetResult()) layer.Features.Add(new Feature(geometry, rows[i++]));
        }
        return layer;
    }

    private const int DecodedAtOnce = 16384;

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
    /// The value as stored when that is the field's type; any other is converted by SQLite to the declared type
    /// through its typed getters, as GDAL reads it. Texts stored as text come through <paramref name="texts"/>, shared.
    /// </summary>
    private static object? Value(PreparedStatement select, int column, FieldType type, RepeatedText texts) => (type, select.StoredType(column)) switch
    {
        (_, raw.SQLITE_NULL) => null,
        (FieldType.Boolean, _) => select.Integer(column) != 0 ? True : False,
        (FieldType.Integer, _) => select.Integer(column),
        (FieldType.Real, _) => select.Real(column),
        (_, raw.SQLITE_TEXT) => texts.Of(select.TextBytes(column)),
        _ => select.Text(column),
    };

    private static readonly object True = true, False = false;
}
