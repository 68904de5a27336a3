using Geo.Data.Features;
using Geo.Data.GeoPackage;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

public class GeoPackageStoreTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static FeatureLayer SampleLayer(string name = "places")
    {
        var layer = new FeatureLayer(name, GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("count", FieldType.Integer),
            new FieldDefinition("share", FieldType.Real),
            new FieldDefinition("name", FieldType.Text),
            new FieldDefinition("open", FieldType.Boolean),
        });
        var shell = Factory.CreateLinearRing(new[] { new Coordinate(104, 30), new Coordinate(104.1, 30), new Coordinate(104.1, 30.1), new Coordinate(104, 30.1), new Coordinate(104, 30) });
        var hole = Factory.CreateLinearRing(new[] { new Coordinate(104.04, 30.04), new Coordinate(104.04, 30.06), new Coordinate(104.06, 30.06), new Coordinate(104.06, 30.04), new Coordinate(104.04, 30.04) });
        layer.Add(Factory.CreatePolygon(shell, new[] { hole }), 42L, 0.25, "锦江区春熙路街道", true);
        layer.Add(Factory.CreatePolygon(shell), null, null, null, null);
        return layer;
    }

    [Fact]
    public void WriteLayers_thenReadLayer_roundTripsEveryFieldTypeAndHoles()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { SampleLayer() });

        var read = new GeoPackageStore(path, create: false).ReadLayer("places");

        Assert.Equal(2, read.Features.Count);
        Assert.Equal(4326, read.Srid);
        Assert.Equal(new object?[] { 42L, 0.25, "锦江区春熙路街道", true }, read.Features[0].Values);
        Assert.Equal(new object?[] { null, null, null, null }, read.Features[1].Values);
        var polygon = (Polygon)((MultiPolygon)read.Features[0].Geometry).GetGeometryN(0);
        Assert.Equal(1, polygon.NumInteriorRings);
    }

    [Fact]
    public void WriteLayers_sameName_replacesTheLayer()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var store = new GeoPackageStore(path, create: true);
        store.WriteLayers(new[] { SampleLayer() });
        var smaller = SampleLayer();
        smaller.Features.RemoveAt(1);
        store.WriteLayers(new[] { smaller });

        Assert.Single(store.ReadLayer("places").Features);
        Assert.Equal(new[] { "places" }, store.LayerNames());
    }

    [Fact]
    public void WriteLayers_failingSecondLayer_leavesExistingFileUnchanged()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var store = new GeoPackageStore(path, create: true);
        store.WriteLayers(new[] { SampleLayer() });

        var broken = new FeatureLayer("broken", GeometryKind.Point, Array.Empty<FieldDefinition>());
        broken.Add(Factory.CreatePoint());
        var replacement = SampleLayer();
        replacement.Features.RemoveAt(1);
        Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { replacement, broken }));

        Assert.Equal(2, store.ReadLayer("places").Features.Count);
        Assert.False(store.HasLayer("broken"));
    }

    [Fact]
    public void WriteLayers_failingOnNewFile_leavesNoFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("new.gpkg");
        var broken = new FeatureLayer("broken", GeometryKind.Point, Array.Empty<FieldDefinition>());
        broken.Add(Factory.CreatePoint());

        Assert.Throws<GeoInputException>(() => new GeoPackageStore(path, create: true).WriteLayers(new[] { SampleLayer(), broken }));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WriteLayers_badLayerName_isRefused()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<GeoInputException>(() =>
            new GeoPackageStore(folder.File("a.gpkg"), create: true).WriteLayers(new[] { SampleLayer("x; drop table y") }));
        Assert.Contains("not a plain identifier", error.Message);
    }

    [Fact]
    public void Open_fileThatIsNotAGeoPackage_saysSo()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.gpkg");
        File.WriteAllText(path, "hello");
        var error = Assert.Throws<GeoInputException>(() => new GeoPackageStore(path, create: false));
        Assert.Contains("is not a GeoPackage", error.Message);
    }

    [Fact]
    public void ReadLayer_unknownLayer_listsTheLayers()
    {
        using var folder = new TempFolder();
        var store = new GeoPackageStore(folder.File("a.gpkg"), create: true);
        store.WriteLayers(new[] { SampleLayer() });
        var error = Assert.Throws<GeoInputException>(() => store.ReadLayer("stations"));
        Assert.Contains("layers: places", error.Message);
    }

    [Fact]
    public void WrittenFile_isReadByGdalAndGdalOutputIsReadByGeo()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { SampleLayer() });

        string info = ExternalTool.Run("ogrinfo", "gdal-bin", "-so", "-al", path);
        Assert.Contains("Layer name: places", info);
        Assert.Contains("Feature Count: 2", info);
        Assert.Contains("WGS 84", info);

        var geojson = folder.File("in.geojson");
        File.WriteAllText(geojson, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":3,"w":1.5,"s":"驿站"},"geometry":{"type":"Point","coordinates":[104.06,30.65]}}]}""");
        var gdalPath = folder.File("gdal.gpkg");
        ExternalTool.Run("ogr2ogr", "gdal-bin", "-f", "GPKG", gdalPath, geojson, "-nln", "stations");
        var read = new GeoPackageStore(gdalPath, create: false).ReadLayer("stations");
        Assert.Equal(new object?[] { 3L, 1.5, "驿站" }, read.Features[0].Values);
    }
}
