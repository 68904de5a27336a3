using System.IO.Hashing;
using Geo.Data.Model;

namespace Geo.Data.Cache;

/// <summary>
/// A large GeoPackage dataset's streets kept in Geo's own binary form (<see cref="StreetCacheFile"/>), so that every
/// command after the first on the same file reads them several times faster than through SQLite and the geometry
/// blobs. A cache file is named by a hash of every byte of the GeoPackage, so any change to it (a street, a station,
/// a column) makes another; a file of another format, cut short or failing its checksum is read again from the
/// GeoPackage and replaced. The folder is <c>GEO_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/geo</c>, else
/// <c>~/.cache/geo</c>; <c>GEO_CACHE_DIR=off</c> turns caching off. A cache that cannot be written is skipped.
/// </summary>
public static class StreetCache
{
    /// <summary>Fewer streets than this read from SQLite in well under a second: not worth a file.</summary>
    public const int SmallestCached = 20_000;

    /// <summary>The most recently used files kept; older ones are deleted when a new one is written.</summary>
    public const int FilesKept = 8;

    private const string Prefix = "streets-";

    public static IReadOnlyList<StreetSegment> Streets(string geoPackagePath, Func<IReadOnlyList<StreetSegment>> read) =>
        Streets(geoPackagePath, Folder(), SmallestCached, read);

    /// <summary>The folder in use, or null when caching is off.</summary>
    public static string? Folder()
    {
        string? chosen = Environment.GetEnvironmentVariable("GEO_CACHE_DIR");
        if (!string.IsNullOrWhiteSpace(chosen)) return chosen.Trim() is "off" or "none" or "0" ? null : chosen;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "geo");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "geo");
    }

    internal static IReadOnlyList<StreetSegment> Streets(string geoPackagePath, string? folder, int smallestCached, Func<IReadOnlyList<StreetSegment>> read)
    {
        // A write-ahead log beside the file holds changes the file's own bytes do not show yet.
        if (folder is null || !BitConverter.IsLittleEndian || File.Exists(geoPackagePath + "-wal")) return read();
        string file;
        try
        {
            file = Path.Combine(folder, $"{Prefix}v{StreetCacheFile.FormatVersion}-{ContentHash(geoPackagePath)}.bin");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return read();
        }
        if (TryRead(file) is { } cached) return cached;
        var streets = read();
        if (streets.Count >= smallestCached) TryWrite(folder, file, streets);
        return streets;
    }

    /// <summary>The cached streets, or null when there is no usable file (it is then written again).</summary>
    private static IReadOnlyList<StreetSegment>? TryRead(string file)
    {
        try
        {
            if (!File.Exists(file) || StreetCacheFile.TryRead(file) is not { } cached) return null;
            Quietly(() => File.SetLastWriteTimeUtc(file, DateTime.UtcNow));
            return cached;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every byte of the file hashed, so that no change to it can leave the cache in use.</summary>
    internal static string ContentHash(string path)
    {
        var hash = new XxHash128();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20)) hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static void TryWrite(string folder, string file, IReadOnlyList<StreetSegment> streets)
    {
        string partial = Path.Combine(folder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(folder);
            StreetCacheFile.Write(partial, streets);
            File.Move(partial, file, overwrite: true);
            Prune(folder);
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

    private static void Prune(string folder)
    {
        var files = new DirectoryInfo(folder).GetFiles(Prefix + "*.bin").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        foreach (var old in files.Skip(FilesKept)) old.Delete();
    }
}
