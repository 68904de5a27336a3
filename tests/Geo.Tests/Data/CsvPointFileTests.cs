using System.Text;
using Geo.Data.Features;
using Geo.Data.Files;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

public class CsvPointFileTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static string WriteText(TempFolder folder, string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Read_quotedCommasAndChineseNames_keepsThemWhole()
    {
        using var folder = new TempFolder();
        var path = WriteText(folder, "stations.csv",
            "id,name,lon,lat,note\n007,\"春熙路, 东站\",104.081,30.657,\"说 \"\"24小时\"\"\"\n8,西站,104.02,30.66,\n");

        var layer = CsvPointFile.Read(path);

        Assert.Equal("stations", layer.Name);
        Assert.Equal(new[] { "id", "name", "note" }, layer.Fields.Select(f => f.Name));
        Assert.All(layer.Fields, f => Assert.Equal(FieldType.Text, f.Type));
        Assert.Equal(new object?[] { "007", "春熙路, 东站", "说 \"24小时\"" }, layer.Features[0].Values);
        Assert.Equal(new object?[] { "8", "西站", null }, layer.Features[1].Values);
        Assert.Equal(new Coordinate(104.081, 30.657), layer.Features[0].Geometry.Coordinate);
        Assert.Equal(4326, layer.Srid);
    }

    [Theory]
    [InlineData("Longitude,LATITUDE")]
    [InlineData("lng,lat")]
    [InlineData("X,y")]
    public void Read_otherCoordinateColumnNames_areRecognised(string header)
    {
        using var folder = new TempFolder();
        var path = WriteText(folder, "p.csv", $"{header}\r\n104.5,30.25\r\n");
        var layer = CsvPointFile.Read(path);
        Assert.Empty(layer.Fields);
        Assert.Equal(new Coordinate(104.5, 30.25), layer.Features[0].Geometry.Coordinate);
    }

    [Fact]
    public void Read_badNumber_namesLineAndColumn()
    {
        using var folder = new TempFolder();
        var path = WriteText(folder, "stations.csv", "name,lon,lat\n东站,104.08,30.65\n\"多行\n名称\",104.1,30.6\n西站,104.0a,30.66\n");

        var error = Assert.Throws<GeoInputException>(() => CsvPointFile.Read(path));

        Assert.Equal("stations.csv line 5, column 'lon': '104.0a' is not a number", error.Message);
    }

    [Fact]
    public void Read_latitudeOutOfRange_isRefused()
    {
        using var folder = new TempFolder();
        var path = WriteText(folder, "swapped.csv", "lat,lon\n104.08,30.65\n");
        var error = Assert.Throws<GeoInputException>(() => CsvPointFile.Read(path));
        Assert.Equal("swapped.csv line 2, column 'lat': 104.08 is outside -90..90 degrees", error.Message);
    }

    [Fact]
    public void Read_noLongitudeColumn_listsTheColumns()
    {
        using var folder = new TempFolder();
        var path = WriteText(folder, "p.csv", "name,经度,lat\n东站,104,30\n");
        var error = Assert.Throws<GeoInputException>(() => CsvPointFile.Read(path));
        Assert.Equal("p.csv has no longitude column (named lon, lng, longitude, x); its columns are: name, 经度, lat", error.Message);
    }

    [Fact]
    public void Read_rowWithTooFewValues_namesTheLine()
    {
        using var folder = new TempFolder();
        var path = WriteText(folder, "p.csv", "name,lon,lat\n东站,104\n");
        var error = Assert.Throws<GeoInputException>(() => CsvPointFile.Read(path));
        Assert.Equal("p.csv line 2: 2 values but the header has 3 columns", error.Message);
    }

    [Fact]
    public void Read_gbkEncodedFile_asksForUtf8()
    {
        using var folder = new TempFolder();
        var path = folder.File("gbk.csv");
        // "东站" in GBK is B6 AB D5 BE, which is not valid UTF-8.
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("name,lon,lat\n").Concat(new byte[] { 0xB6, 0xAB, 0xD5, 0xBE }).Concat(Encoding.ASCII.GetBytes(",104,30\n")).ToArray());
        var error = Assert.Throws<GeoInputException>(() => CsvPointFile.Read(path));
        Assert.StartsWith("gbk.csv is not UTF-8 text", error.Message);
    }

    [Fact]
    public void Write_thenRead_roundTripsValuesNullsAndEmptyText()
    {
        using var folder = new TempFolder();
        var layer = new FeatureLayer("stations", GeometryKind.Point, new[]
        {
            new FieldDefinition("id", FieldType.Text),
            new FieldDefinition("name", FieldType.Text),
            new FieldDefinition("beds", FieldType.Integer),
            new FieldDefinition("share", FieldType.Real),
            new FieldDefinition("open", FieldType.Boolean),
        });
        layer.Add(Factory.CreatePoint(new Coordinate(104.0812345678, 30.6571234567)), "007", "春熙路, \"东\"站\n二楼", 12L, 0.1, true);
        layer.Add(Factory.CreatePoint(new Coordinate(-0.5, -45)), "", null, null, null, null);
        var path = folder.File("stations.csv");
        CsvPointFile.Write(layer, path);

        var read = CsvPointFile.Read(path);

        Assert.Equal(new[] { "id", "name", "beds", "share", "open" }, read.Fields.Select(f => f.Name));
        Assert.Equal(new object?[] { "007", "春熙路, \"东\"站\n二楼", "12", "0.1", "true" }, read.Features[0].Values);
        Assert.Equal(new object?[] { "", null, null, null, null }, read.Features[1].Values);
        Assert.Equal(new Coordinate(104.0812345678, 30.6571234567), read.Features[0].Geometry.Coordinate);
        Assert.Equal(new Coordinate(-0.5, -45), read.Features[1].Geometry.Coordinate);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'l' }, File.ReadAllBytes(path).Take(4));
    }

    [Fact]
    public void Write_polygonLayer_failsAndLeavesTheExistingFileUnchanged()
    {
        using var folder = new TempFolder();
        var path = WriteText(folder, "stations.csv", "lon,lat\n104,30\n");
        var layer = new FeatureLayer("areas", GeometryKind.Geometry, Array.Empty<FieldDefinition>());
        layer.Add(Factory.CreatePoint(new Coordinate(104, 30)));
        layer.Add(Factory.CreatePolygon(new[] { new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 0) }));

        var error = Assert.Throws<GeoInputException>(() => CsvPointFile.Write(layer, path));

        Assert.Equal("layer 'areas' feature 2: a Polygon cannot be written as a CSV point", error.Message);
        Assert.Equal("lon,lat\n104,30\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Write_fieldNamedLat_isRefused()
    {
        using var folder = new TempFolder();
        var layer = new FeatureLayer("p", GeometryKind.Point, new[] { new FieldDefinition("LAT", FieldType.Real) });
        Assert.Throws<GeoInputException>(() => CsvPointFile.Write(layer, folder.File("p.csv")));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Write_intoMissingFolder_saysSo()
    {
        using var folder = new TempFolder();
        var layer = new FeatureLayer("p", GeometryKind.Point, Array.Empty<FieldDefinition>());
        var error = Assert.Throws<GeoInputException>(() => CsvPointFile.Write(layer, folder.File("nowhere/p.csv")));
        Assert.Contains("does not exist", error.Message);
    }
}
