using System.Text.RegularExpressions;

namespace Geo.Data.Cache;

/// <summary>
/// Where Geo keeps what it has worked out once for a dataset and can read back faster than work out again: the
/// folder <c>GEO_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/geo</c>, else <c>~/.cache/geo</c>; <c>GEO_CACHE_DIR=off</c>
/// turns caching off. Files are named by kind, format version and a hash of everything they were made from, so a
/// name never answers for other inputs; each is written beside its place and renamed into it whole. A file that
/// cannot be read or written is skipped: the work is done again.
/// </summary>
internal static class CacheFolder
{
    /// <summary>The most recently used files of each kind kept; older ones are deleted when a new one is written.</summary>
    public const int FilesKept = 8;

    /// <summary>The folder in use, or null when caching is off.</summary>
    public static string? Resolve()
    {
        if (!BitConverter.IsLittleEndian) return null;
        string? chosen = Environment.GetEnvironmentVariable("GEO_CACHE_DIR");
        if (!string.IsNullOrWhiteSpace(chosen)) return chosen.Trim() is "off" or "none" or "0" ? null : chosen;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "geo");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "geo");
    }

    public static string FileFor(string folder, string kind, int version, string key) => Path.Combine(folder, $"{kind}-v{version}-{key}.bin");

    /// <summary>What <paramref name="read"/> makes of the file, or null when there is none or it cannot be read.</summary>
    public static T? TryRead<T>(string file, Func<string, T?> read) where T : class
    {
        try
        {
            if (!File.Exists(file) || read(file) is not { } value) return null;
            Quietly(() => File.SetLastWriteTimeUtc(file, DateTime.UtcNow));
            return value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the file through a partial one renamed into place, then deletes the least recently used of its kind beyond <see cref="FilesKept"/>.</summary>
    public static void TryWrite(string file, string kind, Action<string> write)
    {
        string folder = Path.GetDirectoryName(file)!;
        string partial = Path.Combine(folder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(folder);
            write(partial);
            File.Move(partial, file, overwrite: true);
            // Only names Geo gives its files: a folder shared with other files loses none of them.
            var ours = new Regex($"^{Regex.Escape(kind)}-v[0-9]+-[0-9a-f]{{32}}\\.bin$");
            var files = new DirectoryInfo(folder).GetFiles(kind + "-*.bin").Where(f => ours.IsMatch(f.Name)).OrderByDescending(f => f.LastWriteTimeUtc).ToList();
            foreach (var old in files.Skip(FilesKept)) old.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The partial file is named so that no reader takes it; it goes if it can.
            Quietly(() => File.Delete(partial));
        }
    }

    private static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
