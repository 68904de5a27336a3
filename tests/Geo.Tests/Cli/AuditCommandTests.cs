using Geo.Data.GeoPackage;
using Geo.Data.PostGis;
using Geo.Tests.PostGis;

namespace Geo.Tests.Cli;

[Collection("PostGIS")]
public class AuditCommandTests(PostGisServer server)
{
    private static string ImportAndorra(TempFolder folder)
    {
        var gpkg = folder.File("andorra.gpkg");
        var import = GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", gpkg);
        Assert.True(import.ExitCode == 0, import.Stderr);
        return gpkg;
    }

    [Fact]
    public void Audit_realExtract_writesTheWholeFolderAndPrintsHeadlines()
    {
        using var folder = new TempFolder();
        var gpkg = ImportAndorra(folder);
        var result = GeoCli.Run("audit", "--data", gpkg, "--stations", "pois:amenity=restaurant", "--out", folder.File("audit"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("of streets within 15 minutes (ebike, to the station)", result.Stdout);
        foreach (var f in new[] { "audit.gpkg", "coverage.csv", "blind_spots.csv", "report.md", "report.html", "coverage.png" })
        {
            Assert.True(File.Exists(Path.Combine(folder.File("audit"), f)), f);
        }
        string info = ExternalTool.Run("ogrinfo", "gdal-bin", "-so", Path.Combine(folder.File("audit"), "audit.gpkg"));
        foreach (var layer in new[] { "service_areas", "coverage", "subdistrict_coverage", "gaps", "blind_spots", "unsnapped" }) Assert.Contains(layer, info);
        var csv = File.ReadAllLines(Path.Combine(folder.File("audit"), "coverage.csv"));
        Assert.Equal(7, csv.Length);
        Assert.Contains(csv, l => l.Contains("Andorra la Vella"));
    }

    [Fact]
    public void Audit_fromGeoPackageAndFromPostGis_givesIdenticalFigures()
    {
        using var folder = new TempFolder();
        var gpkg = ImportAndorra(folder);
        var input = server.NewSchema("auditin");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--postgis", input.ConnectionString, "--schema", input.Schema).ExitCode);
        var output = server.NewSchema("auditout");

        var fromFile = GeoCli.Run("audit", "--data", gpkg, "--stations", "pois:amenity=restaurant", "--out", folder.File("audit"));
        var fromDb = GeoCli.Run("audit", "--data", $"postgis:{input.ConnectionString};Schema={input.Schema}", "--stations", "pois:amenity=restaurant",
            "--out", $"postgis:{output.ConnectionString};Schema={output.Schema}");
        Assert.True(fromDb.ExitCode == 0, fromDb.Stderr);
        Assert.Equal(fromFile.Stdout.Split('\n')[..3], fromDb.Stdout.Split('\n')[..3]);

        var fileTable = new GeoPackageStore(Path.Combine(folder.File("audit"), "audit.gpkg"), create: false).ReadLayer("subdistrict_coverage");
        using var db = new PostGisStore(output);
        var dbTable = db.ReadLayer("subdistrict_coverage");
        Assert.Equal(fileTable.Features.Count, dbTable.Features.Count);
        for (int i = 0; i < fileTable.Features.Count; i++) Assert.Equal(fileTable.Features[i].Values, dbTable.Features[i].Values);
    }

    [Fact]
    public void Audit_noStationsFound_failsAndLeavesNoFolder()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("shanghai.gpkg");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("shanghai-center.osm.pbf"), "--out", gpkg).ExitCode);
        var result = GeoCli.Run("audit", "--data", gpkg, "--out", folder.File("audit"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("geo: error: no stations:", result.Stderr);
        Assert.Equal(new[] { gpkg }, Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Audit_demandLayerWithoutTheWeightColumn_failsNamingTheColumns()
    {
        using var folder = new TempFolder();
        var gpkg = ImportAndorra(folder);
        var result = GeoCli.Run("audit", "--data", gpkg, "--stations", "pois:amenity=restaurant", "--demand", "subdistricts:population", "--out", folder.File("audit"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("has no weight column 'population'", result.Stderr);
        Assert.False(Directory.Exists(folder.File("audit")));
    }

    [Fact]
    public void Audit_demandPointsOutsideTheData_areRefused()
    {
        using var folder = new TempFolder();
        var gpkg = ImportAndorra(folder);
        File.WriteAllText(folder.File("d.csv"), "id,lon,lat,people\n1,104.06,30.65,10\n");
        var result = GeoCli.Run("audit", "--data", gpkg, "--stations", "pois:amenity=restaurant", "--demand", folder.File("d.csv") + ":people", "--out", folder.File("audit"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("outside the data's extent", result.Stderr);
        Assert.False(Directory.Exists(folder.File("audit")));
    }
}
