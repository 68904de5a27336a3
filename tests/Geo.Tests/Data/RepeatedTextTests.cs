using System.Text;
using Geo.Data.GeoPackage;

namespace Geo.Tests.Data;

/// <summary>Shared texts read back exactly as decoding the bytes afresh would, whatever is seen in between.</summary>
public class RepeatedTextTests
{
    [Fact]
    public void Of_sameBytesAgain_givesTheSameString()
    {
        var texts = new RepeatedText();
        var first = texts.Of("residential"u8);
        var again = texts.Of("residential"u8.ToArray());

        Assert.Equal("residential", first);
        Assert.Same(first, again);
        Assert.Equal("", texts.Of(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Of_manyTextsInterleaved_equalsDecodingEachAfresh()
    {
        var random = new Random(5);
        var pool = new List<byte[]>
        {
            "春熙路"u8.ToArray(), "解放二街驿站"u8.ToArray(), "primary"u8.ToArray(), "primary_link"u8.ToArray(),
            Encoding.UTF8.GetBytes(new string('街', 21)), Encoding.UTF8.GetBytes(new string('街', 22)),
            new byte[] { 0xE8, 0xA1 }, new byte[] { 0x61, 0xFF, 0x62 }, Array.Empty<byte>(),
        };
        for (int i = 0; i < 6000; i++) pool.Add(Encoding.UTF8.GetBytes($"路{random.Next(100_000)}"));
        var texts = new RepeatedText();
        for (int k = 0; k < 100_000; k++)
        {
            var bytes = pool[random.Next(3) == 0 ? random.Next(9) : random.Next(pool.Count)];
            Assert.Equal(Encoding.UTF8.GetString(bytes), texts.Of(bytes));
        }
    }
}
