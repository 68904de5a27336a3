using System.Text;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Tests.Data.Osm;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using SQLitePCL;

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

    /// <summary>More features than one batch of encoding, so the next batch is encoded while one is inserted.</summary>
    private static FeatureLayer ManyPoints(int count)
    {
        var layer = new FeatureLayer("many", GeometryKind.Point, new[]
        {
            new FieldDefinition("n", FieldType.Integer), new FieldDefinition("x", FieldType.Real), new FieldDefinition("label", FieldType.Text),
        });
        for (int i = 0; i < count; i++)
        {
            layer.Add(Factory.CreatePoint(new Coordinate(104 + i * 1e-6, 30 - i * 1e-6)), (long)i, i / 7.0, i % 3 == 0 ? null : $"点 {i}");
        }
        return layer;
    }

    [Fact]
    public void WriteLayers_manyBatches_keepsEveryFeatureInOrder()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var written = ManyPoints(40_000);
        new GeoPackageStore(path, create: true).WriteLayers(new[] { written });

        var read = new GeoPackageStore(path, create: false).ReadLayer("many");

        Assert.Equal(written.Features.Count, read.Features.Count);
        for (int i = 0; i < written.Features.Count; i++)
        {
            Assert.True(written.Features[i].Geometry.EqualsExact(read.Features[i].Geometry), $"feature {i + 1}");
            Assert.Equal(written.Features[i].Values, read.Features[i].Values);
        }
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT rtreecheck('rtree_many_geom'), (SELECT count(*) FROM rtree_many_geom), (SELECT min(fid) = 1 AND max(fid) = 40000 FROM many)";
        using var row = check.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal(("ok", 40_000L, 1L), (row.GetString(0), row.GetInt64(1), row.GetInt64(2)));
    }

    [Fact]
    public void WriteLayers_texts_areStoredExactlyAsTheirUtf8()
    {
        // Around the length bound on the stack, in one-, two-, three- and four-byte characters; the empty text
        // stays empty (not null); a lone surrogate is stored as .NET encodes it, as a replacement character.
        var texts = new[]
        {
            "", "a", "锦江区春熙路街道", "Straße", "🚲 驿站", "\uD800", new string('y', 256), new string('y', 257),
            new string('长', 256), new string('长', 257), string.Concat(Enumerable.Repeat("🚲", 128)), string.Concat(Enumerable.Repeat("é", 400)),
        };
        var layer = new FeatureLayer("texts", GeometryKind.Point, new[] { new FieldDefinition("label", FieldType.Text), new FieldDefinition("n", FieldType.Integer) });
        // 53 rows: the statements of several rows, then rows one at a time.
        for (int i = 0; i < 53; i++) layer.Add(Factory.CreatePoint(new Coordinate(104 + i * 1e-4, 30)), i % 13 == 12 ? null : texts[i % 13], (long)i);
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT fid, CAST(label AS BLOB), typeof(label), n FROM texts ORDER BY fid";
        using var rows = read.ExecuteReader();
        for (int i = 0; i < 53; i++)
        {
            Assert.True(rows.Read());
            Assert.Equal((i + 1L, (long)i), (rows.GetInt64(0), rows.GetInt64(3)));
            if (layer.Features[i].Values[0] is string text)
            {
                Assert.Equal("text", rows.GetString(2));
                Assert.Equal(Encoding.UTF8.GetBytes(text), rows.IsDBNull(1) ? Array.Empty<byte>() : (byte[])rows.GetValue(1));
            }
            else Assert.Equal("null", rows.GetString(2));
        }
        Assert.False(rows.Read());
    }

    [Fact]
    public void WriteLayers_layerOfSixHundredFields_goesInARowAStatement()
    {
        Assert.Equal(1, RowInserter.RowsPerStatement(2 + 600));
        var fields = Enumerable.Range(0, 600).Select(c => new FieldDefinition($"f{c}", FieldType.Integer)).ToArray();
        var layer = new FeatureLayer("wide", GeometryKind.Point, fields);
        for (int i = 0; i < 3; i++) layer.Add(Factory.CreatePoint(new Coordinate(104, 30 + i * 1e-3)), Enumerable.Range(0, 600).Select(c => (object?)(long)(i * 1000 + c)).ToArray());
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        var back = new GeoPackageStore(path, create: false).ReadLayer("wide");
        Assert.Equal(layer.Features.Select(f => f.Values), back.Features.Select(f => f.Values));
    }

    [Fact]
    public void RowsPerStatement_keepsEveryStatementWithinSqlitesOldestLimit()
    {
        for (int fields = 0; fields <= 1000; fields++)
        {
            int rows = RowInserter.RowsPerStatement(2 + fields);
            Assert.InRange(rows, 1, 16);
            Assert.True(rows == 1 || rows * (2 + fields) <= 999, $"{fields} fields: {rows} rows");
        }
        Assert.Equal(16, RowInserter.RowsPerStatement(2 + 4));
    }

    [Fact]
    public void WriteLayers_polygonsOfEverySize_areBatchedByBytesAndKeptInOrder()
    {
        // Blobs from a few hundred bytes to more than a batch's worth: batches of many small ones, a few large ones
        // and a single one larger than a batch, one after another.
        var random = new Random(11);
        var packed = new GeometryFactory(new PrecisionModel(), 4326, NetTopologySuite.Geometries.Implementation.PackedCoordinateSequenceFactory.DoubleFactory);
        var layer = new FeatureLayer("areas", GeometryKind.MultiPolygon, new[] { new FieldDefinition("n", FieldType.Integer) });
        long bytes = 0;
        for (int i = 0; i < 400; i++)
        {
            int points = i == 300 ? 300_000 : random.Next(4) == 0 ? random.Next(2_000, 20_000) : random.Next(8, 200);
            var ring = new Coordinate[points + 1];
            for (int k = 0; k < points; k++)
            {
                double angle = 2 * Math.PI * k / points, radius = 0.01 * (1 + 0.3 * random.NextDouble());
                ring[k] = new Coordinate(104 + i * 0.05 + radius * Math.Cos(angle), 30 + radius * Math.Sin(angle));
            }
            ring[points] = ring[0];
            var factory = random.Next(2) == 0 ? packed : Factory;
            layer.Add(factory.CreatePolygon(ring), (long)i);
            bytes += 16L * (points + 1);
        }
        Assert.True(bytes > 4 * GeoPackageLayerWriter.BatchBytes);
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        var read = new GeoPackageStore(path, create: false).ReadLayer("areas");

        Assert.Equal(layer.Features.Count, read.Features.Count);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            Assert.True(LayerGeometry.Conform(layer, i).EqualsExact(read.Features[i].Geometry), $"feature {i + 1}");
            Assert.Equal(layer.Features[i].Values, read.Features[i].Values);
        }
    }

    [Fact]
    public void NextBatch_aimsAtTheBatchBytesWithinItsBounds()
    {
        Assert.Equal(100, GeoPackageLayerWriter.NextBatch(200, 2 * GeoPackageLayerWriter.BatchBytes));
        Assert.Equal(1, GeoPackageLayerWriter.NextBatch(1, 10 * GeoPackageLayerWriter.BatchBytes));
        Assert.Equal(16384, GeoPackageLayerWriter.NextBatch(64, 640));
        Assert.Equal(16384, GeoPackageLayerWriter.NextBatch(64, 0));
    }

    [Theory]
    [InlineData(20_000, false)]
    [InlineData(35_000, true)]
    public void WriteLayers_badFeatureInALaterBatch_namesItAndLeavesTheFileUnchanged(int bad, bool badGeometry)
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var store = new GeoPackageStore(path, create: true);
        store.WriteLayers(new[] { SampleLayer() });
        var before = File.ReadAllBytes(path);

        var layer = ManyPoints(40_000);
        if (badGeometry) layer.Features[bad] = new Feature(Factory.CreatePoint(), layer.Features[bad].Values);
        else layer.Features[bad].Values[0] = "not a number";
        var error = Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { layer }));

        Assert.Contains($"feature {bad + 1}", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void PreparedStatement_sqliteRefusingARow_throwsItsMessageAndInsertsTheNextRow()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        using var insert = new PreparedStatement(connection, "INSERT INTO t (id, v) VALUES (?, ?)");
        insert.Bind(1, 1L);
        insert.Bind(2, "a");
        insert.Execute();

        var error = Assert.Throws<SqliteException>(() => insert.Execute());
        Assert.Contains("UNIQUE", error.Message);
        insert.Bind(1, 2L);
        insert.BindNull(2);
        Assert.Contains("NOT NULL", Assert.Throws<SqliteException>(() => insert.Execute()).Message);
        insert.Bind(2, "b");
        insert.Execute();

        using var read = new PreparedStatement(connection, "SELECT id, v, NULL, 2.5, x'0102' FROM t ORDER BY id");
        var rows = new List<string>();
        while (read.Next())
        {
            Assert.Equal((raw.SQLITE_INTEGER, raw.SQLITE_TEXT, raw.SQLITE_NULL, raw.SQLITE_FLOAT, raw.SQLITE_BLOB),
                (read.StoredType(0), read.StoredType(1), read.StoredType(2), read.StoredType(3), read.StoredType(4)));
            Assert.Equal(2.5, read.Real(3));
            Assert.Equal("2.5", read.Text(3));
            Assert.Equal(new byte[] { 1, 2 }, read.Blob(4));
            rows.Add($"{read.Integer(0)}{read.Text(1)}");
        }
        Assert.Equal(new[] { "1a", "2b" }, rows);
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
        Assert.Contains("Geometry: Multi Polygon\n", info);
        string features = ExternalTool.Run("ogrinfo", "gdal-bin", "-al", "-q", path);
        Assert.Contains("MULTIPOLYGON (((104 30,104.1 30.0,", features);
        Assert.DoesNotContain("nan", features);

        var geojson = folder.File("in.geojson");
        File.WriteAllText(geojson, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":3,"w":1.5,"s":"驿站"},"geometry":{"type":"Point","coordinates":[104.06,30.65]}}]}""");
        var gdalPath = folder.File("gdal.gpkg");
        ExternalTool.Run("ogr2ogr", "gdal-bin", "-f", "GPKG", gdalPath, geojson, "-nln", "stations");
        var read = new GeoPackageStore(gdalPath, create: false).ReadLayer("stations");
        Assert.Equal(new object?[] { 3L, 1.5, "驿站" }, read.Features[0].Values);
    }

    [Fact]
    public void WriteLayers_multiPolygonOfTwoParts_keepsBothParts()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var layer = new FeatureLayer("islands", GeometryKind.MultiPolygon, Array.Empty<FieldDefinition>());
        layer.Add(Factory.CreateMultiPolygon(new[] { Square(104, 30, 0.01), Square(104.1, 30, 0.02) }));
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        var read = (MultiPolygon)new GeoPackageStore(path, create: false).ReadLayer("islands").Features[0].Geometry;

        Assert.Equal(2, read.NumGeometries);
        Assert.Equal(0.0001 + 0.0004, read.Area, 9);
    }

    [Fact]
    public void WriteLayers_projectedCrs_keepsTheSridAndRegistersIt()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var utm = new FeatureLayer("utm", GeometryKind.Point, Array.Empty<FieldDefinition>(), srid: 32648);
        utm.Add(new GeometryFactory(new PrecisionModel(), 32648).CreatePoint(new Coordinate(400000, 3390000)));
        var cgcs = new FeatureLayer("cgcs", GeometryKind.Point, Array.Empty<FieldDefinition>(), srid: 4547);
        cgcs.Add(new GeometryFactory(new PrecisionModel(), 4547).CreatePoint(new Coordinate(500000, 3390000)));
        new GeoPackageStore(path, create: true).WriteLayers(new[] { utm, cgcs });

        var store = new GeoPackageStore(path, create: false);
        Assert.Equal(32648, store.ReadLayer("utm").Srid);
        Assert.Equal(4547, store.ReadLayer("cgcs").Srid);
        Assert.Equal(400000, store.ReadLayer("utm").Features[0].Geometry.Coordinate.X);
        string info = ExternalTool.Run("ogrinfo", "gdal-bin", "-so", "-al", path);
        Assert.Contains("UTM zone 48N", info);
        Assert.Contains("CGCS2000", info);
    }

    [Fact]
    public void WriteLayers_nullGeometryInSecondLayer_leavesExistingFileUnchanged()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var store = new GeoPackageStore(path, create: true);
        store.WriteLayers(new[] { SampleLayer() });
        byte[] before = File.ReadAllBytes(path);

        var broken = new FeatureLayer("stations", GeometryKind.Point, Array.Empty<FieldDefinition>());
        broken.Add(Factory.CreatePoint(new Coordinate(104, 30)));
        broken.Add(null!);
        var error = Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { SampleLayer("other"), broken }));

        Assert.Contains("layer 'stations' feature 2", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { "places" }, store.LayerNames());
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WriteLayers_badNameGivenSecond_writesNothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var store = new GeoPackageStore(path, create: true);
        store.WriteLayers(new[] { SampleLayer() });
        var replacement = SampleLayer();
        replacement.Features.RemoveAt(1);

        var error = Assert.Throws<GeoInputException>(() => store.WriteLayers(new[] { replacement, SampleLayer("2nd") }));

        Assert.Contains("'2nd'", error.Message);
        Assert.Equal(2, store.ReadLayer("places").Features.Count);
    }

    [Theory]
    [InlineData("gpkg_contents")]
    [InlineData("rtree_places_geom")]
    [InlineData("sqlite_master")]
    public void WriteLayers_nameOfAGeoPackageTable_isRefused(string name)
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<GeoInputException>(() =>
            new GeoPackageStore(folder.File("a.gpkg"), create: true).WriteLayers(new[] { SampleLayer(name) }));
        Assert.Contains("reserved", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WriteLayers_fieldNamedGeom_isRefused()
    {
        using var folder = new TempFolder();
        var layer = new FeatureLayer("places", GeometryKind.Point, new[] { new FieldDefinition("GEOM", FieldType.Text) });
        var error = Assert.Throws<GeoInputException>(() => new GeoPackageStore(folder.File("a.gpkg"), create: true).WriteLayers(new[] { layer }));
        Assert.Contains("'GEOM'", error.Message);
    }

    [Fact]
    public void WriteLayers_textInAnIntegerField_namesLayerFeatureAndColumn()
    {
        using var folder = new TempFolder();
        var layer = new FeatureLayer("places", GeometryKind.Point, new[] { new FieldDefinition("beds", FieldType.Integer) });
        layer.Add(Factory.CreatePoint(new Coordinate(104, 30)), "12");
        var error = Assert.Throws<GeoInputException>(() => new GeoPackageStore(folder.File("a.gpkg"), create: true).WriteLayers(new[] { layer }));
        Assert.Contains("layer 'places' feature 1 column 'beds'", error.Message);
    }

    [Fact]
    public void WriteLayers_quoteInFieldName_isStoredAsData()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        var layer = new FeatureLayer("places", GeometryKind.Point, new[] { new FieldDefinition("名称\") drop", FieldType.Text) });
        layer.Add(Factory.CreatePoint(new Coordinate(104, 30)), "x");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        var read = new GeoPackageStore(path, create: false).ReadLayer("places");
        Assert.Equal("名称\") drop", read.Fields[0].Name);
        Assert.Equal("x", read.Features[0].Values[0]);
    }

    [Fact]
    public void WriteLayers_spatialIndex_holdsEveryFeatureExtent()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { SampleLayer() });

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), min(minx), max(maxy) FROM rtree_places_geom";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(2, reader.GetInt64(0));
        Assert.Equal(104, reader.GetDouble(1), 4);
        Assert.Equal(30.1, reader.GetDouble(2), 4);
    }

    [Fact]
    public void WriteLayers_spatialIndexOfManyFeatures_findsWhatABruteForceScanFinds()
    {
        // The index is filled in curve order, not fid order: every row must still carry its own feature's extent.
        var random = new Random(7);
        var layer = new FeatureLayer("segments", GeometryKind.LineString, new[] { new FieldDefinition("n", FieldType.Integer) });
        var extents = new List<Envelope>();
        for (int i = 0; i < 3000; i++)
        {
            double x = 103.9 + random.NextDouble() * 0.3, y = 30.5 + random.NextDouble() * 0.3;
            var line = Factory.CreateLineString(new[] { new Coordinate(x, y), new Coordinate(x + random.NextDouble() * 0.01, y + random.NextDouble() * 0.01) });
            layer.Add(line, (long)i);
            extents.Add(line.EnvelopeInternal);
        }
        using var folder = new TempFolder();
        var path = folder.File("a.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        for (int q = 0; q < 50; q++)
        {
            double x = 103.9 + random.NextDouble() * 0.3, y = 30.5 + random.NextDouble() * 0.3;
            var window = new Envelope(x, x + 0.02, y, y + 0.02);
            var found = RtreeWindow.Ids(connection, "rtree_segments_geom", window);
            // The R-tree stores 32-bit floats rounded outwards, so it may also return rows a hair outside the window.
            var expected = extents.Select((e, i) => (e, Id: i + 1L)).Where(t => t.e.Intersects(window)).Select(t => t.Id).ToList();
            Assert.Empty(expected.Except(found));
            Assert.All(found.Except(expected), id =>
            {
                var e = extents[(int)id - 1];
                Assert.True(e.Distance(window) < 1e-5, $"row {id} is far outside the window");
            });
        }
    }

    private static FeatureLayer Segments(int count, int seed)
    {
        var random = new Random(seed);
        var layer = new FeatureLayer("streets", GeometryKind.LineString, new[]
        {
            new FieldDefinition("n", FieldType.Integer), new FieldDefinition("name", FieldType.Text),
            new FieldDefinition("oneway", FieldType.Boolean), new FieldDefinition("maxspeed", FieldType.Real),
        });
        for (int i = 0; i < count; i++)
        {
            double x = 104 + random.NextDouble() * 0.1, y = 30.6 + random.NextDouble() * 0.1;
            layer.Add(Factory.CreateLineString(new[] { new Coordinate(x, y), new Coordinate(x + 0.001, y + random.NextDouble() * 0.001) }),
                (long)i, i % 3 == 0 ? null : $"路{i}", i % 2 == 0, i % 5 == 0 ? null : 30.0 + i);
        }
        return layer;
    }

    [Fact]
    public void WriteLayers_layerCopiedFromAnotherGeoPackage_readsBackLikeWrittenFeaturesAndLeavesTheSourceAlone()
    {
        using var folder = new TempFolder();
        var source = folder.File("source.gpkg");
        new GeoPackageStore(source, create: true).WriteLayers(new[] { Segments(500, 3) });
        var before = File.ReadAllBytes(source);

        var read = new GeoPackageStore(source, create: false).ReadLayer("streets");
        read.CopyOf = new LayerCopy(source, "streets");
        var copied = folder.File("copied.gpkg");
        new GeoPackageStore(copied, create: true).WriteLayers(new[] { read });
        // Into an existing file too, replacing a layer of the same name.
        var existing = folder.File("existing.gpkg");
        new GeoPackageStore(existing, create: true).WriteLayers(new[] { Segments(20, 9) });
        new GeoPackageStore(existing, create: false).WriteLayers(new[] { read });

        Assert.Equal(before, File.ReadAllBytes(source));
        var expected = Segments(500, 3);
        foreach (var path in new[] { copied, existing })
        {
            var back = new GeoPackageStore(path, create: false).ReadLayer("streets");
            Assert.Equal(expected.Features.Count, back.Features.Count);
            for (int i = 0; i < expected.Features.Count; i++)
            {
                Assert.Equal(expected.Features[i].Values, back.Features[i].Values);
                Assert.True(expected.Features[i].Geometry.EqualsExact(back.Features[i].Geometry), $"feature {i + 1}");
            }
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM rtree_streets_geom r JOIN streets s ON s.fid = r.id";
            Assert.Equal(500L, command.ExecuteScalar());
        }
    }

    [Fact]
    public void WriteLayers_inTurn_copiesTheFirstLayersThenWritesEachLaterBatchAsItComes()
    {
        using var folder = new TempFolder();
        var source = folder.File("source.gpkg");
        new GeoPackageStore(source, create: true).WriteLayers(new[] { Segments(200, 3) });
        var read = new GeoPackageStore(source, create: false).ReadLayer("streets");
        read.CopyOf = new LayerCopy(source, "streets");
        var asked = new List<string>();
        IEnumerable<IReadOnlyList<FeatureLayer>> Later()
        {
            asked.Add("first batch");
            yield return new[] { SampleLayer("places") };
            asked.Add("second batch");
            yield return new[] { SampleLayer("more") };
        }
        var target = folder.File("out.gpkg");

        new GeoPackageStore(target, create: true).WriteLayers(new[] { read }, Later());

        Assert.Equal(new[] { "first batch", "second batch" }, asked);
        var store = new GeoPackageStore(target, create: false);
        Assert.Equal(new[] { "more", "places", "streets" }, store.LayerNames());
        var expected = Segments(200, 3);
        var back = store.ReadLayer("streets");
        Assert.Equal(expected.Features.Select(f => f.Values), back.Features.Select(f => f.Values));
        Assert.Equal(2, store.ReadLayer("more").Features.Count);
        Assert.Equal(new[] { "out.gpkg", "source.gpkg" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void WriteLayers_laterBatchesFailing_leaveNoNewFileAndAnExistingOneUnchanged()
    {
        using var folder = new TempFolder();
        IEnumerable<IReadOnlyList<FeatureLayer>> Failing()
        {
            yield return new[] { SampleLayer("places") };
            throw new InvalidOperationException("the audit failed");
        }
        var fresh = folder.File("new.gpkg");
        var error = Assert.Throws<InvalidOperationException>(() => new GeoPackageStore(fresh, create: true).WriteLayers(new[] { SampleLayer("first") }, Failing()));
        Assert.Equal("the audit failed", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));

        var existing = folder.File("existing.gpkg");
        var store = new GeoPackageStore(existing, create: true);
        store.WriteLayers(new[] { SampleLayer("kept") });
        var replacement = SampleLayer("kept");
        replacement.Features.RemoveAt(1);
        Assert.Throws<InvalidOperationException>(() => store.WriteLayers(new[] { replacement }, Failing()));
        Assert.Equal(new[] { "kept" }, store.LayerNames());
        Assert.Equal(2, store.ReadLayer("kept").Features.Count);
    }

    [Fact]
    public void WriteLayers_nameRepeatedInALaterBatch_isRefusedAndWritesNothing()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<GeoInputException>(() => new GeoPackageStore(folder.File("a.gpkg"), create: true)
            .WriteLayers(new[] { SampleLayer("places") }, new[] { new[] { SampleLayer("other") }, new[] { SampleLayer("PLACES") } }));
        Assert.Contains("given twice", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WriteLayers_copyGivenInALaterBatch_isWrittenFromItsFeatures()
    {
        // A copy's source can be attached only before the transaction begins: a later layer naming one is encoded.
        using var folder = new TempFolder();
        var read = ReadBeforeItsSourceChanged(folder);
        var target = folder.File("out.gpkg");

        new GeoPackageStore(target, create: true).WriteLayers(new[] { SampleLayer() }, new[] { new[] { read } });

        var back = new GeoPackageStore(target, create: false).ReadLayer("streets");
        Assert.Equal(Segments(30, 5).Features[0].Values, back.Features[0].Values);
        Assert.Equal(30, back.Features.Count);
    }

    [Fact]
    public void WriteLayers_layerWithAMatchingCopySource_takesItsRowsFromTheSource()
    {
        // Proves the bulk copy runs: the source's row 1 is changed after the layer was read, and the output has it.
        using var folder = new TempFolder();
        var read = ReadBeforeItsSourceChanged(folder);
        var target = folder.File("copied.gpkg");
        new GeoPackageStore(target, create: true).WriteLayers(new[] { read });

        Assert.Equal("源", new GeoPackageStore(target, create: false).ReadLayer("streets").Features[0].Values[1]);
    }

    /// <summary>
    /// <see cref="Segments"/>(30, 5) read from a GeoPackage and marked as its copy, after which the source's row 1 is
    /// renamed 源 (its geometry unchanged): a copy has the new name, features written from the layer the old one.
    /// </summary>
    private static FeatureLayer ReadBeforeItsSourceChanged(TempFolder folder)
    {
        var source = folder.File("source.gpkg");
        new GeoPackageStore(source, create: true).WriteLayers(new[] { Segments(30, 5) });
        var read = new GeoPackageStore(source, create: false).ReadLayer("streets");
        ChangeWithoutRtreeTriggers(source, "streets", "UPDATE streets SET name = '源' WHERE fid = 1");
        read.CopyOf = new LayerCopy(source, "streets");
        return read;
    }

    [Fact]
    public void WriteLayers_copySourceWithoutAnRtree_copiesTheRowsAndIndexesEveryOne()
    {
        // The rows are copied, but the source has no R-tree to copy: the new one is built from each row's extent.
        using var folder = new TempFolder();
        var source = folder.File("source.gpkg");
        new GeoPackageStore(source, create: true).WriteLayers(new[] { Segments(40, 6) });
        var read = new GeoPackageStore(source, create: false).ReadLayer("streets");
        ChangeWithoutRtreeTriggers(source, "streets", "UPDATE streets SET name = '源' WHERE fid = 1; " +
            "DROP TABLE rtree_streets_geom; DELETE FROM gpkg_extensions WHERE table_name = 'streets'");
        read.CopyOf = new LayerCopy(source, "streets");
        var target = folder.File("copied.gpkg");
        new GeoPackageStore(target, create: true).WriteLayers(new[] { read });

        Assert.Equal("源", new GeoPackageStore(target, create: false).ReadLayer("streets").Features[0].Values[1]);
        using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
        connection.Open();
        for (int i = 0; i < read.Features.Count; i++)
        {
            var extent = read.Features[i].Geometry.EnvelopeInternal;
            var found = RtreeWindow.Ids(connection, "rtree_streets_geom", extent);
            Assert.Contains(i + 1L, found);
        }
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT rtreecheck('rtree_streets_geom'), (SELECT count(*) FROM rtree_streets_geom)";
        using var reader = check.ExecuteReader();
        reader.Read();
        Assert.Equal("ok", reader.GetString(0));
        Assert.Equal(40, reader.GetInt64(1));
    }

    [Fact]
    public void WriteLayers_copySourceThatDoesNotMatch_writesTheFeaturesInstead()
    {
        using var folder = new TempFolder();
        var source = folder.File("source.gpkg");
        new GeoPackageStore(source, create: true).WriteLayers(new[] { Segments(50, 3) });
        var notAGeoPackage = folder.File("notes.txt");
        File.WriteAllText(notAGeoPackage, "not sqlite");

        // A different row count, a file that is not SQLite, a missing file: each falls back to the features.
        foreach (var copy in new[] { new LayerCopy(source, "streets"), new LayerCopy(notAGeoPackage, "streets"), new LayerCopy(folder.File("none.gpkg"), "streets") })
        {
            var layer = Segments(60, 4);
            layer.CopyOf = copy;
            var target = folder.File($"t{Guid.NewGuid():N}.gpkg");
            new GeoPackageStore(target, create: true).WriteLayers(new[] { layer });
            var back = new GeoPackageStore(target, create: false).ReadLayer("streets");
            Assert.Equal(60, back.Features.Count);
            Assert.Equal(layer.Features[59].Values, back.Features[59].Values);
        }
    }

    [Fact]
    public void Open_missingFileWithoutCreate_saysItDoesNotExist()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<GeoInputException>(() => new GeoPackageStore(folder.File("none.gpkg"), create: false));
        Assert.EndsWith("none.gpkg does not exist", error.Message);
    }

    [Fact]
    public void Open_osmPbfFile_saysItIsNotAGeoPackage()
    {
        using var folder = new TempFolder();
        var path = new TinyPbf().Node(1, 0, 0).WriteTo(folder.File("city.osm.pbf"));
        var error = Assert.Throws<GeoInputException>(() => new GeoPackageStore(path, create: true));
        Assert.StartsWith("city.osm.pbf is not a GeoPackage", error.Message);
    }

    [Fact]
    public void Open_sqliteFileWithoutGeoPackageTables_saysItIsNotAGeoPackage()
    {
        using var folder = new TempFolder();
        var path = folder.File("plain.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (a INTEGER)";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<GeoInputException>(() => new GeoPackageStore(path, create: false));
        Assert.StartsWith("plain.sqlite is not a GeoPackage", error.Message);
    }

    [Fact]
    public void WriteLayers_replacingALayerOfAGdalFile_gdalReportsTheNewCount()
    {
        using var folder = new TempFolder();
        var geojson = folder.File("in.geojson");
        File.WriteAllText(geojson, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104,30]}},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104.1,30]}}]}""");
        var path = folder.File("gdal.gpkg");
        ExternalTool.Run("ogr2ogr", "gdal-bin", "-f", "GPKG", path, geojson, "-nln", "places");

        var replacement = SampleLayer();
        replacement.Features.RemoveAt(1);
        new GeoPackageStore(path, create: false).WriteLayers(new[] { replacement });

        string info = ExternalTool.Run("ogrinfo", "gdal-bin", "-so", "-al", path);
        Assert.Contains("Feature Count: 1", info);
        Assert.Equal("锦江区春熙路街道", new GeoPackageStore(path, create: false).ReadLayer("places").Features[0].Values[2]);
    }

    [Fact]
    public void ReadLayer_gdalFileWithEveryColumnType_mapsTheTypes()
    {
        using var folder = new TempFolder();
        var geojson = folder.File("in.geojson");
        File.WriteAllText(geojson, """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"n":3,"w":1.5,"s":"驿站","b":true},"geometry":{"type":"Polygon","coordinates":[[[104,30],[104.1,30],[104.1,30.1],[104,30]]]}},
              {"type":"Feature","properties":{"n":null,"w":null,"s":null,"b":false},"geometry":{"type":"Polygon","coordinates":[[[104,30],[104.1,30],[104.1,30.1],[104,30]]]}}]}
            """);
        var path = folder.File("gdal.gpkg");
        ExternalTool.Run("ogr2ogr", "gdal-bin", "-f", "GPKG", path, geojson, "-nln", "areas");

        var store = new GeoPackageStore(path, create: false);
        var read = store.ReadLayer("areas");

        Assert.Equal(new[] { "areas" }, store.LayerNames());
        Assert.Equal(new[] { FieldType.Integer, FieldType.Real, FieldType.Text, FieldType.Boolean }, read.Fields.Select(f => f.Type));
        Assert.Equal(new object?[] { 3L, 1.5, "驿站", true }, read.Features[0].Values);
        Assert.Equal(new object?[] { null, null, null, false }, read.Features[1].Values);
        Assert.Equal(GeometryKind.Polygon, read.GeometryKind);
        Assert.Equal(4326, read.Srid);
    }

    [Fact]
    public void ReadLayer_valuesStoredAsAnotherType_areConvertedToTheColumnsType()
    {
        // SQLite keeps what a writer stored where the column's affinity allows: an INTEGER column may hold 2.5, a
        // DATE column (numeric) 20240101, a MEDIUMINT "7" as text that looks like no number.
        using var folder = new TempFolder();
        var path = folder.File("mixed.gpkg");
        var layer = new FeatureLayer("places", GeometryKind.Point, new[]
        {
            new FieldDefinition("n", FieldType.Integer), new FieldDefinition("w", FieldType.Real), new FieldDefinition("b", FieldType.Boolean),
        });
        layer.Add(Factory.CreatePoint(new Coordinate(104, 30)), 1L, 1.0, true);
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });
        // No geometry changes here.
        ChangeWithoutRtreeTriggers(path, "places", "ALTER TABLE places ADD COLUMN d DATE; ALTER TABLE places ADD COLUMN label TEXT; " +
            "UPDATE places SET n = 2.5, w = 3, b = 0, d = 20240101, label = 'x'");

        var read = new GeoPackageStore(path, create: false).ReadLayer("places");

        Assert.Equal(new[] { FieldType.Integer, FieldType.Real, FieldType.Boolean, FieldType.Text, FieldType.Text }, read.Fields.Select(f => f.Type));
        Assert.Equal(new object?[] { 2L, 3.0, false, "20240101", "x" }, read.Features[0].Values);
    }

    [Theory]
    [InlineData("NULL", "missing geometry")]
    [InlineData("'POINT (104 30)'", "geometry stored as a value, not a GeoPackage blob")]
    [InlineData("x'4750'", "")]
    public void ReadLayer_secondFeatureWithoutAWholeBlob_fails(string geometry, string says)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.gpkg");
        var layer = new FeatureLayer("places", GeometryKind.Point, Array.Empty<FieldDefinition>());
        layer.Add(Factory.CreatePoint(new Coordinate(104, 30)));
        layer.Add(Factory.CreatePoint(new Coordinate(104.1, 30)));
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });
        ChangeWithoutRtreeTriggers(path, "places", $"UPDATE places SET geom = {geometry} WHERE fid = 2");

        var read = () => new GeoPackageStore(path, create: false).ReadLayer("places");

        // A cut blob fails in the decoder, whose own message is turned into one line by the command runner.
        if (says.Length == 0) Assert.ThrowsAny<Exception>(read);
        else Assert.Equal($"layer 'places' feature 2: {says}", Assert.Throws<GeoInputException>(read).Message);
    }

    /// <summary>
    /// Runs SQL on a table after dropping its GeoPackage R-tree triggers, which call spatial SQL functions plain SQLite
    /// lacks: for changes that leave every geometry as it is.
    /// </summary>
    private static void ChangeWithoutRtreeTriggers(string path, string table, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var triggers = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @t";
            list.Parameters.AddWithValue("@t", table);
            using var reader = list.ExecuteReader();
            while (reader.Read()) triggers.Add(reader.GetString(0));
        }
        using var change = connection.CreateCommand();
        change.CommandText = string.Concat(triggers.Select(t => $"DROP TRIGGER \"{t}\"; ")) + sql;
        change.ExecuteNonQuery();
    }

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon(new[]
    {
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y),
    });
}
