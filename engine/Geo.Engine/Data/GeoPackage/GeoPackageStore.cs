using Geo.Data.Features;
using Microsoft.Data.Sqlite;

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

    /// <summary>The file's full path.</summary>
    public string FilePath => _path;

    public IReadOnlyList<string> LayerNames() => Reading(() =>
    {
        if (!File.Exists(_path)) return Array.Empty<string>();
        using var connection = Open(_path, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name";
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) names.Add(reader.GetString(0));
        return (IReadOnlyList<string>)names;
    });

    public bool HasLayer(string name) => LayerNames().Contains(name, StringComparer.OrdinalIgnoreCase);

    public FeatureLayer ReadLayer(string name)
    {
        var names = LayerNames();
        string? actual = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (actual is null)
        {
            throw new GeoInputException($"{Description} has no layer '{name}' (layers: {(names.Count == 0 ? "none" : string.Join(", ", names))})");
        }
        return Reading(() =>
        {
            using var connection = Open(_path, readOnly: true);
            return GeoPackageLayerReader.Read(connection, actual);
        });
    }

    public void WriteLayers(IReadOnlyList<FeatureLayer> layers) => WriteLayers(layers, Array.Empty<IReadOnlyList<FeatureLayer>>());

    /// <summary>
    /// Writes <paramref name="first"/> at once, then each batch of layers <paramref name="later"/> gives as it gives
    /// it, all in the one transaction: a caller still working out the later layers can let the first (a bulk copy of
    /// the streets, say) go ahead on another thread. If enumerating <paramref name="later"/> throws, nothing is
    /// written and its exception goes up. Later layers are encoded even when they name a
    /// <see cref="FeatureLayer.CopyOf"/>: SQLite attaches a copy's source only before a transaction begins.
    /// </summary>
    public void WriteLayers(IReadOnlyList<FeatureLayer> first, IEnumerable<IReadOnlyList<FeatureLayer>> later)
    {
        GeoPackageNames.CheckAll(first);
        try
        {
            Write(first, later);
        }
        catch (SqliteException e)
        {
            throw new GeoInputException($"cannot write {_path}: {Reason(e)}", e);
        }
    }

    private T Reading<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException e)
        {
            throw new GeoInputException($"cannot read {Description}: {Reason(e)}", e);
        }
    }

    private static string Reason(SqliteException e) => e.SqliteErrorCode switch
    {
        11 or 26 => $"the file is damaged or not a GeoPackage ({e.Message})",
        13 => "the disk is full",
        8 or 14 or 23 => $"the file or its folder cannot be written ({e.Message})",
        _ => e.Message,
    };

    private void Write(IReadOnlyList<FeatureLayer> first, IEnumerable<IReadOnlyList<FeatureLayer>> later)
    {
        if (File.Exists(_path))
        {
            using var connection = Open(_path, readOnly: false);
            var copies = GeoPackageCopies.Attach(connection, _path, first);
            using var transaction = connection.BeginTransaction();
            WriteInTurn(connection, transaction, first, later, copies);
            transaction.Commit();
            return;
        }

        string temporary = _path + $".{Guid.NewGuid():N}.partial";
        try
        {
            using (var connection = Open(temporary, readOnly: false))
            {
                // The new file becomes the output only by the rename below, once complete: it needs no rollback
                // journal, and one flush to disk before the rename rather than SQLite's at the commit.
                using (var unjournaled = connection.CreateCommand())
                {
                    unjournaled.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF";
                    unjournaled.ExecuteNonQuery();
                }
                var copies = GeoPackageCopies.Attach(connection, _path, first);
                using var transaction = connection.BeginTransaction();
                foreach (var sql in GeoPackageSchema.CreateSystemTables) GeoPackageLayerWriter.Execute(connection, transaction, sql);
                WriteInTurn(connection, transaction, first, later, copies);
                transaction.Commit();
            }
            using (var written = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite)) written.Flush(flushToDisk: true);
            File.Move(temporary, _path);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static void WriteInTurn(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<FeatureLayer> first,
        IEnumerable<IReadOnlyList<FeatureLayer>> later, IReadOnlyDictionary<FeatureLayer, string> copies)
    {
        GeoPackageLayerWriter.WriteAll(connection, transaction, first, copies);
        var written = first.ToList();
        foreach (var batch in later)
        {
            written.AddRange(batch);
            GeoPackageNames.CheckAll(written);
            GeoPackageLayerWriter.WriteAll(connection, transaction, batch, copies);
        }
    }

    public void Dispose()
    {
    }

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
        // A 16 MB page cache (allocated only as used) keeps R-tree inserts of city-sized layers off the disk: they go in
        // along a Hilbert curve, so a larger cache wrote no faster and only added to the peak memory.
        using var cache = connection.CreateCommand();
        cache.CommandText = "PRAGMA cache_size = -16384";
        cache.ExecuteNonQuery();
        return connection;
    }

    private static void RequireGeoPackage(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                || !header.SequenceEqual("SQLite format 3\0"u8))
            {
                throw new GeoInputException($"{Path.GetFileName(path)} is not a GeoPackage (not an SQLite file)");
            }
        }
        try
        {
            using var connection = Open(path, readOnly: true);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'";
            if (Convert.ToInt64(command.ExecuteScalar()) == 0)
            {
                throw new GeoInputException($"{Path.GetFileName(path)} is not a GeoPackage (no gpkg_contents table)");
            }
        }
        catch (SqliteException e)
        {
            throw new GeoInputException($"{Path.GetFileName(path)} is not a GeoPackage (damaged SQLite file: {e.Message})", e);
        }
    }
}
