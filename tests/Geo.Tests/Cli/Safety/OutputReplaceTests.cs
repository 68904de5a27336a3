using Geo.Cli.Outputs;
using Geo.Data.GeoPackage;
using Geo.Tests.PostGis;

namespace Geo.Tests.Cli.Safety;

/// <summary>
/// How outputs are replaced: Geo's own folders whole, folders of earlier Geo versions, leftovers of killed runs
/// (before and after the commit journal), and passwords never printed on success either.
/// </summary>
[Collection("geo in-process")]
public sealed class OutputReplaceTests(PostGisServer server)
{
    private static readonly Lazy<(TempFolder Folder, string City)> Data = new(() =>
    {
        var folder = new TempFolder();
        var city = folder.File("city.gpkg");
        var made = InProcessGeo.Run("synth", "--vertices", "1200", "--stations", "4", "--seed", "3", "--out", city);
        Assert.True(made.ExitCode == 0, made.Stderr);
        return (folder, city);
    });

    [Fact]
    public void Audit_overItsOwnEarlierFolder_replacesItWholeAndLeavesNothingBeside()
    {
        using var folder = new TempFolder();
        string audit = folder.File("audit");
        Assert.Equal(0, InProcessGeo.Run("audit", "--data", Data.Value.City, "--minutes", "5", "--out", audit).ExitCode);
        string firstCsv = File.ReadAllText(Path.Combine(audit, "coverage.csv"));
        File.WriteAllText(Path.Combine(audit, "scratch.txt"), "left in Geo's folder");

        var second = InProcessGeo.Run("audit", "--data", Data.Value.City, "--minutes", "10", "--out", audit);

        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.NotEqual(firstCsv, File.ReadAllText(Path.Combine(audit, "coverage.csv")));
        Assert.False(File.Exists(Path.Combine(audit, "scratch.txt")));
        Assert.True(File.Exists(Path.Combine(audit, OutputFolderMark.FileName)));
        Assert.Equal(new[] { "audit" }, Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Audit_overAnUnmarkedFolderOfEarlierGeo_replacesIt()
    {
        using var folder = new TempFolder();
        string audit = folder.File("audit");
        Directory.CreateDirectory(audit);
        foreach (var name in new[] { "audit.gpkg", "coverage.csv", "blind_spots.csv", "coverage.png", "report.md", "report.html" }) File.WriteAllText(Path.Combine(audit, name), "old");

        var result = InProcessGeo.Run("audit", "--data", Data.Value.City, "--minutes", "5", "--out", audit);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("subdistrict", File.ReadAllText(Path.Combine(audit, "coverage.csv")));
    }

    [Fact]
    public void Audit_withLeftoversOfKilledRuns_restoresTheMissingFolderThenCleansUp()
    {
        using var folder = new TempFolder();
        string hex = Guid.NewGuid().ToString("N");
        // A run of the earlier two-rename protocol killed between its renames: no audit, the old one aside.
        Directory.CreateDirectory(folder.File($"audit.previous-{hex}"));
        File.WriteAllText(Path.Combine(folder.File($"audit.previous-{hex}"), "coverage.csv"), "old");
        Directory.CreateDirectory(folder.File($"audit.partial-{hex}"));
        Directory.CreateDirectory(folder.File(".audit.geo-partial-0123456789ab"));
        File.WriteAllText(folder.File(".audit.geo-partial-0123456789ab.commit"), "half");

        OutputRecovery.Tidy(folder.File("audit"));

        Assert.Equal("old", File.ReadAllText(Path.Combine(folder.File("audit"), "coverage.csv")));
        Assert.Equal(new[] { "audit" }, Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        var result = InProcessGeo.Run("audit", "--data", Data.Value.City, "--minutes", "5", "--out", folder.File("audit"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(new[] { "audit" }, Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Tidy_afterAKillPastTheJournal_finishesTheCommitOfEveryOutput()
    {
        using var folder = new TempFolder();
        string pdf = folder.File("brief.pdf"), pages = folder.File("pages");
        File.WriteAllText(pdf, "old pdf");
        Directory.CreateDirectory(pages);
        OutputFolderMark.Write(pages, "oldrun");
        File.WriteAllText(Path.Combine(pages, "page-01.png"), "old page");
        // The killed run had staged both outputs and written its journal, and had renamed the PDF already.
        string stagedPages = folder.File(".pages.geo-partial-newrun");
        Directory.CreateDirectory(stagedPages);
        OutputFolderMark.Write(stagedPages, "newrun");
        File.WriteAllText(Path.Combine(stagedPages, "page-01.png"), "new page");
        File.WriteAllText(pdf, "new pdf");
        File.WriteAllLines(folder.File(".brief.pdf.geo-commit-newrun"), new[]
        {
            "run newrun", $"file\t{folder.File(".brief.pdf.geo-partial-newrun")}\t{pdf}", $"folder\t{stagedPages}\t{pages}",
        });

        OutputRecovery.Tidy(pages);

        Assert.Equal("new pdf", File.ReadAllText(pdf));
        Assert.Equal("new page", File.ReadAllText(Path.Combine(pages, "page-01.png")));
        Assert.Equal(new[] { "brief.pdf", "pages" }, Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void FileSystemCalls_realPath_resolvesSymlinksAndDotDot()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("real"));
        Directory.CreateSymbolicLink(folder.File("alias"), folder.File("real"));
        File.WriteAllText(folder.File("real/a.gpkg"), "x");

        Assert.Equal(FileSystemCalls.RealPath(folder.File("real/a.gpkg")), FileSystemCalls.RealPath(folder.File("alias/../alias/a.gpkg")));
        Assert.Equal(FileSystemCalls.RealPath(folder.File("real")) + "/new.gpkg", FileSystemCalls.RealPath(folder.File("alias/new.gpkg")));
    }

    [Theory]
    [InlineData("Host=db;Username=geo;Password=s3cret;Database=geo", "Host=db;Username=geo;Password=***;Database=geo")]
    [InlineData("wrote postgis:Host=db;PWD='a;b';Schema=x", "wrote postgis:Host=db;PWD=***;Schema=x")]
    [InlineData("password = \"quoted secret\"; Host=db", "password = ***; Host=db")]
    [InlineData("no secrets here: 50 passes", "no secrets here: 50 passes")]
    public void Redaction_hidesEveryFormOfPassword(string text, string shown) => Assert.Equal(shown, Redaction.Apply(text));

    [Fact]
    public void Audit_toPostGisWithAPassword_neverPrintsIt()
    {
        var schema = server.NewSchema("redacted");
        string target = $"postgis:{schema.ConnectionString};Password=never-shown-42;Schema={schema.Schema}";

        var result = InProcessGeo.Run("audit", "--data", Data.Value.City, "--minutes", "5", "--out", target);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("wrote postgis:", result.Stdout);
        Assert.DoesNotContain("never-shown-42", result.Stdout + result.Stderr);
    }
}
