using Geo.Data.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Data.GeoPackage;

/// <summary>
/// A GeoPackage file (OGC GeoPackage 1.2, as QGIS and GDAL write and read it): Geo's embedded default store.
/// A new file is written beside its final name and renamed when complete; an existing one is changed in a single
/// SQLite transaction. Either way a failed write leaves nothing half-done.
/// </summary>
public sealed class GeoPackageStore : IFeatureStore
{
    private readonly string _path;

    public GeoPackageStore(string path, bool create)
    {
        _path = Path.GetFullPath(path);
        if (File.Exists(_path))
        {
            RequireGeoPackage(_path);
        }
        else if (!create)
        {
            throw new GeoInputException($"{path} does not exist");
        }
        else if (Path.GetDirectoryName(_path) is { } folder && !Directory.Exists(folder))
        {
            throw new GeoInputException($"cannot create {path}: folder {folder} does not exist");
        }
    }

    public string Description => Path.GetFileName(_path);

    public IReadOnlyList<string> LayerNames()
    {
        if (!File.Exists(_path)) return Array.Empty<string>();
        using var connection = Open(_path, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name";
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    public bool HasLayer(string name) => LayerNames().Contains(name, StringComparer.OrdinalIgnoreCase);

    public FeatureLayer ReadLayer(string name)
    {
        var names = LayerNames();
        string? actual = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (actual is null)
        {
            throw new GeoInputException($"{Description} has no layer '{name}' (layers: {(names.Count == 0 ? "none" : string.Join(", ", names))})");
        }
        using var connection = Open(_path, readOnly: true);
        return GeoPackageLayerReader.Read(connection, actual);
    }

    public void WriteLayers(IReadOnlyList<FeatureLayer> layers)
    {
        foreach (var layer in layers)
        {
            LayerName.Require(layer.Name);
            if (layer.Srid != 4326)
            {
                throw new GeoInputException($"layer '{layer.Name}' is in EPSG:{layer.Srid}; Geo writes GeoPackage layers in EPSG:4326");
            }
        }
        if (File.Exists(_path))
        {
            using var connection = Open(_path, readOnly: false);
            using var transaction = connection.BeginTransaction();
            foreach (var layer in layers) WriteLayer(connection, transaction, layer);
            transaction.Commit();
            return;
        }

        string temporary = _path + $".{Guid.NewGuid():N}.partial";
        try
        {
            using (var connection = Open(temporary, readOnly: false))
            {
                using var transaction = connection.BeginTransaction();
                foreach (var sql in GeoPackageSchema.CreateSystemTables) Execute(connection, transaction, sql);
                foreach (var layer in layers) WriteLayer(connection, transaction, layer);
                transaction.Commit();
            }
            File.Move(temporary, _path);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public void Dispose()
    {
    }

    private static void WriteLayer(SqliteConnection connection, SqliteTransaction transaction, FeatureLayer layer)
    {
        string t = layer.Name;
        DropLayer(connection, transaction, t);

        var columns = string.Concat(layer.Fields.Select(f => $", {Quote(f.Name)} {SqlType(f.Type)}"));
        Execute(connection, transaction,
            $"CREATE TABLE \"{t}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {LayerGeometry.SqlTypeName(layer.GeometryKind)}{columns})");

        var extent = new Envelope();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{t}\" (geom{string.Concat(layer.Fields.Select(f => ", " + Quote(f.Name)))}) " +
                $"VALUES (@g{string.Concat(layer.Fields.Select((_, i) => $", @p{i}"))})";
            var geometryParameter = insert.Parameters.Add("@g", SqliteType.Blob);
            var parameters = layer.Fields.Select((_, i) => insert.Parameters.Add($"@p{i}", SqliteType.Text)).ToArray();
            insert.Prepare();
            var writer = new GeoPackageGeoWriter();
            for (int i = 0; i < layer.Features.Count; i++)
            {
                var geometry = LayerGeometry.Conform(layer, i);
                extent.ExpandToInclude(geometry.EnvelopeInternal);
                geometryParameter.Value = writer.Write(geometry);
                var values = layer.Features[i].Values;
                for (int c = 0; c < parameters.Length; c++) parameters[c].Value = ToSqlite(values[c]);
                insert.ExecuteNonQuery();
            }
        }

        using (var contents = connection.CreateCommand())
        {
            contents.Transaction = transaction;
            contents.CommandText = "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) " +
                "VALUES (@t, 'features', @t, @minx, @miny, @maxx, @maxy, 4326)";
            contents.Parameters.AddWithValue("@t", t);
            contents.Parameters.AddWithValue("@minx", extent.IsNull ? DBNull.Value : extent.MinX);
            contents.Parameters.AddWithValue("@miny", extent.IsNull ? DBNull.Value : extent.MinY);
            contents.Parameters.AddWithValue("@maxx", extent.IsNull ? DBNull.Value : extent.MaxX);
            contents.Parameters.AddWithValue("@maxy", extent.IsNull ? DBNull.Value : extent.MaxY);
            contents.ExecuteNonQuery();
        }
        Execute(connection, transaction,
            $"INSERT INTO gpkg_geometry_columns VALUES ('{t}', 'geom', '{LayerGeometry.SqlTypeName(layer.GeometryKind)}', 4326, 0, 0)");

        Execute(connection, transaction, $"CREATE VIRTUAL TABLE \"rtree_{t}_geom\" USING rtree(id, minx, maxx, miny, maxy)");
        using (var fill = connection.CreateCommand())
        {
            fill.Transaction = transaction;
            fill.CommandText = $"INSERT INTO \"rtree_{t}_geom\" VALUES (@id, @minx, @maxx, @miny, @maxy)";
            var id = fill.Parameters.Add("@id", SqliteType.Integer);
            var minx = fill.Parameters.Add("@minx", SqliteType.Real);
            var maxx = fill.Parameters.Add("@maxx", SqliteType.Real);
            var miny = fill.Parameters.Add("@miny", SqliteType.Real);
            var maxy = fill.Parameters.Add("@maxy", SqliteType.Real);
            fill.Prepare();
            for (int i = 0; i < layer.Features.Count; i++)
            {
                var e = layer.Features[i].Geometry.EnvelopeInternal;
                id.Value = i + 1;
                minx.Value = e.MinX;
                maxx.Value = e.MaxX;
                miny.Value = e.MinY;
                maxy.Value = e.MaxY;
                fill.ExecuteNonQuery();
            }
        }
        Execute(connection, transaction,
            $"INSERT INTO gpkg_extensions VALUES ('{t}', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
        foreach (var sql in GeoPackageSchema.RtreeTriggers(t)) Execute(connection, transaction, sql);
    }

    private static void DropLayer(SqliteConnection connection, SqliteTransaction transaction, string t)
    {
        Execute(connection, transaction, $"DROP TABLE IF EXISTS \"rtree_{t}_geom\"");
        Execute(connection, transaction, $"DROP TABLE IF EXISTS \"{t}\"");
        foreach (var table in new[] { "gpkg_extensions", "gpkg_geometry_columns", "gpkg_contents" })
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table} WHERE lower(table_name) = lower(@t)";
            delete.Parameters.AddWithValue("@t", t);
            delete.ExecuteNonQuery();
        }
    }

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        int i => (long)i,
        float f => (double)f,
        _ => value,
    };

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "INTEGER",
        FieldType.Real => "REAL",
        FieldType.Boolean => "BOOLEAN",
        _ => "TEXT",
    };

    private static string Quote(string column) => "\"" + column.Replace("\"", "\"\"") + "\"";

    internal static SqliteConnection Open(string path, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void RequireGeoPackage(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using (var stream = File.OpenRead(path))
        {
            if (stream.Read(header) < 16 || !header.SequenceEqual("SQLite format 3\0"u8))
            {
                throw new GeoInputException($"{Path.GetFileName(path)} is not a GeoPackage (not an SQLite file)");
            }
        }
        using var connection = Open(path, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'";
        if (Convert.ToInt64(command.ExecuteScalar()) == 0)
        {
            throw new GeoInputException($"{Path.GetFileName(path)} is not a GeoPackage (no gpkg_contents table)");
        }
    }
}
