using Geo.Data.GeoPackage;
using Geo.Data.Model;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Cli;

/// <summary>
/// Every verb that works on stations follows one rule when none are named: the dataset's stations layer, else its
/// station-like POIs, said so with their names; with neither, the same error. Siting starts from no stations only
/// when told '--stations none'.
/// </summary>
public sealed class MissingStationsTests
{
    private const string Headline = "2 stations: post offices from the OSM POIs (the data has no stations layer): 东门邮局, 西门邮局";

    /// <summary>A 4 × 4 grid of 100 m streets with two post offices and a café, and no stations layer.</summary>
    private static string Dataset(TempFolder folder, bool withPostOffices)
    {
        var pois = new List<PointOfInterest> { new(3, "n", "咖啡馆", "cafe", null, null, null, null, TestCity.PointAt(150, 150)) };
        if (withPostOffices)
        {
            pois.Add(new PointOfInterest(1, "n", "东门邮局", "post_office", null, null, null, null, TestCity.PointAt(0, 0)));
            pois.Add(new PointOfInterest(2, "n", "西门邮局", "post_office", null, null, null, null, TestCity.PointAt(300, 300)));
        }
        var dataset = TestCity.Grid(4, 4).ToDataset();
        dataset = new StreetDataset { Metadata = dataset.Metadata, Streets = dataset.Streets, Pois = pois };
        string gpkg = folder.File("grid.gpkg");
        new GeoPackageStore(gpkg, create: true).WriteLayers(DatasetLayers.ToLayers(dataset));
        return gpkg;
    }

    private static IEnumerable<string[]> Verbs(TempFolder folder, string gpkg) => new[]
    {
        new[] { "audit", "--data", gpkg, "--minutes", "1", "--out", folder.File("audit") },
        new[] { "pair", "--data", gpkg, "--subdistricts", "cells:200m", "--out", folder.File("pair.gpkg") },
        new[] { "service-areas", "--data", gpkg, "--minutes", "1", "--out", folder.File("areas.gpkg") },
        new[] { "site", "--data", gpkg, "--candidates", "grid:100m", "--add", "1", "--minutes", "1", "--time-limit", "0", "--out", folder.File("site.gpkg") },
    };

    [Fact]
    public void EveryVerb_withoutStationsLayer_usesTheStationLikePoisAndNamesThem()
    {
        using var folder = new TempFolder();
        string gpkg = Dataset(folder, withPostOffices: true);
        foreach (var arguments in Verbs(folder, gpkg))
        {
            var result = GeoCli.Run(arguments);
            Assert.True(result.ExitCode is 0 or 2, $"{arguments[0]}: {result.Stderr}");
            Assert.Contains(Headline, result.Stdout);
        }
        var (session, _) = Geo.Cli.Commands.ServeCommand.Load(gpkg, null, null, Array.Empty<string>(), "ebike", 1, 300, Geo.Coordinates.InputCrs.Wgs84);
        Assert.Equal(Headline, session.Inputs.StationsFrom);
        Assert.Equal(Headline, session.Audit("ebike", 1).StationsFrom);
    }

    [Fact]
    public void EveryVerb_withNeitherStationsNorStationLikePois_failsWithTheSameError()
    {
        using var folder = new TempFolder();
        string gpkg = Dataset(folder, withPostOffices: false);
        var errors = new List<string>();
        foreach (var arguments in Verbs(folder, gpkg))
        {
            var result = GeoCli.Run(arguments);
            Assert.Equal(1, result.ExitCode);
            errors.Add(result.Stderr.Trim().Split('\n').Last());
        }
        Assert.Single(errors.Distinct());
        Assert.StartsWith("geo: error: no stations:", errors[0]);
        Assert.Contains("pass --stations", errors[0]);
        Assert.Throws<GeoInputException>(() => Geo.Cli.Commands.ServeCommand.Load(gpkg, null, null, Array.Empty<string>(), "ebike", 1, 300, Geo.Coordinates.InputCrs.Wgs84));
    }

    [Fact]
    public void Site_withStationsNone_startsFromNoStationsAndSaysSo()
    {
        using var folder = new TempFolder();
        string gpkg = Dataset(folder, withPostOffices: true);
        var result = GeoCli.Run("site", "--data", gpkg, "--stations", "none", "--candidates", "grid:100m", "--add", "1", "--minutes", "1", "--time-limit", "0", "--out", folder.File("site.gpkg"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("existing no stations: none given (--stations none)", result.Stdout);
    }
}
