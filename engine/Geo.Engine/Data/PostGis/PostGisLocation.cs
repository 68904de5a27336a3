using Geo.Data.Features;
using Npgsql;

namespace Geo.Data.PostGis;

/// <summary>
/// Where a PostGIS dataset lives: an Npgsql connection string and a schema. Written as
/// <c>postgis:Host=127.0.0.1;Port=55432;Username=geo;Database=geo;Schema=geo</c>; Schema defaults to <c>geo</c>.
/// </summary>
public sealed record PostGisLocation(string ConnectionString, string Schema)
{
    public const string DefaultSchema = "geo";

    public static PostGisLocation Parse(string spec, string? schemaOverride = null)
    {
        string text = spec.StartsWith(FeatureStores.PostGisPrefix, StringComparison.OrdinalIgnoreCase) ? spec[FeatureStores.PostGisPrefix.Length..] : spec;
        string schema = DefaultSchema;
        var kept = new List<string>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Trim().Equals("Schema", StringComparison.OrdinalIgnoreCase)) schema = part[(eq + 1)..].Trim();
            else kept.Add(part);
        }
        schema = schemaOverride ?? schema;
        LayerName.Require(schema, "schema");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(string.Join(';', kept));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new GeoInputException($"malformed PostGIS connection string: {e.Message}", e);
        }
        if (string.IsNullOrEmpty(builder.Host)) throw new GeoInputException("malformed PostGIS connection string: no Host=");
        if (builder.Timeout > 15 || builder.Timeout == 0) builder.Timeout = 5;
        return new PostGisLocation(builder.ConnectionString, schema);
    }

    public string Server
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"{builder.Host}:{builder.Port}";
        }
    }
}
