using Geo.Analyses.Siting;
using Geo.Data.GeoPackage;
using Geo.Tests.Cli;

namespace Geo.Tests.Analyses.Siting;

/// <summary>The geo site and site-instance commands on a small synthetic city, as a planner runs them.</summary>
public sealed class SiteCommandTests : IClassFixture<SiteCommandTests.City>
{
    public sealed class City : IDisposable
    {
        public City()
        {
            var result = GeoCli.Run("synth", "--vertices", "1500", "--stations", "6", "--seed", "5", "--out", Folder.File("city.gpkg"));
            if (result.ExitCode != 0) throw new InvalidOperationException(result.Stderr);
        }

        internal TempFolder Folder { get; } = new();
        internal string Data => Folder.File("city.gpkg");

        public void Dispose() => Folder.Dispose();
    }

    private readonly City _city;

    public SiteCommandTests(City city) => _city = city;

    [Fact]
    public void Site_addK_writesOrderedSitesAreasCurveAndInstance()
    {
        using var folder = new TempFolder();
        var result = GeoCli.Run("site", "--data", _city.Data, "--candidates", "grid:400m", "--add", "3", "--minutes", "4",
            "--out", folder.File("sites.gpkg"), "--plot", folder.File("curve.png"), "--export-instance", folder.File("i.json"), "--time-limit", "20s");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var store = new GeoPackageStore(folder.File("sites.gpkg"), create: false);
        var sites = store.ReadLayer(SitingLayers.Sites);
        Assert.Equal(3, sites.Features.Count);
        var order = sites.RequireField("site_order");
        Assert.Equal(new long[] { 1, 2, 3 }, sites.Features.Select(f => Convert.ToInt64(f.Values[order])));
        var cumulative = sites.Features.Select(f => Convert.ToDouble(f.Values[sites.RequireField("cumulative")])).ToList();
        Assert.True(cumulative[0] <= cumulative[1] && cumulative[1] <= cumulative[2]);
        Assert.Equal(3, store.ReadLayer(SitingLayers.Areas).Features.Count);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(folder.File("curve.png")).Take(4));
        Assert.Contains("MCLP by", result.Stdout);

        var solved = GeoCli.Run("site-instance", "--instance", folder.File("i.json"), "--json");
        Assert.True(solved.ExitCode == 0, solved.Stderr);
        Assert.Contains("\"objective\":", solved.Stdout);

        // On the terminal: the sites by id, with no place columns the instance cannot fill.
        var listed = GeoCli.Run("site-instance", "--instance", folder.File("i.json"));
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Contains("MCLP by", listed.Stdout);
        Assert.DoesNotContain("NaN", listed.Stdout);
        Assert.DoesNotContain(" lon ", listed.Stdout);
        Assert.Equal(3, listed.Stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+[123]\s+\S+\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s*$")));
    }

    [Fact]
    public void Site_targetAboveReachable_failsGivingTheMaximumAndWritesNothing()
    {
        using var folder = new TempFolder();
        // Two candidates with a 1-minute break cannot reach 99 % of the city's streets.
        var result = GeoCli.Run("site", "--data", _city.Data, "--stations", "none", "--candidates", "grid:5km", "--target", "99%",
            "--minutes", "1", "--out", folder.File("sites.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot be reached", result.Stderr);
        Assert.Contains("at most", result.Stderr);
        Assert.False(File.Exists(folder.File("sites.gpkg")));
    }

    [Theory]
    [InlineData("--add", "0", "--add must be at least 1")]
    [InlineData("--add", "100000", "more new sites than the")]
    [InlineData("--target", "120%", "--target '120%'")]
    public void Site_badAmount_failsWithOneLine(string option, string value, string message)
    {
        using var folder = new TempFolder();
        var result = GeoCli.Run("site", "--data", _city.Data, "--candidates", "grid:400m", option, value, "--minutes", "2", "--out", folder.File("sites.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("geo: error:", result.Stderr.Trim().Split('\n')[^1]);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void Site_neitherAddNorTarget_saysWhichToGive()
    {
        using var folder = new TempFolder();
        var result = GeoCli.Run("site", "--data", _city.Data, "--candidates", "grid:400m", "--out", folder.File("sites.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("either --add K", result.Stderr);
    }

    [Fact]
    public void Site_emptyCandidateLayer_saysSo()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("none.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        var result = GeoCli.Run("site", "--data", _city.Data, "--candidates", folder.File("none.geojson"), "--add", "2", "--out", folder.File("sites.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no stations", result.Stderr);
    }

    [Fact]
    public void Site_startsFromTheCoverageTheAuditReports()
    {
        using var folder = new TempFolder();
        var audit = GeoCli.Run("audit", "--data", _city.Data, "--minutes", "4", "--out", folder.File("audit"));
        var site = GeoCli.Run("site", "--data", _city.Data, "--candidates", "grid:400m", "--add", "1", "--minutes", "4", "--out", folder.File("sites.gpkg"), "--time-limit", "0s");
        Assert.True(audit.ExitCode == 0, audit.Stderr);
        Assert.True(site.ExitCode == 0, site.Stderr);

        // "57.3 % of streets within 4 minutes (ebike, to the station) (12.3 of 45.6 km)" and "existing stations cover 12.345 of 45.678 street km (…)".
        var auditKm = System.Text.RegularExpressions.Regex.Match(audit.Stdout, @"\(([\d.]+) of ([\d.]+) km\)");
        var siteKm = System.Text.RegularExpressions.Regex.Match(site.Stdout, @"existing stations cover ([\d.]+) of ([\d.]+) street km");
        Assert.True(auditKm.Success && siteKm.Success, audit.Stdout + site.Stdout);
        double Number(System.Text.RegularExpressions.Match m, int g) => double.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Number(auditKm, 1), Number(siteKm, 1), 1);
        Assert.Equal(Number(auditKm, 2), Number(siteKm, 2), 1);
    }
}
