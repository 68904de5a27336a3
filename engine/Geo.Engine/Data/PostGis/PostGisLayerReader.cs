using Geo.Data.Features;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Geo.Data.PostGis;

/// <summary>Reads one PostGIS table as a layer, mapping column types to Geo's; the first geometry column is the geometry.</summary>
internal static class PostGisLayerReader
{
    public static FeatureLayer Read(NpgsqlConnection connection, string schema, string table)
    {
        string geometryColumn, geometryType;
        int srid;
        using (var command = new NpgsqlCommand(
            "SELECT f_geometry_column, type, srid FROM geometry_columns WHERE f_table_schema = @s AND f_table_name = @t LIMIT 1", connection))
        {
            command.Parameters.AddWithValue("s", schema);
            command.Parameters.AddWithValue("t", table);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) throw new GeoInputException($"table '{schema}.{table}' has no geometry column");
            geometryColumn = reader.GetString(0);
            geometryType = reader.GetString(1);
            srid = reader.GetInt32(2);
        }

        var fields = new List<FieldDefinition>();
        using (var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @s AND table_name = @t ORDER BY ordinal_position", connection))
        {
            command.Parameters.AddWithValue("s", schema);
            command.Parameters.AddWithValue("t", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string name = reader.GetString(0), type = reader.GetString(1);
                if (name == geometryColumn || name == "fid" || type == "USER-DEFINED") continue;
                fields.Add(new FieldDefinition(name, MapType(type)));
            }
        }

        var layer = new FeatureLayer(table, LayerGeometry.FromSqlTypeName(geometryType), fields, srid == 0 ? 4326 : srid);
        bool hasFid;
        using (var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = @s AND table_name = @t AND column_name = 'fid'", connection))
        {
            command.Parameters.AddWithValue("s", schema);
            command.Parameters.AddWithValue("t", table);
            hasFid = System.Convert.ToInt64(command.ExecuteScalar()) > 0;
        }
        // Text columns come back as PostgreSQL prints them, so dates, uuids or arrays read as readable text.
        string columns = string.Concat(fields.Select(f => ", " + Quote(f.Name) + (f.Type == FieldType.Text ? "::text" : "")));
        string sql = $"SELECT {Quote(geometryColumn)}{columns} FROM {Quote(schema)}.{Quote(table)}{(hasFid ? " ORDER BY fid" : "")}";
        using (var command = new NpgsqlCommand(sql, connection))
        using (var reader = command.ExecuteReader())
        {
            int row = 0;
            while (reader.Read())
            {
                row++;
                if (reader.IsDBNull(0)) throw new GeoInputException($"table '{schema}.{table}' row {row}: missing geometry");
                var geometry = reader.GetFieldValue<Geometry>(0);
                if (srid == 0) geometry.SRID = 4326;
                var values = new object?[fields.Count];
                for (int c = 0; c < fields.Count; c++) values[c] = reader.IsDBNull(c + 1) ? null : Convert(reader.GetValue(c + 1), fields[c].Type);
                layer.Features.Add(new Feature(geometry, values));
            }
        }
        return layer;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static FieldType MapType(string type) => type switch
    {
        "smallint" or "integer" or "bigint" => FieldType.Integer,
        "real" or "double precision" or "numeric" => FieldType.Real,
        "boolean" => FieldType.Boolean,
        _ => FieldType.Text,
    };

    private static object Convert(object value, FieldType type) => type switch
    {
        FieldType.Integer => System.Convert.ToInt64(value),
        FieldType.Real => System.Convert.ToDouble(value),
        FieldType.Boolean => (bool)value,
        _ => value as string ?? System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
