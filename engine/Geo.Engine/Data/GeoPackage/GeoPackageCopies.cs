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
                    // Every statement of the writer that could name a missing table says main. explicitly, so none
                    // reaches the source.
                    attach.Parameters.AddWithValue("@path", source);
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

    /// <summary>
    /// Copies the source table's R-tree into the layer's new, empty one when it indexes exactly the copied rows: the
    /// source's fids run 1…n (so the copy keeps them), the R-tree is the GeoPackage extension's (kept up to date by
    /// its triggers) with one entry per row, and its nodes are the size the new tree's are. Returns false, having
    /// written nothing, when any of that does not hold.
    /// </summary>
    public static bool CopyRtree(SqliteConnection connection, SqliteTransaction transaction, FeatureLayer layer, string schema, string geometryColumn, string targetRtree)
    {
        string table = layer.CopyOf!.Table;
        if (!LayerName.IsPlain(table) || !LayerName.IsPlain(geometryColumn)) return false;
        string source = $"{schema}.\"rtree_{table}_{geometryColumn}\"";
        string rtreeName = $"rtree_{table}_{geometryColumn}";
        long n = layer.Count;
        try
        {
            if (Scalar(connection, transaction, $"SELECT count(*) FROM {schema}.gpkg_extensions WHERE lower(table_name) = lower(@t) AND lower(column_name) = lower(@c) AND extension_name = 'gpkg_rtree_index'",
                    ("@t", table), ("@c", geometryColumn)) is not 1L
                || Scalar(connection, transaction, $"SELECT count(*) FROM {schema}.sqlite_master WHERE type = 'table' AND name = @r", ("@r", rtreeName)) is not 1L)
            {
                return false;
            }
            string rows = $"{schema}.{GeoPackageNames.Quote(table)}";
            if (Scalar(connection, transaction, $"SELECT min(rowid) = 1 AND max(rowid) = count(*) AND count(*) = @n FROM {rows}", ("@n", n)) is not 1L
                || Scalar(connection, transaction, $"SELECT count(*) FROM {schema}.\"{rtreeName}_rowid\"") is not long indexed || indexed != n
                || Scalar(connection, transaction, $"SELECT length(data) FROM {schema}.\"{rtreeName}_node\" WHERE nodeno = 1") is not long sourceNode
                || sourceNode != PackedRtree.NodeBytes(connection, transaction, targetRtree))
            {
                return false;
            }
        }
        catch (SqliteException)
        {
            return false;
        }
        GeoPackageLayerWriter.Execute(connection, transaction, $"INSERT OR REPLACE INTO main.\"{targetRtree}_node\" (nodeno, data) SELECT nodeno, data FROM {schema}.\"{rtreeName}_node\"");
        GeoPackageLayerWriter.Execute(connection, transaction, $"INSERT INTO main.\"{targetRtree}_parent\" (nodeno, parentnode) SELECT nodeno, parentnode FROM {schema}.\"{rtreeName}_parent\"");
        GeoPackageLayerWriter.Execute(connection, transaction, $"INSERT INTO main.\"{targetRtree}_rowid\" (rowid, nodeno) SELECT rowid, nodeno FROM {schema}.\"{rtreeName}_rowid\"");
        return true;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = GeoPackageLayerWriter.Command(connection, transaction, sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
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
            return Convert.ToInt64(count.ExecuteScalar()) == layer.Count;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
