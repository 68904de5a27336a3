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
        foreach (var layer in layers) LayerName.Require(layer.Name, "table");
        string schema = Quote(Location.Schema);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}");
        foreach (var layer in layers)
        {
            string table = $"{schema}.{Quote(layer.Name)}";
            string columns = string.Concat(layer.Fields.Select(f => $", {Quote(LayerName.Require(f.Name, "column"))} {SqlType(f.Type)}"));
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
                    var values = layer.Features[i].Values;
                    for (int c = 0; c < layer.Fields.Count; c++)
                    {
                        if (values[c] is null) writer.WriteNull();
                        else WriteValue(writer, values[c]!, layer.Fields[c].Type);
                    }
                }
                writer.Complete();
            }
            Execute(connection, $"CREATE INDEX {Quote(layer.Name + "_geom_gist")} ON {table} USING GIST (geom)");
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

    private static void WriteValue(NpgsqlBinaryImporter writer, object value, FieldType type)
    {
        switch (type)
        {
            case FieldType.Integer: writer.Write(Convert.ToInt64(value), NpgsqlDbType.Bigint); break;
            case FieldType.Real: writer.Write(Convert.ToDouble(value), NpgsqlDbType.Double); break;
            case FieldType.Boolean: writer.Write(Convert.ToBoolean(value), NpgsqlDbType.Boolean); break;
            default: writer.Write(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, NpgsqlDbType.Text); break;
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
