using System.Text;
using Geo.Data.Model;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Geo.Data.Cache;

/// <summary>
/// A dataset's streets in one binary file: a header (format, CRS, counts), the distinct texts once, then one array per
/// attribute and every line's x, y pairs end to end, and last a checksum of all that. Reading fills the arrays
/// straight from the file; a file of another format, cut short or with any byte changed is refused whole.
/// </summary>
internal static class StreetCacheFile
{
    /// <summary>Raised whenever the format changes or reading streets from a GeoPackage gives anything else.</summary>
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "GEOSTRTS"u8.ToArray();

    private const byte OnewayFlag = 1, HasMaxSpeedFlag = 2;
    private const int AccessShift = 2;

    public static void Write(string path, IReadOnlyList<StreetSegment> streets)
    {
        int n = streets.Count;
        var way = new long[n];
        var from = new long[n];
        var to = new long[n];
        var highway = new int[n];
        var name = new int[n];
        var flags = new byte[n];
        var maxSpeed = new double[n];
        var texts = new List<string>();
        var textIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Text(string? text)
        {
            if (text is null) return -1;
            if (textIndex.TryGetValue(text, out int index)) return index;
            textIndex[text] = texts.Count;
            texts.Add(text);
            return texts.Count - 1;
        }
        int srid = n == 0 ? 4326 : streets[0].Geometry.SRID;
        for (int i = 0; i < n; i++)
        {
            var s = streets[i];
            if (s.Geometry.SRID != srid) throw new InvalidDataException("streets of more than one CRS");
            (way[i], from[i], to[i]) = (s.WayId, s.FromNodeId, s.ToNodeId);
            (highway[i], name[i]) = (Text(s.Highway), Text(s.Name));
            flags[i] = (byte)((s.Oneway ? OnewayFlag : 0) | (s.MaxSpeedKmh is null ? 0 : HasMaxSpeedFlag) | ((int)s.Access << AccessShift));
            maxSpeed[i] = s.MaxSpeedKmh ?? 0;
        }
        var (firstPoint, xy) = CachedLines.Flatten(streets.Select(s => s.Geometry.CoordinateSequence).ToArray());
        int points = xy.Length / 2;

        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var output = new ChecksummedWriter(file);
        output.Header(Magic, [FormatVersion, srid, n, texts.Count, points]);
        foreach (var text in texts)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            output.Values<int>([bytes.Length]);
            output.Bytes(bytes);
        }
        output.Values<long>(way);
        output.Values<long>(from);
        output.Values<long>(to);
        output.Values<int>(highway);
        output.Values<int>(name);
        output.Bytes(flags);
        output.Values<double>(maxSpeed);
        output.Values<int>(firstPoint);
        output.Values<double>(xy);
        // Not flushed to disk: a file cut short by a crash fails its checksum and is written again.
        output.Finish();
    }

    /// <summary>The streets of a cache file, or null when it is not one of this format or fails its checksum.</summary>
    public static IReadOnlyList<StreetSegment>? TryRead(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var input = new ChecksummedReader(file);
        if (input.Header(Magic, FormatVersion, 5) is not { } header) return null;
        int srid = header[1], n = header[2], textCount = header[3], points = header[4];
        // Sizes checked against the file's before anything that large is made.
        if (n < 0 || textCount < 0 || points < 0 || 45L * n + 16L * points + 4L * textCount > file.Length) return null;
        var texts = new string[textCount];
        for (int t = 0; t < textCount; t++)
        {
            int length = input.Value<int>();
            if (length < 0 || length > file.Length) return null;
            texts[t] = Encoding.UTF8.GetString(input.Bytes(length));
        }
        var way = input.Values<long>(n);
        var from = input.Values<long>(n);
        var to = input.Values<long>(n);
        var highway = input.Values<int>(n);
        var name = input.Values<int>(n);
        var flags = input.Bytes(n);
        var maxSpeed = input.Values<double>(n);
        var firstPoint = input.Values<int>(n + 1);
        var xy = input.Values<double>(2 * points);
        if (!input.Verify()) return null;
        if (firstPoint[0] != 0 || firstPoint[n] != points) return null;
        for (int i = 0; i < n; i++)
        {
            if (firstPoint[i + 1] - firstPoint[i] < 2 || (uint)highway[i] >= (uint)textCount || name[i] < -1 || name[i] >= textCount) return null;
        }

        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(srid);
        var streets = new StreetSegment[n];
        Parallel.For(0, n, i =>
        {
            var line = factory.CreateLineString(CachedLines.Line(firstPoint, xy, i));
            byte f = flags[i];
            streets[i] = new StreetSegment(way[i], from[i], to[i], texts[highway[i]], name[i] < 0 ? null : texts[name[i]],
                (f & OnewayFlag) != 0, (f & HasMaxSpeedFlag) != 0 ? maxSpeed[i] : null, (StreetAccess)(f >> AccessShift), line);
        });
        return streets;
    }
}
