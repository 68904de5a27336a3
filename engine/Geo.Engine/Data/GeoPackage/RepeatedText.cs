using System.Text;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Short texts read again and again (a street's class, its name on every piece of it) decoded once and shared: a
/// city's 600,000 streets hold nine classes and about a thousand names, not 1.2 million strings for the collector to
/// trace for as long as the dataset lives. A small table remembers the last text seen in each slot. Not thread-safe.
/// </summary>
internal sealed class RepeatedText
{
    private const int Slots = 4096;
    private const int LongestBytes = 64;

    private readonly byte[]?[] _bytes = new byte[Slots][];
    private readonly string?[] _texts = new string[Slots];

    /// <summary>The text of the UTF-8 bytes: the same string as last time when the bytes are the same.</summary>
    public string Of(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > LongestBytes) return Encoding.UTF8.GetString(utf8);
        var hash = new HashCode();
        hash.AddBytes(utf8);
        int slot = hash.ToHashCode() & (Slots - 1);
        if (_bytes[slot] is { } seen && utf8.SequenceEqual(seen)) return _texts[slot]!;
        var text = Encoding.UTF8.GetString(utf8);
        (_bytes[slot], _texts[slot]) = (utf8.ToArray(), text);
        return text;
    }
}
