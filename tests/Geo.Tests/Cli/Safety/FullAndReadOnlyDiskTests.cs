namespace Geo.Tests.Cli.Safety;

/// <summary>
/// Writers on a full disk and on a read-only one: one clear line, exit code 1 (never a crash such as SkiaSharp's
/// abort with 134), no partial output, and an earlier output beside them unchanged.
/// </summary>
[Collection("geo in-process")]
public sealed class FullAndReadOnlyDiskTests
{
    private static readonly Lazy<(TempFolder Folder, string City, string Audit)> Data = new(() =>
    {
        var folder = new TempFolder();
        string city = folder.File("city.gpkg"), audit = folder.File("audit");
        Assert.Equal(0, InProcessGeo.Run("synth", "--vertices", "1500", "--stations", "6", "--out", city).ExitCode);
        Assert.Equal(0, InProcessGeo.Run("audit", "--data", city, "--minutes", "5", "--out", audit).ExitCode);
        return (folder, city, audit);
    });

    public static IEnumerable<object[]> Writers => new[]
    {
        new object[] { "import", new Func<string, string[]>(disk => new[] { "import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", Path.Combine(disk, "d.gpkg") }) },
        new object[] { "audit", new Func<string, string[]>(disk => new[] { "audit", "--data", Data.Value.City, "--minutes", "5", "--out", Path.Combine(disk, "audit") }) },
        new object[] { "brief", new Func<string, string[]>(disk => new[] { "brief", "--audit", Data.Value.Audit, "--all-subdistricts", "--out", Path.Combine(disk, "b.pdf"), "--png-dir", Path.Combine(disk, "pages") }) },
        new object[] { "pair", new Func<string, string[]>(disk => new[] { "pair", "--data", Data.Value.City, "--out", Path.Combine(disk, "p.gpkg"), "--csv", Path.Combine(disk, "earlier.csv") }) },
        new object[] { "site", new Func<string, string[]>(disk => new[] { "site", "--data", Data.Value.City, "--candidates", "grid:500m", "--add", "1", "--time-limit", "0", "--out", Path.Combine(disk, "s.gpkg"), "--plot", Path.Combine(disk, "curve.png") }) },
        new object[] { "service-areas", new Func<string, string[]>(disk => new[] { "service-areas", "--data", Data.Value.City, "--out", Path.Combine(disk, "areas.geojson") }) },
    };

    [RootTheory]
    [MemberData(nameof(Writers))]
    public void Writer_onAFullDisk_failsWithOneLineAndLeavesTheDiskAsItWas(string verb, Func<string, string[]> arguments)
    {
        using var disk = new SmallDisk("64k");
        File.WriteAllText(disk.File("earlier.csv"), "an earlier output\n");
        var before = FolderSnapshot.Take(disk.Path);

        var result = InProcessGeo.Run(arguments(disk.Path));

        InProcessGeo.AssertOneLineError(result, 1, "");
        Assert.True(result.Stderr.Contains("disk is full") || result.Stderr.Contains("No space left on device"), $"{verb}: {result.Stderr}");
        Assert.Contains(disk.Path, result.Stderr);
        Assert.DoesNotContain(".geo-partial", result.Stderr);
        FolderSnapshot.AssertSame(before, FolderSnapshot.Take(disk.Path));
    }

    [RootTheory]
    [MemberData(nameof(Writers))]
    public void Writer_onAReadOnlyDisk_failsWithOneLineAndWritesNothing(string verb, Func<string, string[]> arguments)
    {
        using var disk = new SmallDisk("1m", readOnly: true);

        var result = InProcessGeo.Run(arguments(disk.Path));

        InProcessGeo.AssertOneLineError(result, 1, disk.Path);
        Assert.True(result.Stderr.Contains("Read-only file system") || result.Stderr.Contains("denied") || result.Stderr.Contains("cannot be written"), $"{verb}: {result.Stderr}");
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [RootFact]
    public void SmallDisk_canBeMounted_soTheDiskTestsAboveRan()
    {
        using var disk = new SmallDisk("256k");
        Assert.Throws<IOException>(() => File.WriteAllBytes(disk.File("big"), new byte[1 << 20]));
    }
}
