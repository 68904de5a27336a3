using Geo.Cli.Commands;
using Geo.Coordinates;
using Geo.MapViewer.Session;
using Geo.Tests.Cli;
using Geo.Tests.PostGis;

namespace Geo.Tests.MapViewer;

/// <summary>The viewer reads its stations, streets and subdistricts from PostGIS tables as it does from a GeoPackage.</summary>
[Collection("PostGIS")]
public class ViewerFromPostGisTests(PostGisServer server)
{
    [Fact]
    public void The_same_extract_from_PostGIS_and_from_a_GeoPackage_gives_the_same_audit()
    {
        using var folder = new TempFolder();
        string gpkg = folder.File("andorra.gpkg");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", gpkg).ExitCode);
        var schema = server.NewSchema("viewer");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--postgis", schema.ConnectionString, "--schema", schema.Schema).ExitCode);

        ViewerSession Load(string data) =>
            ServeCommand.Load(data, "pois:amenity=restaurant", "admin:7", Array.Empty<string>(), "walk", 10, 300, InputCrs.Parse("wgs84")).Session;
        var fromFile = Load(gpkg).Audit("walk", 10);
        var fromDb = Load($"postgis:{schema.ConnectionString};Schema={schema.Schema}").Audit("walk", 10);

        Assert.True(fromFile.Totals.Stations > 5);
        Assert.Equal(fromFile.Totals.Stations, fromDb.Totals.Stations);
        Assert.Equal(fromFile.Subdistricts.Select(s => s.Name), fromDb.Subdistricts.Select(s => s.Name));
        Assert.Equal(fromFile.Totals.CoveredStreetKm, fromDb.Totals.CoveredStreetKm, 6);
        Assert.Equal(fromFile.BlindSpots.Count, fromDb.BlindSpots.Count);
    }
}
