using System.Collections.Concurrent;
using System.Diagnostics;
using Geo.Data.PostGis;
using Npgsql;

namespace Geo.Tests.PostGis;

/// <summary>
/// The real local PostGIS server the integration tests use, started once per run by scripts/postgis.sh (which
/// installs Debian's postgis and pgrouting packages when missing). If it cannot start, every test using it fails
/// with the script's message rather than passing without a database.
/// </summary>
public sealed class PostGisServer : IDisposable
{
    private static readonly Lazy<string> Started = new(Start);
    private readonly ConcurrentBag<string> _schemas = new();

    public string ConnectionString => Started.Value;

    /// <summary>A fresh schema, so tests do not see each other's tables; it is dropped when the run ends.</summary>
    public PostGisLocation NewSchema(string prefix)
    {
        string schema = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        _schemas.Add(schema);
        return PostGisLocation.Parse($"postgis:{ConnectionString}", schema);
    }

    /// <summary>
    /// Runs SQL as the test user, for setting up or inspecting what a store did; <c>@schema</c> in it is the
    /// given schema's name as a value.
    /// </summary>
    public object? Scalar(string sql, string schema = "")
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@schema", StringComparison.Ordinal)) command.Parameters.AddWithValue("schema", schema);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        if (_schemas.IsEmpty || !Started.IsValueCreated) return;
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        foreach (var schema in _schemas)
        {
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            command.ExecuteNonQuery();
        }
    }

    private static string Start()
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "postgis.sh");
        var start = new ProcessStartInfo("bash", new[] { script, "start" })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("scripts/postgis.sh start did not finish within 10 minutes");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/postgis.sh start failed (exit {process.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}");
        }
        string last = stdout.Result.Trim().Split('\n')[^1].Trim();
        if (!last.StartsWith("Host=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"scripts/postgis.sh start printed no connection string: {stdout.Result}");
        }
        return last;
    }
}

[CollectionDefinition("PostGIS")]
public sealed class PostGisCollection : ICollectionFixture<PostGisServer>;
