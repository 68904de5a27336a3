using NetTopologySuite.Geometries;

namespace Geo.Data.Cache;

/// <summary>
/// A graph's city blocks in one binary file: a header (format and counts), each block's first ring (its shell; its
/// holes follow), each ring's first point, every ring's x, y pairs end to end, and last a checksum of all that.
/// Reading makes each ring's packed coordinates straight from the file; a file of another format, cut short or with
/// any byte changed is refused whole.
/// </summary>
internal static class BlocksCacheFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "GEOBLCKS"u8.ToArray();

    public static void Write(string path, IReadOnlyList<Polygon> blocks)
    {
        var firstRing = new int[blocks.Count + 1];
        var rings = new List<CoordinateSequence>();
        foreach (var (block, b) in blocks.Select((block, b) => (block, b)))
        {
            rings.Add(block.Shell.CoordinateSequence);
            foreach (var hole in block.Holes) rings.Add(hole.CoordinateSequence);
            firstRing[b + 1] = rings.Count;
        }
        if (rings.Any(r => r.Dimension != 2 || r.Measures != 0)) throw new InvalidDataException("blocks are kept as x, y only");
        var (firstPoint, xy) = CachedLines.Flatten(rings);
        int points = xy.Length / 2;

        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var output = new ChecksummedWriter(file);
        output.Bytes(Magic);
        output.Values<int>([FormatVersion, blocks.Count, rings.Count, points]);
        output.Values<int>(firstRing);
        output.Values<int>(firstPoint);
        output.Values<double>(xy);
        // Not flushed to disk: a file cut short by a crash fails its checksum and is written again.
        output.Finish();
    }

    /// <summary>The blocks of a cache file made by <paramref name="factory"/>, or null when it is not one of this format or fails its checksum.</summary>
    public static List<Polygon>? TryRead(string path, GeometryFactory factory)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var input = new ChecksummedReader(file);
        if (!input.Bytes(Magic.Length).AsSpan().SequenceEqual(Magic)) return null;
        var header = input.Values<int>(4);
        if (header[0] != FormatVersion) return null;
        int blocks = header[1], rings = header[2], points = header[3];
        // Sizes checked against the file's before anything that large is made.
        if (blocks < 0 || rings < blocks || points < 0 || 4L * blocks + 4L * rings + 16L * points > input.Length) return null;
        var firstRing = input.Values<int>(blocks + 1);
        var firstPoint = input.Values<int>(rings + 1);
        var xy = input.Values<double>(2 * points);
        if (!input.Verify()) return null;
        if (firstRing[0] != 0 || firstRing[blocks] != rings || firstPoint[0] != 0 || firstPoint[rings] != points) return null;
        for (int b = 0; b < blocks; b++)
        {
            if (firstRing[b + 1] <= firstRing[b]) return null;
        }
        for (int r = 0; r < rings; r++)
        {
            if (firstPoint[r + 1] - firstPoint[r] < 4) return null;
        }

        var polygons = new Polygon[blocks];
        Parallel.For(0, blocks, b =>
        {
            LinearRing Ring(int r) => factory.CreateLinearRing(CachedLines.Line(firstPoint, xy, r));
            var holes = new LinearRing[firstRing[b + 1] - firstRing[b] - 1];
            for (int h = 0; h < holes.Length; h++) holes[h] = Ring(firstRing[b] + 1 + h);
            polygons[b] = factory.CreatePolygon(Ring(firstRing[b]), holes);
        });
        return polygons.ToList();
    }
}
