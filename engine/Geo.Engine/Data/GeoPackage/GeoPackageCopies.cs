using Geo.Data.Features;
using Microsoft.Data.Sqlite;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Bulk copies of layers whose rows already sit in another GeoPackage (<see cref="FeatureLayer.CopyOf"/>): the rows
/// go across inside SQLite, with no geometry decoded or encoded. A source that does not match the layer exactly
/// (other columns or types, another CRS or row count, a missing file) is not copied: the features are written instead.
/// </summary>
internal static class GeoPackageCopies
{
    /// <summary>Attaches each usable source file (SQLite cannot attach inside a transaction); returns the schema name per layer.</summary>
    public static Dictionary<FeatureLayer, string> Attach(SqliteConnection connection, string targetPath, IReadOnlyList<FeatureLayer> layers)
    {
        var schemas = new Dictionary<FeatureLayer, string>();
        var attached = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            if (layer.CopyOf is not { } copy || !File.Exists(copy.GeoPackagePath)) continue;
            string source = Path.GetFullPath(copy.GeoPackagePath);
            if (source == Path.GetFullPath(targetPath)) continue;
            if (!attached.TryGetValue(source, out var schema))
            {
                schema = $"copy_source_{attached.Count}";
                try
                {
                    using var attach = connection.CreateCommand();
                    attach.CommandText = $"ATTACH DATABASE @path AS {schema}";
                    // Read-only, so no statement of the writer can ever change the source.
                    attach.Parameters.AddWithValue("@path", new Uri(source).AbsoluteUri + "?mode=ro");
                    attach.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    continue;
                }
                attached[source] = schema;
            }
            if (Matches(connection, schema, layer)) schemas[layer] = schema;
        }
        return schemas;
    }

    /// <summary>Copies the source rows into the layer's new table (fids 1…n in the source's order).</summary>
    public static void Copy(SqliteConnection connection, SqliteTransaction transaction, FeatureLayer layer, string schema, string geometryColumn)
    {
        var names = string.Concat(layer.Fields.Select(f => ", " + GeoPackageNames.Quote(f.Name)));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{layer.Name}\" (geom{names}) " +
            $"SELECT {GeoPackageNames.Quote(geometryColumn)}{names} FROM {schema}.{GeoPackageNames.Quote(layer.CopyOf!.Table)} ORDER BY rowid";
        command.ExecuteNonQuery();
    }

    /// <summary>The geometry column of the source table when it matches the layer exactly, else null.</summary>
    public static string? GeometryColumn(SqliteConnection connection, string schema, FeatureLayer layer)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name, geometry_type_name, srs_id FROM {schema}.gpkg_geometry_columns WHERE lower(table_name) = lower(@t)";
        command.Parameters.AddWithValue("@t", layer.CopyOf!.Table);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        bool sameKind = string.Equals(reader.GetString(1), LayerGeometry.SqlTypeName(layer.GeometryKind), StringComparison.OrdinalIgnoreCase);
        return sameKind && reader.GetInt32(2) == layer.Srid ? reader.GetString(0) : null;
    }

    private static bool Matches(SqliteConnection connection, string schema, FeatureLayer layer)
    {
        try
        {
            if (GeometryColumn(connection, schema, layer) is null) return false;
            var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            using (var info = connection.CreateCommand())
            {
                info.CommandText = $"PRAGMA {schema}.table_info({GeoPackageNames.Quote(layer.CopyOf!.Table)})";
                using var reader = info.ExecuteReader();
                while (reader.Read()) columns[reader.GetString(1)] = reader.IsDBNull(2) ? "" : reader.GetString(2);
            }
            if (layer.Fields.Any(f => !columns.TryGetValue(f.Name, out var type) || !string.Equals(type, GeoPackageLayerWriter.SqlType(f.Type), StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {schema}.{GeoPackageNames.Quote(layer.CopyOf.Table)}";
            return Convert.ToInt64(count.ExecuteScalar()) == layer.Features.Count;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
