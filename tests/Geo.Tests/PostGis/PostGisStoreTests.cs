using Geo.Data;
using Geo.Data.Features;
using Geo.Data.PostGis;
using NetTopologySuite.Geometries;

namespace Geo.Tests.PostGis;

[Collection("PostGIS")]
public class PostGisStoreTests(PostGisServer server)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static FeatureLayer Layer(string name)
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
        layer.Add(Factory.CreatePolygon(shell, new[] { hole }), 7L, 0.5, "双流区东升街道", false);
        layer.Add(Factory.CreatePolygon(shell), null, null, null, null);
        return layer;
    }

    [Fact]
    public void WriteLayers_thenReadLayer_roundTripsEveryFieldTypeAndHoles()
    {
        using var store = new PostGisStore(server.NewSchema("rt"));
        store.WriteLayers(new[] { Layer("areas") });
        var read = store.ReadLayer("areas");

        Assert.Equal(2, read.Features.Count);
        Assert.Equal(4326, read.Srid);
        Assert.Equal(new object?[] { 7L, 0.5, "双流区东升街道", false }, read.Features[0].Values);
        Assert.Equal(new object?[] { null, null, null, null }, read.Features[1].Values);
        Assert.Equal(1, ((Polygon)read.Features[0].Geometry.GetGeometryN(0)).NumInteriorRings);
    }

    [Fact]
    public void WriteLayers_failingSecondLayer_leavesNoHalfWrittenTable()
    {
        using var store = new PostGisStore(server.NewSchema("atomic"));
        store.WriteLayers(new[] { Layer("areas") });
        var smaller = Layer("areas");
        smaller.Features.RemoveAt(0);
        var broken = new FeatureLayer("broken", GeometryKind.Point, Array.Empty<FieldDefinition>());
        broken.Add(Factory.CreatePoint());

        Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { smaller, broken }));
        Assert.Equal(2, store.ReadLayer("areas").Features.Count);
        Assert.False(store.HasLayer("broken"));
    }

    [Fact]
    public void ReadLayer_unknownTable_listsTheTables()
    {
        using var store = new PostGisStore(server.NewSchema("unknown"));
        store.WriteLayers(new[] { Layer("areas") });
        var error = Assert.Throws<GeoInputException>(() => store.ReadLayer("stations"));
        Assert.Contains("tables: areas", error.Message);
    }

    [Theory]
    [InlineData("geo; drop table x")]
    [InlineData("1abc")]
    [InlineData("a\"b")]
    public void Names_notPlainIdentifiers_areRefused(string name)
    {
        Assert.Throws<GeoInputException>(() => PostGisLocation.Parse($"postgis:{server.ConnectionString};Schema={name}"));
        using var store = new PostGisStore(server.NewSchema("names"));
        Assert.Throws<GeoInputException>(() => store.ReadLayer(name));
        Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { Layer(name) }));
    }

    [Fact]
    public void Parse_malformedConnectionString_saysSo()
    {
        var error = Assert.Throws<GeoInputException>(() => FeatureStores.Open("postgis:Host=127.0.0.1;Bogus Key=1", create: false));
        Assert.StartsWith("malformed PostGIS connection string", error.Message);
    }

    [Fact]
    public void Open_unreachableServer_saysWhichServer()
    {
        var error = Assert.Throws<GeoInputException>(() => FeatureStores.Open("postgis:Host=127.0.0.1;Port=1;Username=geo;Database=geo", create: false));
        Assert.Contains("cannot reach PostGIS at 127.0.0.1:1", error.Message);
    }
}
