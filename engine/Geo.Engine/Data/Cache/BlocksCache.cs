using System.IO.Hashing;
using System.Runtime.InteropServices;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Data.Cache;

/// <summary>
/// A city's blocks (the faces of its street pieces) kept in the <see cref="CacheFolder"/>, so that every audit after
/// the first on the same streets reads them rather than noding and walking the whole network again (about 1.5 s of
/// work for 600,000 streets). A file is named by a hash of every piece's points and of the engine build itself: the
/// blocks depend on nothing else, and a change to how they are found makes another name.
/// </summary>
internal static class BlocksCache
{
    private const string Kind = "blocks";

    public static List<Polygon> Blocks(StreetPieces pieces, GeometryFactory factory, Func<List<Polygon>> find) =>
        Blocks(pieces, factory, CacheFolder.Resolve(), StreetCache.SmallestCached, find);

    internal static List<Polygon> Blocks(StreetPieces pieces, GeometryFactory factory, string? folder, int smallestCached, Func<List<Polygon>> find)
    {
        if (folder is null || pieces.Count < smallestCached) return find();
        string file = CacheFolder.FileFor(folder, Kind, BlocksCacheFile.FormatVersion, Key(pieces));
        if (CacheFolder.TryRead(file, path => BlocksCacheFile.TryRead(path, factory)) is { } cached) return cached;
        var blocks = find();
        CacheFolder.TryWrite(file, Kind, path => BlocksCacheFile.Write(path, blocks));
        return blocks;
    }

    /// <summary>The pieces' points and the engine's build (its module version id changes with any change to its code).</summary>
    internal static string Key(StreetPieces pieces)
    {
        var hash = new XxHash128();
        hash.Append(typeof(BlocksCache).Module.ModuleVersionId.ToByteArray());
        hash.Append(MemoryMarshal.AsBytes(pieces.FirstPoint.AsSpan()));
        hash.Append(MemoryMarshal.AsBytes(pieces.PointX.AsSpan()));
        hash.Append(MemoryMarshal.AsBytes(pieces.PointY.AsSpan()));
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
