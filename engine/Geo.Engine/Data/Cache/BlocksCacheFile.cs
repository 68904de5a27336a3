using NetTopologySuite.Geometries;

namespace Geo.Data.Cache;

/// <summary>
/// A graph's city blocks in one binary file: a header (format and counts), the blocks as
/// <see cref="CachedPolygons"/> keeps them, and last a checksum of all that. Reading makes each ring's packed
/// coordinates straight from the file; a file of another format, cut short or with any byte changed is refused whole.
/// </summary>
internal static class BlocksCacheFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "GEOBLCKS"u8.ToArray();

    public static void Write(string path, IReadOnlyList<Polygon> blocks)
    {
        var polygons = CachedPolygons.Of(blocks);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var output = new ChecksummedWriter(file);
        output.Header(Magic, [FormatVersion, polygons.Polygons, polygons.Rings, polygons.Points]);
        polygons.Write(output);
        // Not flushed to disk: a file cut short by a crash fails its checksum and is written again.
        output.Finish();
    }

    /// <summary>The blocks of a cache file made by <paramref name="factory"/>, or null when it is not one of this format or fails its checksum.</summary>
    public static List<Polygon>? TryRead(string path, GeometryFactory factory)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var input = new ChecksummedReader(file);
        if (input.Header(Magic, FormatVersion, 4) is not { } header) return null;
        int blocks = header[1], rings = header[2], points = header[3];
        // Sizes checked against the file's before anything that large is made.
        if (blocks < 0 || rings < blocks || points < 0 || CachedPolygons.SmallestSize(blocks, rings, points) > input.Length) return null;
        var polygons = CachedPolygons.Read(input, blocks, rings, points);
        if (!input.Verify() || !polygons.IsWellFormed()) return null;
        return polygons.ToPolygons(factory).ToList();
    }
}
