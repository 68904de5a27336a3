using Geo.Data;
using Geo.Data.PostGis;
using Npgsql;

namespace Geo.Cli.Outputs;

/// <summary>
/// What a command reads, as real places: files and folders with symlinks and <c>..</c> resolved (and the inode, so
/// a hard link counts too), and PostGIS schemas by server, database and schema. Outputs are checked against them.
/// </summary>
internal sealed class OutputInputs
{
    private readonly List<(string Real, (ulong, ulong)? Identity, bool IsFolder, string Given)> _paths = new();
    private readonly List<(string Key, string Given)> _schemas = new();

    /// <summary>
    /// Each spec as the user gave it: a path, postgis:…, a path with a <c>:column</c> suffix, or a layer name or
    /// query (not a place on disk, so nothing to protect).
    /// </summary>
    public OutputInputs(IEnumerable<string?> specs)
    {
        foreach (var spec in specs)
        {
            if (string.IsNullOrWhiteSpace(spec)) continue;
            if (FeatureStores.IsPostGis(spec))
            {
                if (SchemaKey(spec) is { } key) _schemas.Add((key, spec));
                continue;
            }
            int colon = spec.LastIndexOf(':');
            string? path = Existing(spec) ?? (colon > 0 ? Existing(spec[..colon]) : null);
            if (path is null) continue;
            _paths.Add((FileSystemCalls.RealPath(path), FileSystemCalls.Identity(path), Directory.Exists(path), path));
        }
    }

    /// <summary>The input a file or folder output would touch, or null: the same place, inside an input folder, or holding an input.</summary>
    public string? Clash(string realOutput)
    {
        var identity = File.Exists(realOutput) ? FileSystemCalls.Identity(realOutput) : null;
        foreach (var (real, id, isFolder, given) in _paths)
        {
            if (real == realOutput || (identity is not null && id == identity)) return given;
            if (isFolder && realOutput.StartsWith(real + "/", StringComparison.Ordinal)) return given;
            if (real.StartsWith(realOutput + "/", StringComparison.Ordinal)) return given;
        }
        return null;
    }

    /// <summary>The input schema a PostGIS output names, or null.</summary>
    public string? SchemaClash(string output)
    {
        string? key = SchemaKey(output);
        return key is null ? null : _schemas.FirstOrDefault(s => s.Key == key).Given;
    }

    private static string? Existing(string path) =>
        File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null ? path : null;

    private static string? SchemaKey(string spec)
    {
        try
        {
            var location = PostGisLocation.Parse(spec);
            var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
            return $"{builder.Host?.ToLowerInvariant()}:{builder.Port}/{builder.Database ?? builder.Username}/{location.Schema.ToLowerInvariant()}";
        }
        catch (GeoInputException)
        {
            return null;
        }
    }
}
