using System.IO.Hashing;
using Geo.Data.Model;

namespace Geo.Data.Cache;

/// <summary>
/// A large GeoPackage dataset's streets kept in Geo's own binary form (<see cref="StreetCacheFile"/>) in the
/// <see cref="CacheFolder"/>, so that every command after the first on the same file reads them several times faster
/// than through SQLite and the geometry blobs. A cache file is named by a hash of every byte of the GeoPackage, so any
/// change to it (a street, a station, a column) makes another; a file of another format, cut short or failing its
/// checksum is read again from the GeoPackage and replaced.
/// </summary>
public static class StreetCache
{
    /// <summary>Fewer streets than this read from SQLite in well under a second: not worth a file.</summary>
    public const int SmallestCached = 20_000;

    private const string Kind = "streets";

    public static IReadOnlyList<StreetSegment> Streets(string geoPackagePath, Func<IReadOnlyList<StreetSegment>> read) =>
        Streets(geoPackagePath, CacheFolder.Resolve(), SmallestCached, read);

    internal static IReadOnlyList<StreetSegment> Streets(string geoPackagePath, string? folder, int smallestCached, Func<IReadOnlyList<StreetSegment>> read)
    {
        // A write-ahead log or rollback journal beside the file means its own bytes may not be what SQLite reads.
        if (folder is null || File.Exists(geoPackagePath + "-wal") || File.Exists(geoPackagePath + "-journal")) return read();
        string? hash = TryContentHash(geoPackagePath);
        if (hash is null) return read();
        string file = CacheFolder.FileFor(folder, Kind, StreetCacheFile.FormatVersion, hash);
        if (CacheFolder.TryRead(file, StreetCacheFile.TryRead) is { } cached) return cached;
        var streets = read();
        // A file changed while it was read is not cached under either content's name.
        if (streets.Count >= smallestCached && TryContentHash(geoPackagePath) == hash)
        {
            CacheFolder.TryWrite(file, Kind, path => StreetCacheFile.Write(path, streets));
        }
        return streets;
    }

    private static string? TryContentHash(string path)
    {
        try
        {
            return ContentHash(path);
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
}
