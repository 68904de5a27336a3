using Geo.Analyses.Pairing;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Tests.Cli;
using static Geo.Tests.Analyses.Pairing.PairingTown;

namespace Geo.Tests.Analyses.Pairing;

public class PairCommandTests
{
    /// <summary>A 3 × 7 grid, subdistricts 甲 | 乙 | 丙 side by side, stations s1 in 甲 and s2 in 丙.</summary>
    private static string WriteTown(TempFolder folder, params FeatureLayer[] extraLayers)
    {
        var city = TestCity.Grid(3, 7).ToDataset();
        var dataset = new StreetDataset
        {
            Metadata = city.Metadata,
            Streets = city.Streets,
            Subdistricts = new[]
            {
                Square(1, "甲", 0, -50, 200, 250), Square(2, "乙", 200, -50, 400, 250, adminLevel: 8), Square(3, "丙", 400, -50, 600, 250),
            },
            Stations = new[] { Station("s1", 100, 100), Station("s2", 550, 100) },
        };
        var path = folder.File("town.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(DatasetLayers.ToLayers(dataset).Concat(extraLayers).ToArray());
        return path;
    }

    [Fact]
    public void Pair_town_writesLayersAndTheTwoWayCsv()
    {
        using var folder = new TempFolder();
        var town = WriteTown(folder);
        var result = GeoCli.Run("pair", "--data", town, "--subdistricts", "8", "--profile", "ebike",
            "--out", folder.File("pairing.gpkg"), "--csv", folder.File("pairing.csv"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("subdistricts with no station inside: 乙 (2)", result.Stdout);
        var lines = File.ReadAllLines(folder.File("pairing.csv"));
        Assert.Equal(string.Join(",", PairingTable.Columns), lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.StartsWith("s1,s1驿站,") && l.Contains(",乙,2,nearest,") && l.EndsWith(",0.8"));
        var output = new GeoPackageStore(folder.File("pairing.gpkg"), create: false);
        foreach (var layer in new[] { PairingLayers.Pairing, PairingLayers.StationStreets, PairingLayers.Territories, PairingLayers.TerritoryAreas, PairingLayers.Summary })
        {
            Assert.NotEmpty(output.ReadLayer(layer).Features);
        }
        Assert.Equal(2, output.ReadLayer(PairingLayers.TerritoryAreas).Features.Count);
    }

    [Fact]
    public void Pair_capOfZero_failsWithOneLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        var town = WriteTown(folder);
        var result = GeoCli.Run("pair", "--data", town, "--max-subdistricts-per-station", "0", "--out", folder.File("p.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("geo: error:", result.Stderr.Trim());
        Assert.Contains("at least 1", result.Stderr);
        Assert.False(File.Exists(folder.File("p.gpkg")));
    }

    [Fact]
    public void Pair_infeasibleCap_exitsTwoNamingTheUnpairedSubdistricts()
    {
        using var folder = new TempFolder();
        var town = WriteTown(folder);
        var result = GeoCli.Run("pair", "--data", town, "--max-subdistricts-per-station", "1", "--out", folder.File("p.gpkg"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no feasible pairing: unpaired subdistricts: 乙 (2)", result.Stdout);
    }

    [Fact]
    public void Pair_unknownSubdistrictLayer_failsNamingIt()
    {
        using var folder = new TempFolder();
        var result = GeoCli.Run("pair", "--data", WriteTown(folder), "--subdistricts", "wards", "--out", folder.File("p.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no layer 'wards'", result.Stderr);
    }

    [Fact]
    public void Pair_emptySubdistrictLayer_failsNamingIt()
    {
        using var folder = new TempFolder();
        var empty = new FeatureLayer("wards", GeometryKind.MultiPolygon, DatasetLayers.SubdistrictFields);
        var result = GeoCli.Run("pair", "--data", WriteTown(folder, empty), "--subdistricts", "wards", "--out", folder.File("p.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'wards' is empty", result.Stderr);
        Assert.False(File.Exists(folder.File("p.gpkg")));
    }

    [Fact]
    public void Pair_bowTieSubdistrict_warnsNamingItsId()
    {
        using var folder = new TempFolder();
        var wards = new FeatureLayer("wards", GeometryKind.MultiPolygon, DatasetLayers.SubdistrictFields);
        wards.Add(Polygon((0, -50), (600, 250), (600, -50), (0, 250)), 42L, "蝴蝶", 8L);
        var result = GeoCli.Run("pair", "--data", WriteTown(folder, wards), "--subdistricts", "wards", "--out", folder.File("p.gpkg"));

        Assert.True(result.ExitCode is 0 or 2, result.Stderr);
        Assert.Contains("subdistrict 42 '蝴蝶'", result.Stderr);
        Assert.Contains("repaired", result.Stderr);
    }

    [Fact]
    public void Pair_absentAdminLevel_failsListingTheLevels()
    {
        using var folder = new TempFolder();
        var result = GeoCli.Run("pair", "--data", WriteTown(folder), "--subdistricts", "9", "--out", folder.File("p.gpkg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("admin_level 9", result.Stderr);
        Assert.Contains("levels present: 8", result.Stderr);
    }
}
