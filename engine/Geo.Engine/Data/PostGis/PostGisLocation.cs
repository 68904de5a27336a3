using System.Data.Common;
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

    /// <summary>Seconds to wait for the server when the connection string does not say: a wrong address fails fast.</summary>
    public const int DefaultConnectTimeout = 5;

    private static readonly string[] TimeoutKeys = { "timeout", "connecttimeout", "connectiontimeout" };

    /// <summary>
    /// Reads <c>postgis:&lt;connection string&gt;</c> (the prefix is optional). <paramref name="schemaOverride"/>,
    /// when given, wins over a <c>Schema=</c> key.
    /// </summary>
    public static PostGisLocation Parse(string spec, string? schemaOverride = null)
    {
        string text = FeatureStores.IsPostGis(spec) ? spec[FeatureStores.PostGisPrefix.Length..] : spec;
        var keys = new DbConnectionStringBuilder();
        NpgsqlConnectionStringBuilder builder;
        string schema = DefaultSchema;
        bool timeoutGiven;
        try
        {
            keys.ConnectionString = text;
            if (keys.TryGetValue("Schema", out var given))
            {
                schema = Convert.ToString(given, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                keys.Remove("Schema");
            }
            timeoutGiven = keys.Keys.Cast<string>().Any(k => TimeoutKeys.Contains(k.Replace(" ", "").ToLowerInvariant()));
            builder = new NpgsqlConnectionStringBuilder(keys.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
        {
            throw new GeoInputException($"malformed PostGIS connection string: {e.Message}", e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new GeoInputException("malformed PostGIS connection string: it names no Host=");
        }
        LayerName.Require(schemaOverride ?? schema, "schema");
        if (!timeoutGiven) builder.Timeout = DefaultConnectTimeout;
        return new PostGisLocation(builder.ConnectionString, schemaOverride ?? schema);
    }

    /// <summary>The server as <c>host:port</c>, for messages (never the password).</summary>
    public string Server
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"{builder.Host}:{builder.Port}";
        }
    }
}
