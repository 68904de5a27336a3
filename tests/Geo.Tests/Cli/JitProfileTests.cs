using Geo.Data.Cache;

namespace Geo.Tests.Cli;

/// <summary>
/// The compile profile each command leaves in the cache folder (<see cref="JitProfiles"/>): written per command, read
/// back by the next run of it, and never able to change what a command prints or whether it succeeds, whatever state
/// the file is in.
/// </summary>
public class JitProfileTests
{
    /// <summary>geo's exit code for a mistake in how it was called.</summary>
    private const int UsageMistake = 2;

    private static Dictionary<string, string?> CacheIn(string folder) => new() { ["GEO_CACHE_DIR"] = folder };

    [Fact]
    public void EachCommandLeavesItsProfileAndTheNextRunReadsItWithTheSameAnswer()
    {
        using var cache = new TempFolder();
        var first = GeoCli.RunWith(CacheIn(cache.Path), "profiles");
        Assert.Equal(0, first.ExitCode);
        string profile = cache.File(JitProfiles.FileName("profiles"));
        Assert.True(File.Exists(profile), first.Stderr);
        Assert.True(new FileInfo(profile).Length > 0);
        Assert.Empty(Directory.GetFiles(cache.Path).Where(f => f != profile));

        var second = GeoCli.RunWith(CacheIn(cache.Path), "profiles");
        Assert.Equal((first.ExitCode, first.Stdout, first.Stderr), (second.ExitCode, second.Stdout, second.Stderr));
    }

    [Fact]
    public void AProfileCutShortOrScrambledChangesNothing()
    {
        using var cache = new TempFolder();
        var expected = GeoCli.RunWith(CacheIn(cache.Path), "profiles");
        string profile = cache.File(JitProfiles.FileName("profiles"));
        byte[] recorded = File.ReadAllBytes(profile);
        var random = new Random(16);
        var damaged = new List<byte[]> { Array.Empty<byte>(), recorded[..(recorded.Length / 2)], recorded[..7] };
        foreach (double share in new[] { 0.01, 0.3 })
        {
            var scrambled = (byte[])recorded.Clone();
            for (int i = 0; i < scrambled.Length; i++) if (random.NextDouble() < share) scrambled[i] = (byte)random.Next(256);
            damaged.Add(scrambled);
        }
        var noise = new byte[50_000];
        random.NextBytes(noise);
        damaged.Add(noise);
        foreach (var bytes in damaged)
        {
            File.WriteAllBytes(profile, bytes);
            var run = GeoCli.RunWith(CacheIn(cache.Path), "profiles");
            Assert.Equal((expected.ExitCode, expected.Stdout, expected.Stderr), (run.ExitCode, run.Stdout, run.Stderr));
        }

    }

    [Fact]
    public void NothingIsRecordedForMistakesOrWithCachingOffAndAnUnusableFolderIsNoError()
    {
        using var cache = new TempFolder();
        Assert.Equal(UsageMistake, GeoCli.RunWith(CacheIn(cache.Path), "reach", "--no-such-option").ExitCode);
        Assert.Equal(UsageMistake, GeoCli.RunWith(CacheIn(cache.Path), "no-such-verb").ExitCode);
        Assert.Equal(0, GeoCli.RunWith(CacheIn(cache.Path), "--help").ExitCode);
        Assert.Equal(0, GeoCli.RunWith(CacheIn(cache.Path), "reach", "--help").ExitCode);
        Assert.Empty(Directory.GetFiles(cache.Path));

        using var home = new TempFolder();
        var off = new Dictionary<string, string?> { ["GEO_CACHE_DIR"] = "off", ["XDG_CACHE_HOME"] = home.Path, ["HOME"] = home.Path };
        var expected = GeoCli.RunWith(off, "profiles");
        Assert.Equal(0, expected.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(home.Path));

        // The cache folder's place is taken by a file: the command runs as it would without a cache.
        string blocked = cache.File("not-a-folder");
        File.WriteAllText(blocked, "x");
        var run = GeoCli.RunWith(CacheIn(blocked), "profiles");
        Assert.Equal((expected.ExitCode, expected.Stdout, expected.Stderr), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal("x", File.ReadAllText(blocked));
    }
}
