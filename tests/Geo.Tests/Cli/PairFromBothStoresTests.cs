using Geo.Tests.PostGis;

namespace Geo.Tests.Cli;

[Collection("PostGIS")]
public class PairFromBothStoresTests(PostGisServer server)
{
    [Fact]
    public void Pair_fromGeoPackageAndFromPostGis_givesIdenticalTables()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("andorra.gpkg");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", gpkg).ExitCode);
        var input = server.NewSchema("pairin");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--postgis", input.ConnectionString, "--schema", input.Schema).ExitCode);
        var output = server.NewSchema("pairout");

        var fromFile = GeoCli.Run("pair", "--data", gpkg, "--stations", "pois:amenity=restaurant", "--subdistricts", "7", "--profile", "ebike",
            "--max-subdistricts-per-station", "2", "--out", folder.File("p.gpkg"), "--csv", folder.File("file.csv"));
        var fromDb = GeoCli.Run("pair", "--data", $"postgis:{input.ConnectionString};Schema={input.Schema}", "--stations", "pois:amenity=restaurant",
            "--subdistricts", "7", "--profile", "ebike", "--max-subdistricts-per-station", "2",
            "--out", $"postgis:{output.ConnectionString};Schema={output.Schema}", "--csv", folder.File("db.csv"));

        Assert.True(fromFile.ExitCode is 0 or 2, fromFile.Stderr);
        Assert.Equal(fromFile.ExitCode, fromDb.ExitCode);
        var fileRows = File.ReadAllLines(folder.File("file.csv"));
        Assert.True(fileRows.Length > 5);
        Assert.Equal(fileRows, File.ReadAllLines(folder.File("db.csv")));
    }
}
