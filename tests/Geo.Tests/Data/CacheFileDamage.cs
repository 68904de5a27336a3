namespace Geo.Tests.Data;

/// <summary>Damage done to a cache file on disk: a bit flipped mid-file, its checksum's end cut off, or another format version in its header.</summary>
internal static class CacheFileDamage
{
    public static void Apply(string file, string damage)
    {
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "flip": bytes[bytes.Length / 2] ^= 0x10; break;
            case "cut": bytes = bytes[..^9]; break;
            case "version": bytes[8] = 99; break;
            default: throw new ArgumentException($"no such damage: {damage}", nameof(damage));
        }
        File.WriteAllBytes(file, bytes);
    }
}
