using System.Diagnostics;
using Geo.Data.PostGis;

namespace Geo.Tests.PostGis;

/// <summary>
/// The real local PostGIS server the integration tests use, started once per run by scripts/postgis.sh (which
/// installs Debian's postgis and pgrouting packages when missing). If it cannot start, the tests fail with its message.
/// </summary>
public sealed class PostGisServer
{
    private static readonly Lazy<string> Started = new(Start);

    public string ConnectionString => Started.Value;

    /// <summary>A fresh schema name, so tests do not see each other's tables.</summary>
    public PostGisLocation NewSchema(string prefix) =>
        PostGisLocation.Parse($"postgis:{ConnectionString}", $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)]);

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
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgis.sh start failed: {stderr.Result}{stdout.Result}");
        }
        return stdout.Result.Trim().Split('\n')[^1].Trim();
    }
}

[CollectionDefinition("PostGIS")]
public sealed class PostGisCollection : ICollectionFixture<PostGisServer>;
