using Geo.Data.GeoPackage;
using Geo.Tests.PostGis;

namespace Geo.Tests.Cli;

[Collection("PostGIS")]
public class ImportAndReachCommandTests(PostGisServer server)
{
    private static void AssertOneLineError(GeoCli.Result result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("geo: error:", lines[0]);
        Assert.Contains(expected, lines[0]);
    }

    [Theory]
    [InlineData("andorra.osm.pbf", 6)]
    [InlineData("liechtenstein.osm.pbf", 11)]
    [InlineData("chengdu-center.osm.pbf", 0)]
    [InlineData("shanghai-center.osm.pbf", 0)]
    public void Import_sharedExtract_givesGeoPackageThatGdalListsAndTheSamePostGisTables(string extract, int subdistricts)
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("d.gpkg");
        var result = GeoCli.Run("import", RepoPaths.SharedDataset(extract), "--out", gpkg);
        Assert.True(result.ExitCode == 0, result.Stderr);

        string info = ExternalTool.Run("ogrinfo", "gdal-bin", "-so", "-al", gpkg);
        foreach (var layer in new[] { "streets", "pois", "subdistricts", "dataset_info" }) Assert.Contains($"Layer name: {layer}", info);
        var store = new GeoPackageStore(gpkg, create: false);
        var counts = new[] { "streets", "pois", "subdistricts" }.ToDictionary(l => l, l => store.ReadLayer(l).Features.Count);
        Assert.True(counts["streets"] > 1000);
        Assert.Equal(subdistricts, counts["subdistricts"]);

        var location = server.NewSchema("imp");
        var pg = GeoCli.Run("import", RepoPaths.SharedDataset(extract), "--postgis", location.ConnectionString, "--schema", location.Schema);
        Assert.True(pg.ExitCode == 0, pg.Stderr);
        using var pgStore = new Geo.Data.PostGis.PostGisStore(location);
        foreach (var (layer, count) in counts) Assert.Equal(count, pgStore.ReadLayer(layer).Features.Count);
    }

    [Fact]
    public void Reach_fromCentreOfAndorra_printsCsvOfReachedJunctions()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("a.gpkg");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", gpkg).ExitCode);

        var result = GeoCli.Run("reach", "--data", gpkg, "--from", "1.5218,42.5063", "--profile", "walk", "--minutes", "10");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("osm_node_id,lon,lat,seconds", lines[0]);
        Assert.True(lines.Length > 20);
        Assert.All(lines.Skip(1), l => Assert.InRange(double.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture), 0, 600));
    }

    [Fact]
    public void Import_missingFile_failsWithOneLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        AssertOneLineError(GeoCli.Run("import", folder.File("none.osm.pbf"), "--out", folder.File("d.gpkg")), "does not exist");
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Import_fileThatIsNotAPbf_failsAndWritesNothing()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("x.osm.pbf"), "not a pbf");
        AssertOneLineError(GeoCli.Run("import", folder.File("x.osm.pbf"), "--out", folder.File("d.gpkg")), "is not an OSM PBF file");
        Assert.False(File.Exists(folder.File("d.gpkg")));
    }

    [Fact]
    public void Import_malformedConnectionString_fails()
    {
        AssertOneLineError(GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--postgis", "Host=127.0.0.1;Nonsense"), "malformed PostGIS connection string");
    }

    [Fact]
    public void Import_unreachableServer_fails()
    {
        AssertOneLineError(GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--postgis", "Host=127.0.0.1;Port=1;Username=geo;Database=geo"), "cannot reach PostGIS");
    }

    [Fact]
    public void Import_schemaThatIsNotAPlainIdentifier_failsAndCreatesNoTable()
    {
        AssertOneLineError(GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--postgis", server.ConnectionString, "--schema", "geo; drop schema public"), "not a plain identifier");
    }

    [Fact]
    public void Reach_badInput_failsWithOneLineEach()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("a.gpkg");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", gpkg).ExitCode);

        AssertOneLineError(GeoCli.Run("reach", "--data", gpkg, "--from", "42.5063,1.5218"), "swapped");
        AssertOneLineError(GeoCli.Run("reach", "--data", gpkg, "--from", "1.5218,42.5063", "--profile", "horse"), "unknown profile 'horse'");
        AssertOneLineError(GeoCli.Run("reach", "--data", gpkg, "--from", "1.5218,42.5063", "--minutes", "0"), "minutes must be above 0");
        AssertOneLineError(GeoCli.Run("reach", "--data", folder.File("none.gpkg"), "--from", "1.5218,42.5063"), "does not exist");
        AssertOneLineError(GeoCli.Run("reach", "--data", "postgis:Host=127.0.0.1;Port=1;Username=geo;Database=geo", "--from", "1.5218,42.5063"), "cannot reach PostGIS");
    }

    [Fact]
    public void Reach_fromPostGisAndFromGeoPackage_printTheSameTimes()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("a.gpkg");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", gpkg).ExitCode);
        var location = server.NewSchema("reach");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--postgis", location.ConnectionString, "--schema", location.Schema).ExitCode);

        var fromFile = GeoCli.Run("reach", "--data", gpkg, "--from", "1.5218,42.5063", "--profile", "ebike");
        var fromDb = GeoCli.Run("reach", "--data", $"postgis:{location.ConnectionString};Schema={location.Schema}", "--from", "1.5218,42.5063", "--profile", "ebike");
        Assert.Equal(0, fromDb.ExitCode);
        Assert.Equal(fromFile.Stdout, fromDb.Stdout);
    }
}
