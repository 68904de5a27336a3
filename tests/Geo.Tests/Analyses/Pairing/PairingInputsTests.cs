using Geo.Analyses.Pairing;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using static Geo.Tests.Analyses.Pairing.PairingTown;

namespace Geo.Tests.Analyses.Pairing;

public class PairingInputsTests
{
    private static GeoPackageStore StoreWith(TempFolder folder, params FeatureLayer[] layers)
    {
        var store = new GeoPackageStore(folder.File("d.gpkg"), create: true);
        store.WriteLayers(layers);
        return store;
    }

    private static FeatureLayer Subdistricts(string name, params Subdistrict[] subdistricts)
    {
        var layer = new FeatureLayer(name, GeometryKind.MultiPolygon, DatasetLayers.SubdistrictFields);
        foreach (var d in subdistricts) layer.Add(d.Geometry, d.Id, d.Name, (long)d.AdminLevel);
        return layer;
    }

    private static FeatureLayer Stations(params Station[] stations)
    {
        var layer = new FeatureLayer(DatasetLayers.Stations, GeometryKind.Point, DatasetLayers.StationFields);
        foreach (var s in stations) layer.Add(s.Geometry, s.Id, s.Name);
        return layer;
    }

    [Fact]
    public void ReadSubdistricts_adminLevel_keepsOnlyThatLevel()
    {
        using var folder = new TempFolder();
        using var store = StoreWith(folder, Subdistricts("subdistricts",
            Square(1, "街道", 0, 0, 100, 100, adminLevel: 8), Square(2, "社区", 0, 0, 50, 50, adminLevel: 10)));

        var (subdistricts, source) = PairingInputs.ReadSubdistricts(store, "10");

        Assert.Equal("社区", Assert.Single(subdistricts).Name);
        Assert.Contains("admin level 10", source);
    }

    [Fact]
    public void ReadSubdistricts_absentLevel_saysWhichLevelsThereAre()
    {
        using var folder = new TempFolder();
        using var store = StoreWith(folder, Subdistricts("subdistricts", Square(1, "街道", 0, 0, 100, 100, adminLevel: 8)));

        var e = Assert.Throws<GeoInputException>(() => PairingInputs.ReadSubdistricts(store, "9"));
        Assert.Contains("admin level 9", e.Message);
        Assert.Contains("levels present: 8", e.Message);
    }

    [Fact]
    public void ReadSubdistricts_noSuchLayer_namesTheLayerAndListsTheOthers()
    {
        using var folder = new TempFolder();
        using var store = StoreWith(folder, Stations(Station("s1", 0, 0)));

        var e = Assert.Throws<GeoInputException>(() => PairingInputs.ReadSubdistricts(store, "wards"));
        Assert.Contains("no subdistrict layer 'wards'", e.Message);
        Assert.Contains("stations", e.Message);
    }

    [Fact]
    public void ReadSubdistricts_emptyLayer_isRefusedByThePairing()
    {
        using var folder = new TempFolder();
        using var store = StoreWith(folder, Subdistricts("wards"));
        var (subdistricts, source) = PairingInputs.ReadSubdistricts(store, "wards");
        var graph = Geo.Streets.StreetGraphBuilder.Build(TestCity.Grid(2, 2).ToDataset(), Geo.Streets.TravelProfile.BuiltIn("ebike"));

        var e = Assert.Throws<GeoInputException>(() => PairingAnalysis.Run(graph, new[] { Station("s1", 0, 0) }, subdistricts,
            Array.Empty<PointOfInterest>(), new PairingOptions(), source));
        Assert.Contains("layer 'wards' holds no subdistricts", e.Message);
    }

    [Fact]
    public void ReadStations_otherGeoPackage_readsItsStationsLayer()
    {
        using var folder = new TempFolder();
        using var data = StoreWith(folder, Subdistricts("subdistricts", Square(1, "街道", 0, 0, 100, 100)));
        var other = folder.File("stations.gpkg");
        new GeoPackageStore(other, create: true).WriteLayers(new[] { Stations(Station("s1", 10, 10), Station("s2", 20, 20)) });

        var stations = PairingInputs.ReadStations(data, other);

        Assert.Equal(new[] { "s1", "s2" }, stations.Select(s => s.Id));
    }

    [Fact]
    public void ReadStations_missingLayer_isRefused()
    {
        using var folder = new TempFolder();
        using var data = StoreWith(folder, Subdistricts("subdistricts", Square(1, "街道", 0, 0, 100, 100)));

        var e = Assert.Throws<GeoInputException>(() => PairingInputs.ReadStations(data, "stations"));
        Assert.Contains("no station layer 'stations'", e.Message);
    }
}
