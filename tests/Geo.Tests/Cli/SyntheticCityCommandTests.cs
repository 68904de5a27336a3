using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Data.Synthetic;

namespace Geo.Tests.Cli;

public class SyntheticCityCommandTests
{
    [Fact]
    public void Synth_smallCity_writesTheGeneratedCityToAGeoPackage()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("city.gpkg");
        var result = GeoCli.Run("synth", "--vertices", "2000", "--stations", "10", "--seed", "3", "--out", gpkg);
        Assert.True(result.ExitCode == 0, result.Stderr);

        var expected = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2000, Stations: 10, Seed: 3));
        using var store = new GeoPackageStore(gpkg, create: false);
        var written = DatasetLayers.Read(store);
        Assert.Equal(expected.Streets.Count, written.Streets.Count);
        Assert.Equal(expected.Stations.Select(s => s.Name), written.Stations.Select(s => s.Name));
        Assert.Equal(expected.Subdistricts.Select(s => s.Name), written.Subdistricts.Select(s => s.Name));
        Assert.Equal(expected.Metadata.Sha256, written.Metadata.Sha256);
        Assert.Contains($"{expected.Stations.Count} stations", result.Stdout);
    }

    [Fact]
    public void Synth_tooFewVertices_failsWithOneLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("city.gpkg");
        var result = GeoCli.Run("synth", "--vertices", "10", "--out", gpkg);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("geo: error: --vertices", result.Stderr.Trim());
        Assert.False(File.Exists(gpkg));
    }
}
