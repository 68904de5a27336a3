using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Geo.Data.Cache;

/// <summary>
/// Writes a cache file's values as their bytes in this machine's order (a cache is read only where it was written),
/// hashing everything written, and ends the file with that hash.
/// </summary>
internal sealed class ChecksummedWriter(Stream stream)
{
    private readonly XxHash3 _hash = new();

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        stream.Write(bytes);
    }

    public void Values<T>(ReadOnlySpan<T> values) where T : unmanaged => Bytes(MemoryMarshal.AsBytes(values));

    /// <summary>A cache file's start: the bytes naming its kind, then its header, the format version first.</summary>
    public void Header(ReadOnlySpan<byte> magic, ReadOnlySpan<int> header)
    {
        Bytes(magic);
        Values(header);
    }

    /// <summary>Writes the checksum: the file is complete.</summary>
    public void Finish() => stream.Write(_hash.GetCurrentHash());
}

/// <summary>Reads what a <see cref="ChecksummedWriter"/> wrote, hashing as it goes; the values count only once <see cref="Verify"/> holds.</summary>
internal sealed class ChecksummedReader(Stream stream)
{
    private readonly XxHash3 _hash = new();

    public long Length => stream.Length;

    // Arrays are read into uncleared: every byte is read from the file before it is used, or the read throws and the
    // array is dropped; clearing a city's 100 MB of them first cost the start of every command.
    public byte[] Bytes(int count)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(count);
        stream.ReadExactly(bytes);
        _hash.Append(bytes);
        return bytes;
    }

    public T[] Values<T>(int count) where T : unmanaged
    {
        var values = GC.AllocateUninitializedArray<T>(count);
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        stream.ReadExactly(bytes);
        _hash.Append(bytes);
        return values;
    }

    public T Value<T>() where T : unmanaged => Values<T>(1)[0];

    /// <summary>
    /// The header of <paramref name="values"/> values after the bytes naming the file's kind; null when they name
    /// another kind or the header's first value, the format version, is not <paramref name="version"/>.
    /// </summary>
    public int[]? Header(ReadOnlySpan<byte> magic, int version, int values)
    {
        if (!Bytes(magic.Length).AsSpan().SequenceEqual(magic)) return null;
        var header = Values<int>(values);
        return header[0] == version ? header : null;
    }

    /// <summary>True when the checksum that follows matches everything read and nothing comes after it.</summary>
    public bool Verify()
    {
        Span<byte> stored = stackalloc byte[8];
        if (stream.ReadAtLeast(stored, stored.Length, throwOnEndOfStream: false) < stored.Length) return false;
        return stored.SequenceEqual(_hash.GetCurrentHash()) && stream.Position == stream.Length;
    }
}
