using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Geo.Data.Osm;

/// <summary>Checks that a file is an OSM PBF before decoding it, so a wrong file gets a plain message, not a decoder crash.</summary>
internal static class PbfFile
{
    public static void RequireReadable(string path)
    {
        if (!File.Exists(path)) throw new GeoInputException($"{path} does not exist");
        using var stream = File.OpenRead(path);
        Span<byte> length = stackalloc byte[4];
        if (stream.Read(length) < 4) throw NotPbf(path);
        int headerLength = BinaryPrimitives.ReadInt32BigEndian(length);
        if (headerLength is <= 0 or > 64 * 1024) throw NotPbf(path);
        var header = new byte[headerLength];
        if (stream.Read(header) < headerLength) throw NotPbf(path);
        // BlobHeader field 1 (type, a string): tag 0x0A, length 9, "OSMHeader".
        if (header.Length < 11 || header[0] != 0x0A || header[1] != 9 || !header.AsSpan(2, 9).SequenceEqual("OSMHeader"u8))
        {
            throw NotPbf(path);
        }
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    private static GeoInputException NotPbf(string path) =>
        new($"{path} is not an OSM PBF file (it does not start with an OSMHeader block)");
}
