using Geo.Data.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Writes one layer as a GeoPackage feature table (fid, geom, one column per field) with its contents and
/// geometry-column rows and a filled R-tree index, replacing any table of the same name. Runs inside the caller's
/// transaction; names must have passed <see cref="GeoPackageNames.CheckAll"/>.
/// </summary>
internal static class GeoPackageLayerWriter
{
    /// <summary>Writes each layer in turn; their blobs are encoded in the same two batches' buffers, one layer after another.</summary>
    /// <param name="copies">The attached database to copy each layer's rows from (<see cref="GeoPackageCopies"/>), if any.</param>
    public static void WriteAll(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<FeatureLayer> layers, IReadOnlyDictionary<FeatureLayer, string> copies)
    {
        var batches = (new EncodedBlobs(), new EncodedBlobs());
        foreach (var layer in layers) Write(connection, transaction, layer, copies.GetValueOrDefault(layer), batches);
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, FeatureLayer layer, string? copySchema, (EncodedBlobs, EncodedBlobs) batches)
    {
        string t = layer.Name;
        string geometryType = LayerGeometry.SqlTypeName(layer.GeometryKind);
        Drop(connection, transaction, t);
        GeoPackageSpatialRefs.Ensure(connection, transaction, layer.Srid, t);

        var columns = string.Concat(layer.Fields.Select(f => $", {GeoPackageNames.Quote(f.Name)} {SqlType(f.Type)}"));
        Execute(connection, transaction, $"CREATE TABLE \"{t}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType}{columns})");
        string? copyColumn = copySchema is null ? null : GeoPackageCopies.GeometryColumn(connection, copySchema, layer);
        var extent = new Envelope();
        Func<IReadOnlyList<Envelope>> rowExtents;
        Func<string, bool>? copyIndex = null;
        if (copyColumn is not null)
        {
            GeoPackageCopies.Copy(connection, transaction, layer, copySchema!, copyColumn);
            // Each row's extent only if the source's R-tree cannot be copied: the contents row needs their union alone.
            for (int i = 0; i < layer.Count; i++) LayerGeometry.ExpandExtent(extent, layer.GeometryAt(i));
            rowExtents = () => Enumerable.Range(0, layer.Count).Select(i => LayerGeometry.Extent(layer.GeometryAt(i))).ToArray();
            copyIndex = rtree => GeoPackageCopies.CopyRtree(connection, transaction, layer, copySchema!, copyColumn, rtree);
        }
        else
        {
            var extents = InsertFeatures(connection, transaction, layer, batches);
            foreach (var e in extents) extent.ExpandToInclude(e);
            rowExtents = () => extents;
        }
        using (var contents = Command(connection, transaction,
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) " +
            "VALUES (@t, 'features', @t, @minx, @miny, @maxx, @maxy, @srid)"))
        {
            contents.Parameters.AddWithValue("@t", t);
            contents.Parameters.AddWithValue("@minx", extent.IsNull ? DBNull.Value : extent.MinX);
            contents.Parameters.AddWithValue("@miny", extent.IsNull ? DBNull.Value : extent.MinY);
            contents.Parameters.AddWithValue("@maxx", extent.IsNull ? DBNull.Value : extent.MaxX);
            contents.Parameters.AddWithValue("@maxy", extent.IsNull ? DBNull.Value : extent.MaxY);
            contents.Parameters.AddWithValue("@srid", layer.Srid);
            contents.ExecuteNonQuery();
        }
        using (var geometryColumn = Command(connection, transaction,
            "INSERT INTO gpkg_geometry_columns VALUES (@t, 'geom', @type, @srid, 0, 0)"))
        {
            geometryColumn.Parameters.AddWithValue("@t", t);
            geometryColumn.Parameters.AddWithValue("@type", geometryType);
            geometryColumn.Parameters.AddWithValue("@srid", layer.Srid);
            geometryColumn.ExecuteNonQuery();
        }
        WriteSpatialIndex(connection, transaction, t, rowExtents, copyIndex);
    }

    /// <summary>Removes a feature table and every metadata row and index that refers to it, whoever wrote it.</summary>
    private static void Drop(SqliteConnection connection, SqliteTransaction transaction, string t)
    {
        string? geometryColumn;
        using (var find = Command(connection, transaction, "SELECT column_name FROM main.gpkg_geometry_columns WHERE lower(table_name) = lower(@t)"))
        {
            find.Parameters.AddWithValue("@t", t);
            geometryColumn = find.ExecuteScalar() as string;
        }
        if (geometryColumn is not null && LayerName.IsPlain(geometryColumn))
        {
            Execute(connection, transaction, $"DROP TABLE IF EXISTS main.\"rtree_{t}_{geometryColumn}\"");
        }
        Execute(connection, transaction, $"DROP TABLE IF EXISTS main.\"{t}\"");

        // gpkg_ogr_contents is GDAL's cached feature count: a stale row would make GDAL report the old count.
        foreach (var table in new[] { "gpkg_extensions", "gpkg_geometry_columns", "gpkg_data_columns", "gpkg_ogr_contents", "gpkg_contents" })
        {
            if (!TableExists(connection, transaction, table)) continue;
            using var delete = Command(connection, transaction, $"DELETE FROM main.{table} WHERE lower(table_name) = lower(@t)");
            delete.Parameters.AddWithValue("@t", t);
            delete.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Inserts every feature with prepared statements, returning each feature's envelope in fid order. The next
    /// batch of features is encoded on the other cores while this one is inserted; batches hold about
    /// <see cref="BatchBytes"/> of blobs, so a layer of large polygons is never all encoded at once.
    /// </summary>
    private static Envelope[] InsertFeatures(SqliteConnection connection, SqliteTransaction transaction, FeatureLayer layer, (EncodedBlobs, EncodedBlobs) batches)
    {
        var names = string.Concat(layer.Fields.Select(f => ", " + GeoPackageNames.Quote(f.Name)));
        using var insert = new RowInserter(connection, $"INSERT INTO main.\"{layer.Name}\" (fid, geom{names})", 2 + layer.Fields.Count);

        int features = layer.Count;
        var extents = new Envelope[features];
        var (ready, spare) = batches;
        int count = Math.Min(FirstBatch, features);
        var encoding = features == 0 ? Task.CompletedTask : Task.Run(() => ready.Encode(layer, 0, count, extents));
        for (int start = 0; start < features;)
        {
            encoding.GetAwaiter().GetResult();
            int next = start + count, nextCount = Math.Min(NextBatch(count, ready.Bytes), features - next);
            var encodingInto = spare;
            encoding = next < features ? Task.Run(() => encodingInto.Encode(layer, next, nextCount, extents)) : Task.CompletedTask;
            try
            {
                var (batch, first) = (ready, start);
                insert.Insert(count, (statement, offset, k) => BindRow(statement, offset, layer, first, k, batch));
            }
            catch
            {
                // Never leave an encoding running into buffers nobody owns any more; the insert's failure is the one to report.
                ((IAsyncResult)encoding).AsyncWaitHandle.WaitOne();
                throw;
            }
            (ready, spare) = (spare, ready);
            (start, count) = (next, nextCount);
        }
        return extents;
    }

    /// <summary>Binds the fid, blob and fields of the batch's feature <paramref name="k"/> (layer feature start + k) after the first <paramref name="offset"/> values.</summary>
    private static void BindRow(PreparedStatement insert, int offset, FeatureLayer layer, int start, int k, EncodedBlobs batch)
    {
        int i = start + k;
        insert.Bind(offset + 1, i + 1L);
        insert.BindBlob(offset + 2, batch.Blob(k));
        var values = layer.FeatureAt(i).Values;
        for (int c = 0; c < layer.Fields.Count; c++) Bind(insert, offset + c + 3, layer, i, c, values[c]);
    }

    /// <summary>About the blobs' bytes in one batch: two batches' buffers (one inserted, one encoded) stay in memory.</summary>
    internal const long BatchBytes = 4 << 20;

    /// <summary>The first batch's features, before the layer's blob sizes are known; batches stay within <see cref="MostInBatch"/>.</summary>
    private const int FirstBatch = 64, MostInBatch = 16384;

    /// <summary>The next batch's features: as many as should make <see cref="BatchBytes"/> at the last batch's bytes a feature.</summary>
    internal static int NextBatch(int count, long bytes) =>
        (int)Math.Clamp(bytes == 0 ? MostInBatch : BatchBytes * count / bytes, 1, MostInBatch);

    /// <param name="copy">Fills the new R-tree from a copied layer's source, when it can; otherwise a packed tree is built.</param>
    private static void WriteSpatialIndex(SqliteConnection connection, SqliteTransaction transaction, string t, Func<IReadOnlyList<Envelope>> extents, Func<string, bool>? copy)
    {
        Execute(connection, transaction, $"CREATE VIRTUAL TABLE \"rtree_{t}_geom\" USING rtree(id, minx, maxx, miny, maxy)");
        if (copy?.Invoke($"rtree_{t}_geom") != true) PackedRtree.Fill(connection, transaction, $"rtree_{t}_geom", extents());
        using (var extension = Command(connection, transaction,
            "INSERT INTO gpkg_extensions VALUES (@t, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')"))
        {
            extension.Parameters.AddWithValue("@t", t);
            extension.ExecuteNonQuery();
        }
        foreach (var sql in GeoPackageSchema.RtreeTriggers(t)) Execute(connection, transaction, sql);
    }

    private static void Bind(PreparedStatement insert, int position, FeatureLayer layer, int feature, int column, object? value)
    {
        var type = layer.Fields[column].Type;
        switch (type, value)
        {
            case (_, null): insert.BindNull(position); break;
            case (FieldType.Boolean, bool b): insert.Bind(position, b ? 1L : 0L); break;
            case (FieldType.Integer, long or int or short or byte): insert.Bind(position, Convert.ToInt64(value)); break;
            case (FieldType.Real, double d): insert.Bind(position, d); break;
            case (FieldType.Real, float or long or int): insert.Bind(position, Convert.ToDouble(value)); break;
            case (FieldType.Text, string text): insert.Bind(position, text); break;
            default:
                throw new GeoInputException(
                    $"layer '{layer.Name}' feature {feature + 1} column '{layer.Fields[column].Name}': {value.GetType().Name} value in a {type} column");
        }
    }

    internal static string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "INTEGER",
        FieldType.Real => "REAL",
        FieldType.Boolean => "BOOLEAN",
        _ => "TEXT",
    };

    private static bool TableExists(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = Command(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @n");
        command.Parameters.AddWithValue("@n", table);
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
