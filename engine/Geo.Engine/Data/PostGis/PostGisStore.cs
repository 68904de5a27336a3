using Geo.Data.Features;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.PostGis;

/// <summary>
/// A schema of a PostGIS database as a Geo store. Layers are tables with a <c>geom</c> column and a GiST index;
/// a write of several layers happens in one transaction (binary COPY), so an interrupted write leaves no
/// half-written table. Names are checked plain identifiers; values travel only as parameters or COPY data.
/// </summary>
public sealed class PostGisStore : IFeatureStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostGisStore(PostGisLocation location)
    {
        Location = location;
        var builder = new NpgsqlDataSourceBuilder(location.ConnectionString);
        builder.UseNetTopologySuite();
        _dataSource = builder.Build();
        using var connection = Connect();
    }

    public PostGisLocation Location { get; }

    public string Description => $"postgis:{Location.Server}/{Location.Schema}";

    public IReadOnlyList<string> LayerNames()
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(
            "SELECT f_table_name FROM geometry_columns WHERE f_table_schema = @s ORDER BY f_table_name", connection);
        command.Parameters.AddWithValue("s", Location.Schema);
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    public bool HasLayer(string name) => LayerName.IsPlain(name) && LayerNames().Contains(name, StringComparer.OrdinalIgnoreCase);

    public FeatureLayer ReadLayer(string name)
    {
        LayerName.Require(name, "table");
        var names = LayerNames();
        string? table = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (table is null)
        {
            throw new GeoInputException($"{Description} has no table '{name}' (tables: {(names.Count == 0 ? "none" : string.Join(", ", names))})");
        }
        using var connection = Connect();
        return PostGisLayerReader.Read(connection, Location.Schema, table);
    }

    public void WriteLayers(IReadOnlyList<FeatureLayer> layers)
    {
        CheckNames(layers);
        string schema = Quote(Location.Schema);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}");
        foreach (var layer in layers)
        {
            string table = $"{schema}.{Quote(layer.Name)}";
            string columns = string.Concat(layer.Fields.Select(f => $", {Quote(f.Name)} {SqlType(f.Type)}"));
            Execute(connection, $"DROP TABLE IF EXISTS {table}");
            Execute(connection, $"CREATE TABLE {table} (fid bigserial PRIMARY KEY, geom geometry({LayerGeometry.SqlTypeName(layer.GeometryKind)}, {layer.Srid}) NOT NULL{columns})");
            string copy = $"COPY {table} (geom{string.Concat(layer.Fields.Select(f => ", " + Quote(f.Name)))}) FROM STDIN (FORMAT BINARY)";
            using (var writer = connection.BeginBinaryImport(copy))
            {
                for (int i = 0; i < layer.Features.Count; i++)
                {
                    var geometry = LayerGeometry.Conform(layer, i);
                    writer.StartRow();
                    writer.Write(geometry, NpgsqlDbType.Geometry);
                    for (int c = 0; c < layer.Fields.Count; c++) WriteValue(writer, layer, i, c);
                }
                writer.Complete();
            }
            // Unnamed, so PostgreSQL picks a free name even for a 63-character table name.
            Execute(connection, $"CREATE INDEX ON {table} USING GIST (geom)");
        }
        transaction.Commit();
    }

    public void Dispose() => _dataSource.Dispose();

    internal NpgsqlConnection Connect()
    {
        try
        {
            return _dataSource.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            throw new GeoInputException($"cannot reach PostGIS at {Location.Server}: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new GeoInputException($"cannot reach PostGIS at {Location.Server}: {e.Message}", e);
        }
    }

    internal static string Quote(string identifier) => "\"" + LayerName.Require(identifier, "identifier") + "\"";

    /// <summary>Table and column names are checked before anything is sent, so a bad name never reaches the server.</summary>
    private static void CheckNames(IReadOnlyList<FeatureLayer> layers)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            LayerName.Require(layer.Name, "table");
            if (!tables.Add(layer.Name)) throw new GeoInputException($"table '{layer.Name}' is written twice in one write");
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fid", "geom" };
            foreach (var field in layer.Fields)
            {
                LayerName.Require(field.Name, "column");
                if (!columns.Add(field.Name))
                {
                    throw new GeoInputException(
                        $"layer '{layer.Name}' column '{field.Name}' clashes with another column (fid and geom are Geo's own)");
                }
            }
        }
    }

    private static void WriteValue(NpgsqlBinaryImporter writer, FeatureLayer layer, int feature, int column)
    {
        object? value = layer.Features[feature].Values[column];
        if (value is null)
        {
            writer.WriteNull();
            return;
        }
        var type = layer.Fields[column].Type;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            switch (type)
            {
                case FieldType.Integer: writer.Write(Convert.ToInt64(value, culture), NpgsqlDbType.Bigint); break;
                case FieldType.Real: writer.Write(Convert.ToDouble(value, culture), NpgsqlDbType.Double); break;
                case FieldType.Boolean: writer.Write(Convert.ToBoolean(value, culture), NpgsqlDbType.Boolean); break;
                default: writer.Write(Convert.ToString(value, culture)!, NpgsqlDbType.Text); break;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new GeoInputException(
                $"layer '{layer.Name}' feature {feature + 1} column '{layer.Fields[column].Name}': '{value}' is not {(type == FieldType.Integer ? "an" : "a")} {type.ToString().ToLowerInvariant()} value", e);
        }
    }

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "bigint",
        FieldType.Real => "double precision",
        FieldType.Boolean => "boolean",
        _ => "text",
    };

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
