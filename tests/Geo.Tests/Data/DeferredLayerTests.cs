using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

/// <summary>Layers whose rows are made from the caller's data as a writer asks for them.</summary>
public class DeferredLayerTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly FieldDefinition[] Fields =
    {
        new("n", FieldType.Integer), new("name", FieldType.Text), new("oneway", FieldType.Boolean), new("maxspeed", FieldType.Real),
    };

    private static (LineString Line, object?[] Values)[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            double x = 104 + random.NextDouble() * 0.1, y = 30.6 + random.NextDouble() * 0.1;
            var line = Factory.CreateLineString(new[] { new Coordinate(x, y), new Coordinate(x + 0.001, y + random.NextDouble() * 0.001), new Coordinate(x + 0.002, y) });
            return (line, new object?[] { (long)i, i % 3 == 0 ? null : $"路{i}", i % 2 == 0, i % 5 == 0 ? null : 30.0 + i });
        }).ToArray();
    }

    private static FeatureLayer Eager((LineString Line, object?[] Values)[] rows)
    {
        var layer = new FeatureLayer("streets", GeometryKind.LineString, Fields);
        foreach (var (line, values) in rows) layer.Add(line, values);
        return layer;
    }

    private static FeatureLayer Deferred((LineString Line, object?[] Values)[] rows, Action? onRow = null) =>
        new("streets", GeometryKind.LineString, Fields, new DeferredRows(rows.Length, i => rows[i].Line, i =>
        {
            onRow?.Invoke();
            return (object?[])rows[i].Values.Clone();
        }));

    private static List<string> TableRows(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(c => reader.IsDBNull(c) ? "null"
                : reader.GetValue(c) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    [Fact]
    public void WriteLayers_deferredRows_writeTheSameTableAndIndexAsTheRowsHeldInMemory()
    {
        using var folder = new TempFolder();
        // More rows than one encoding batch, so the rows are made batch by batch.
        var rows = Rows(20_000, 7);
        string eager = folder.File("eager.gpkg"), deferred = folder.File("deferred.gpkg");
        new GeoPackageStore(eager, create: true).WriteLayers(new[] { Eager(rows) });
        int made = 0;
        var layer = Deferred(rows, () => Interlocked.Increment(ref made));
        new GeoPackageStore(deferred, create: true).WriteLayers(new[] { layer });

        Assert.Equal(rows.Length, made);
        foreach (var sql in new[]
        {
            "SELECT * FROM streets ORDER BY fid",
            "SELECT * FROM rtree_streets_geom ORDER BY id",
            "SELECT table_name, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents",
        })
        {
            Assert.Equal(TableRows(eager, sql), TableRows(deferred, sql));
        }
    }

    [Fact]
    public void WriteLayers_deferredRowsWithAMatchingCopySource_makeNoRow()
    {
        using var folder = new TempFolder();
        var rows = Rows(300, 3);
        string source = folder.File("source.gpkg"), target = folder.File("target.gpkg");
        new GeoPackageStore(source, create: true).WriteLayers(new[] { Eager(rows) });
        int made = 0;
        var layer = Deferred(rows, () => Interlocked.Increment(ref made));
        layer.CopyOf = new LayerCopy(source, "streets");

        new GeoPackageStore(target, create: true).WriteLayers(new[] { layer });

        Assert.Equal(0, made);
        Assert.Equal(TableRows(source, "SELECT * FROM streets ORDER BY fid"), TableRows(target, "SELECT * FROM streets ORDER BY fid"));
        Assert.Equal(TableRows(source, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"), TableRows(target, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"));
    }

    [Fact]
    public void WriteLayers_deferredRowsWhoseCopySourceDoesNotMatch_writeTheRowsInstead()
    {
        using var folder = new TempFolder();
        string source = folder.File("source.gpkg"), target = folder.File("target.gpkg");
        new GeoPackageStore(source, create: true).WriteLayers(new[] { Eager(Rows(50, 3)) });
        var rows = Rows(60, 4);
        var layer = Deferred(rows);
        layer.CopyOf = new LayerCopy(source, "streets");

        new GeoPackageStore(target, create: true).WriteLayers(new[] { layer });

        var back = new GeoPackageStore(target, create: false).ReadLayer("streets");
        Assert.Equal(60, back.Features.Count);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Values, back.Features[i].Values);
            Assert.True(rows[i].Line.EqualsExact(back.Features[i].Geometry), $"row {i + 1}");
        }
    }

    [Fact]
    public void Features_ofADeferredLayer_areItsRowsInOrder_andNoRowCanBeAdded()
    {
        var rows = Rows(25, 5);
        var layer = Deferred(rows);

        Assert.Equal(25, layer.Count);
        Assert.Same(rows[7].Line, layer.GeometryAt(7));
        Assert.Equal(rows.Select(r => r.Values), layer.Features.Select(f => f.Values));
        Assert.Equal(rows.Select(r => r.Line), layer.Features.Select(f => f.Geometry));
        Assert.Throws<InvalidOperationException>(() => layer.Add(rows[0].Line, rows[0].Values));
    }
}
