using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Geo.Data;
using Geo.Data.Features;
using Geo.Data.PostGis;
using NetTopologySuite.Geometries;

namespace Geo.Tests.PostGis;

[Collection("PostGIS")]
public class PostGisStoreTests(PostGisServer server)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly FieldDefinition[] AreaFields =
    {
        new("count", FieldType.Integer),
        new("share", FieldType.Real),
        new("name", FieldType.Text),
        new("open", FieldType.Boolean),
    };

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon(new[]
    {
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
        new Coordinate(x, y + size), new Coordinate(x, y),
    });

    /// <summary>A 0.1° square subdistrict with a 0.02° courtyard hole, and an empty-valued plain square.</summary>
    private static FeatureLayer Areas(string name = "areas")
    {
        var layer = new FeatureLayer(name, GeometryKind.MultiPolygon, AreaFields);
        var withHole = Factory.CreatePolygon(Square(104, 30, 0.1).Shell, new[] { Square(104.04, 30.04, 0.02).Shell });
        layer.Add(withHole, 5_000_000_000L, 0.125, "双流区东升街道", true);
        layer.Add(Square(104.2, 30, 0.1), null, null, null, null);
        return layer;
    }

    private static FeatureLayer Stops(string name = "stops")
    {
        var layer = new FeatureLayer(name, GeometryKind.Point, new[] { new FieldDefinition("station_id", FieldType.Text) });
        layer.Add(Factory.CreatePoint(new Coordinate(104.0665, 30.5723)), "天府广场站");
        return layer;
    }

    [Fact]
    public void WriteLayers_thenReadLayer_roundTripsEveryFieldTypeChineseTextAndHoles()
    {
        using var store = new PostGisStore(server.NewSchema("rt"));
        store.WriteLayers(new[] { Areas(), Stops() });

        var read = store.ReadLayer("areas");
        Assert.Equal(GeometryKind.MultiPolygon, read.GeometryKind);
        Assert.Equal(4326, read.Srid);
        Assert.Equal(AreaFields, read.Fields);
        Assert.Equal(2, read.Features.Count);
        Assert.Equal(new object?[] { 5_000_000_000L, 0.125, "双流区东升街道", true }, read.Features[0].Values);
        Assert.Equal(new object?[] { null, null, null, null }, read.Features[1].Values);
        var polygon = (Polygon)read.Features[0].Geometry.GetGeometryN(0);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.True(polygon.EqualsExact(Areas().Features[0].Geometry));
        Assert.Equal(0.01 - 0.0004, polygon.Area, 12);

        var stop = Assert.Single(store.ReadLayer("stops").Features);
        Assert.Equal("天府广场站", stop.Values[0]);
        Assert.Equal(new Coordinate(104.0665, 30.5723), stop.Geometry.Coordinate);
    }

    [Fact]
    public void WriteLayers_newSchema_createsTablesWithGistIndexAndLayerNamesListsThem()
    {
        var location = server.NewSchema("idx");
        using var store = new PostGisStore(location);
        store.WriteLayers(new[] { Stops(), Areas() });

        Assert.Equal(new[] { "areas", "stops" }, store.LayerNames());
        Assert.True(store.HasLayer("AREAS"));
        Assert.False(store.HasLayer("roads"));
        Assert.Equal(2L, server.Scalar(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = @schema AND indexdef LIKE '%USING gist (geom)%'", location.Schema));
    }

    [Fact]
    public void WriteLayers_existingTable_isReplacedWithTheNewSchemaAndRows()
    {
        using var store = new PostGisStore(server.NewSchema("replace"));
        store.WriteLayers(new[] { Areas() });
        var replacement = new FeatureLayer("areas", GeometryKind.Polygon, new[] { new FieldDefinition("label", FieldType.Text) });
        replacement.Add(Square(0, 0, 1), "新区");

        store.WriteLayers(new[] { replacement });

        var read = store.ReadLayer("areas");
        Assert.Equal(GeometryKind.Polygon, read.GeometryKind);
        Assert.Equal(new[] { new FieldDefinition("label", FieldType.Text) }, read.Fields);
        Assert.Equal("新区", Assert.Single(read.Features).Values[0]);
    }

    [Fact]
    public void WriteLayers_secondLayerHasNullGeometry_leavesFirstTableUnchanged()
    {
        using var store = new PostGisStore(server.NewSchema("atomic"));
        store.WriteLayers(new[] { Areas() });
        var smaller = Areas();
        smaller.Features.RemoveAt(0);
        var broken = Stops("broken");
        broken.Features.Add(new Feature(null!, new object?[] { "x" }));

        var error = Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { smaller, broken }));

        Assert.Contains("layer 'broken' feature 2", error.Message);
        Assert.Equal(2, store.ReadLayer("areas").Features.Count);
        Assert.Equal(new[] { "areas" }, store.LayerNames());
    }

    [Fact]
    public void WriteLayers_secondLayerHasBadName_writesNoTableAtAll()
    {
        var location = server.NewSchema("badname");
        using var store = new PostGisStore(location);

        Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { Areas(), Stops("stops; drop table areas") }));

        Assert.Empty(store.LayerNames());
        Assert.Equal(0L, server.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", location.Schema));
    }

    [Fact]
    public void WriteLayers_valueNotOfTheFieldType_namesLayerFeatureAndColumnAndWritesNothing()
    {
        using var store = new PostGisStore(server.NewSchema("types"));
        var areas = Areas();
        areas.Features[1].Values[0] = "twelve";

        var error = Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { Stops(), areas }));

        Assert.Equal("layer 'areas' feature 2 column 'count': 'twelve' is not an integer value", error.Message);
        Assert.Empty(store.LayerNames());
    }

    [Fact]
    public void WriteLayers_columnNamedGeom_isRefusedBeforeWriting()
    {
        using var store = new PostGisStore(server.NewSchema("clash"));
        var layer = new FeatureLayer("areas", GeometryKind.Point, new[] { new FieldDefinition("GEOM", FieldType.Text) });

        var error = Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { layer }));

        Assert.Contains("column 'GEOM'", error.Message);
        Assert.Empty(store.LayerNames());
    }

    [Fact]
    public void ReadLayer_tableMadeBySql_mapsColumnTypesAndSrid()
    {
        var location = server.NewSchema("sql");
        server.Scalar($"""
            CREATE SCHEMA "{location.Schema}";
            CREATE TABLE "{location.Schema}".shops (
                id serial PRIMARY KEY, small smallint, big bigint, ratio real, price numeric(6,2), label varchar(20),
                opened date, ok boolean, pos geometry(Point, 4490));
            INSERT INTO "{location.Schema}".shops (small, big, ratio, price, label, opened, ok, pos)
                VALUES (3, 9000000000, 0.5, 12.25, '茶馆', '2024-05-01', false, ST_SetSRID(ST_MakePoint(104.1, 30.6), 4490));
            """);
        using var store = new PostGisStore(location);

        var layer = store.ReadLayer("shops");

        Assert.Equal(4490, layer.Srid);
        Assert.Equal(GeometryKind.Point, layer.GeometryKind);
        Assert.Equal(new[]
        {
            new FieldDefinition("id", FieldType.Integer), new FieldDefinition("small", FieldType.Integer),
            new FieldDefinition("big", FieldType.Integer), new FieldDefinition("ratio", FieldType.Real),
            new FieldDefinition("price", FieldType.Real), new FieldDefinition("label", FieldType.Text),
            new FieldDefinition("opened", FieldType.Text), new FieldDefinition("ok", FieldType.Boolean),
        }, layer.Fields);
        Assert.Equal(new object?[] { 1L, 3L, 9_000_000_000L, 0.5, 12.25, "茶馆", "2024-05-01", false }, layer.Features[0].Values);
        Assert.Equal(new Coordinate(104.1, 30.6), layer.Features[0].Geometry.Coordinate);
    }

    [Fact]
    public void ReadLayer_unknownTable_listsTheTablesPresent()
    {
        using var store = new PostGisStore(server.NewSchema("unknown"));
        store.WriteLayers(new[] { Areas(), Stops() });

        var error = Assert.Throws<GeoInputException>(() => store.ReadLayer("stations"));

        Assert.Contains("no table 'stations' (tables: areas, stops)", error.Message);
    }

    [Theory]
    [InlineData("geo; drop table x")]
    [InlineData("1abc")]
    [InlineData("a\"b")]
    [InlineData("")]
    public void Names_notPlainIdentifiers_areRefusedForSchemaTableAndColumn(string name)
    {
        Assert.Throws<GeoInputException>(() => PostGisLocation.Parse($"postgis:{server.ConnectionString}", name));
        using var store = new PostGisStore(server.NewSchema("names"));
        Assert.Throws<GeoInputException>(() => store.ReadLayer(name));
        Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { Areas(name) }));
        var badColumn = new FeatureLayer("areas", GeometryKind.Point, new[] { new FieldDefinition(name, FieldType.Text) });
        Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { badColumn }));
        Assert.Empty(store.LayerNames());
    }

    [Fact]
    public void Open_malformedConnectionString_saysSo()
    {
        var error = Assert.Throws<GeoInputException>(() => FeatureStores.Open("postgis:Host=127.0.0.1;Bogus Key=1", create: false));
        Assert.StartsWith("malformed PostGIS connection string: ", error.Message);
    }

    [Fact]
    public void Open_portWithNothingListening_saysWhichServerQuickly()
    {
        int port = LoopbackPorts.Free();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<GeoInputException>(
            () => FeatureStores.Open($"postgis:Host=127.0.0.1;Port={port};Username=geo;Database=geo", create: false));

        Assert.StartsWith($"cannot reach PostGIS at 127.0.0.1:{port}: ", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
