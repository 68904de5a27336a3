using Geo.Data.Features;
using Geo.Data.Files;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

public class GeoJsonFileTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Square(double x, double y, double size, params LinearRing[] holes) => Factory.CreatePolygon(
        Factory.CreateLinearRing(new[] { new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y) }),
        holes);

    private static FeatureLayer Subdistricts()
    {
        var layer = new FeatureLayer("subdistricts", GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("population", FieldType.Integer),
            new FieldDefinition("area_km2", FieldType.Real),
            new FieldDefinition("name", FieldType.Text),
            new FieldDefinition("served", FieldType.Boolean),
        });
        var hole = Factory.CreateLinearRing(new[] { new Coordinate(104.02, 30.02), new Coordinate(104.02, 30.04), new Coordinate(104.04, 30.04), new Coordinate(104.04, 30.02), new Coordinate(104.02, 30.02) });
        layer.Add(Factory.CreateMultiPolygon(new[] { Square(104, 30, 0.1, hole), Square(104.2, 30, 0.05) }), 52000L, 3.0, "春熙路街道", true);
        layer.Add(Square(104.3, 30, 0.1), null, null, null, null);
        return layer;
    }

    [Fact]
    public void Write_thenRead_roundTripsEveryFieldTypeNullsHolesAndParts()
    {
        using var folder = new TempFolder();
        var path = folder.File("subdistricts.geojson");
        GeoJsonFile.Write(Subdistricts(), path);

        var read = GeoJsonFile.Read(path);

        Assert.Equal("subdistricts", read.Name);
        Assert.Equal(4326, read.Srid);
        Assert.Equal(GeometryKind.MultiPolygon, read.GeometryKind);
        Assert.Equal(new[] { FieldType.Integer, FieldType.Real, FieldType.Text, FieldType.Boolean }, read.Fields.Select(f => f.Type));
        Assert.Equal(new object?[] { 52000L, 3.0, "春熙路街道", true }, read.Features[0].Values);
        Assert.Equal(new object?[] { null, null, null, null }, read.Features[1].Values);
        var first = (MultiPolygon)read.Features[0].Geometry;
        Assert.Equal(2, first.NumGeometries);
        Assert.Equal(1, ((Polygon)first.GetGeometryN(0)).NumInteriorRings);
        Assert.Equal(0.01 - 0.0004 + 0.0025, first.Area, 9);
        Assert.Contains("春熙路街道", File.ReadAllText(path));
    }

    [Fact]
    public void Read_mixedValues_infersTheNarrowestTypeThatHoldsThemAll()
    {
        using var folder = new TempFolder();
        var path = folder.File("stations.geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":7,"properties":{"beds":3,"ratio":1,"open":true,"code":"A1","mixed":1},"geometry":{"type":"Point","coordinates":[104.06,30.65]}},
              {"type":"Feature","id":8,"properties":{"beds":null,"ratio":2.5,"open":false,"code":null,"mixed":"x"},"geometry":{"type":"Point","coordinates":[104.07,30.66]}}]}
            """);

        var read = GeoJsonFile.Read(path);

        Assert.Equal(new[] { "beds", "ratio", "open", "code", "mixed", "id" }, read.Fields.Select(f => f.Name));
        Assert.Equal(new[] { FieldType.Integer, FieldType.Real, FieldType.Boolean, FieldType.Text, FieldType.Text, FieldType.Integer }, read.Fields.Select(f => f.Type));
        Assert.Equal(new object?[] { 3L, 1.0, true, "A1", "1", 7L }, read.Features[0].Values);
        Assert.Equal(new object?[] { null, 2.5, false, null, "x", 8L }, read.Features[1].Values);
        Assert.Equal(GeometryKind.Point, read.GeometryKind);
    }

    [Fact]
    public void Read_polygonsAndMultiPolygons_makeAMultiPolygonLayer()
    {
        using var folder = new TempFolder();
        var path = folder.File("areas.geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
              {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[2,0],[3,0],[3,1],[2,0]]]]}}]}
            """);
        Assert.Equal(GeometryKind.MultiPolygon, GeoJsonFile.Read(path).GeometryKind);
    }

    [Fact]
    public void Read_malformedJson_namesFileLineAndPosition()
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\n\"features\":[\n  {\"type\":\"Feature\" \"properties\":{}}]}");

        var error = Assert.Throws<GeoInputException>(() => GeoJsonFile.Read(path));

        Assert.Equal("broken.geojson is not valid JSON: error at line 3, position 21", error.Message);
    }

    [Fact]
    public void Read_projectedCrsMember_isRefused()
    {
        using var folder = new TempFolder();
        var path = folder.File("mercator.geojson");
        File.WriteAllText(path, """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[]}""");

        var error = Assert.Throws<GeoInputException>(() => GeoJsonFile.Read(path));

        Assert.Contains("mercator.geojson declares the CRS urn:ogc:def:crs:EPSG::3857", error.Message);
    }

    [Fact]
    public void Read_crs84Member_isAccepted()
    {
        using var folder = new TempFolder();
        var path = folder.File("gdal.geojson");
        File.WriteAllText(path, """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[{"type":"Feature","properties":{"n":"东站"},"geometry":{"type":"Point","coordinates":[104.1,30.6]}}]}""");

        var read = GeoJsonFile.Read(path);

        Assert.Equal(104.1, read.Features[0].Geometry.Coordinate.X);
        Assert.Equal("东站", read.Features[0].Values[0]);
    }

    [Fact]
    public void Read_featureWithoutGeometry_namesTheFeature()
    {
        using var folder = new TempFolder();
        var path = folder.File("pois.geojson");
        File.WriteAllText(path, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},{"type":"Feature","properties":{},"geometry":null}]}""");

        var error = Assert.Throws<GeoInputException>(() => GeoJsonFile.Read(path));

        Assert.Equal("pois.geojson feature 2 has no geometry", error.Message);
    }

    [Fact]
    public void Read_singleFeatureInsteadOfCollection_saysSo()
    {
        using var folder = new TempFolder();
        var path = folder.File("one.geojson");
        File.WriteAllText(path, """{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}""");
        Assert.Equal("one.geojson is not a GeoJSON FeatureCollection", Assert.Throws<GeoInputException>(() => GeoJsonFile.Read(path)).Message);
    }

    [Fact]
    public void Write_failingFeature_leavesTheExistingFileUnchanged()
    {
        using var folder = new TempFolder();
        var path = folder.File("subdistricts.geojson");
        GeoJsonFile.Write(Subdistricts(), path);
        string before = File.ReadAllText(path);
        var broken = Subdistricts();
        broken.Add(Factory.CreatePoint(new Coordinate(104, 30)), 1L, 1.0, "x", false);

        var error = Assert.Throws<GeoInputException>(() => GeoJsonFile.Write(broken, path));

        Assert.Contains("feature 3", error.Message);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Write_projectedLayer_isRefusedAndWritesNothing()
    {
        using var folder = new TempFolder();
        var layer = new FeatureLayer("utm", GeometryKind.Point, Array.Empty<FieldDefinition>(), srid: 32648);
        Assert.Throws<GeoInputException>(() => GeoJsonFile.Write(layer, folder.File("utm.geojson")));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Write_isReadByGdal()
    {
        using var folder = new TempFolder();
        var path = folder.File("subdistricts.geojson");
        GeoJsonFile.Write(Subdistricts(), path);

        string info = ExternalTool.Run("ogrinfo", "gdal-bin", "-so", "-al", path);

        Assert.Contains("Feature Count: 2", info);
        Assert.Contains("population: Integer", info);
        Assert.Contains("area_km2: Real", info);
    }

    [Fact]
    public void Read_gdalExportOfAGeoPackage_givesBackTheLayer()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("city.gpkg");
        new Geo.Data.GeoPackage.GeoPackageStore(gpkg, create: true).WriteLayers(new[] { Subdistricts() });
        var path = folder.File("subdistricts.geojson");
        ExternalTool.Run("ogr2ogr", "gdal-bin", "-f", "GeoJSON", path, gpkg, "subdistricts");

        var read = GeoJsonFile.Read(path);

        Assert.Equal(new[] { FieldType.Integer, FieldType.Real, FieldType.Text, FieldType.Boolean }, read.Fields.Select(f => f.Type));
        Assert.Equal(new object?[] { 52000L, 3.0, "春熙路街道", true }, read.Features[0].Values);
        Assert.Equal(2, read.Features[0].Geometry.NumGeometries);
    }
}
