using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

/// <summary>
/// The GeoPackage's R-tree, written as a packed tree: SQLite's own check passes, window queries find exactly the
/// features a scan of their envelopes finds, SQLite can go on inserting and deleting in it, and GDAL filters with it.
/// Coordinates are multiples of 1/64, exact as 32-bit floats, so the scan and the index agree to the last bit.
/// </summary>
public sealed class PackedRtreeTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    [Theory]
    [InlineData(1)]
    [InlineData(51)]
    [InlineData(52)]
    [InlineData(700)]
    [InlineData(2700)]
    public void WrittenLayer_rtreePassesSqlitesCheckAndAnswersWindowsLikeAScan(int features)
    {
        using var folder = new TempFolder();
        string path = folder.File("lines.gpkg");
        var random = new Random(features);
        var layer = RandomLines(random, features);
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        using var connection = Open(path);
        Assert.Equal("ok", Scalar(connection, "SELECT rtreecheck('rtree_lines_geom')"));
        Assert.Equal((long)features, Scalar(connection, "SELECT count(*) FROM rtree_lines_geom"));
        for (int q = 0; q < 40; q++)
        {
            var window = new Envelope(Grid(random), Grid(random), Grid(random) / 2, Grid(random) / 2);
            Assert.Equal(Scan(layer, window), RtreeWindow.Ids(connection, "rtree_lines_geom", window));
        }
    }

    [Fact]
    public void PackedRtree_takesFurtherInsertsAndDeletesBySqlite()
    {
        using var folder = new TempFolder();
        string path = folder.File("lines.gpkg");
        var random = new Random(9);
        var layer = RandomLines(random, 3000);
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        using var connection = Open(path);
        Execute(connection, "DELETE FROM rtree_lines_geom WHERE id % 3 = 0");
        for (int i = 0; i < 500; i++)
        {
            double x = Grid(random), y = Grid(random) / 2;
            Execute(connection, FormattableString.Invariant($"INSERT INTO rtree_lines_geom VALUES ({10_000 + i}, {x}, {x + 0.5}, {y}, {y + 0.25})"));
        }

        Assert.Equal("ok", Scalar(connection, "SELECT rtreecheck('rtree_lines_geom')"));
        Assert.Equal(2000L + 500, Scalar(connection, "SELECT count(*) FROM rtree_lines_geom"));
        var window = new Envelope(-20, 20, -10, 10);
        var kept = Scan(layer, window).Where(id => id % 3 != 0).ToList();
        Assert.True(kept.All(RtreeWindow.Ids(connection, "rtree_lines_geom", window).Contains));
    }

    [Fact]
    public void Gdal_spatialFilter_usesThePackedIndex()
    {
        using var folder = new TempFolder();
        string path = folder.File("points.gpkg");
        var random = new Random(4);
        // Points: GDAL tests each candidate's geometry as well, which for a point is its envelope.
        var layer = new FeatureLayer("points", GeometryKind.Point, Array.Empty<FieldDefinition>());
        for (int i = 0; i < 1500; i++) layer.Add(Factory.CreatePoint(new Coordinate(Grid(random), Grid(random) / 2)));
        new GeoPackageStore(path, create: true).WriteLayers(new[] { layer });

        var window = new Envelope(-30, 10, -20, 25);
        string info = ExternalTool.Run("ogrinfo", "gdal-bin", "-so", "-al", "-spat", "-30", "-20", "10", "25", path);

        Assert.Contains($"Feature Count: {Scan(layer, window).Count}", info);
    }

    [Fact]
    public void CopiedLayer_takesTheSourcesRtreeAsItIs()
    {
        using var folder = new TempFolder();
        string source = folder.File("source.gpkg");
        var random = new Random(21);
        var layer = RandomLines(random, 2500);
        new GeoPackageStore(source, create: true).WriteLayers(new[] { layer });
        // The source's tree rebuilt by SQLite's own inserts, in random order: unlike any packed tree.
        using (var connection = Open(source))
        {
            Execute(connection, "DELETE FROM rtree_lines_geom");
            foreach (int i in Enumerable.Range(0, layer.Features.Count).OrderBy(_ => random.Next()))
            {
                var e = layer.Features[i].Geometry.EnvelopeInternal;
                Execute(connection, FormattableString.Invariant($"INSERT INTO rtree_lines_geom VALUES ({i + 1}, {e.MinX}, {e.MaxX}, {e.MinY}, {e.MaxY})"));
            }
        }

        var read = new GeoPackageStore(source, create: false).ReadLayer("lines");
        read.CopyOf = new LayerCopy(source, "lines");
        string target = folder.File("target.gpkg");
        new GeoPackageStore(target, create: true).WriteLayers(new[] { read });

        using var copied = Open(target);
        using var original = Open(source);
        Assert.Equal("ok", Scalar(copied, "SELECT rtreecheck('rtree_lines_geom')"));
        Assert.Equal(Nodes(original), Nodes(copied));
        for (int q = 0; q < 40; q++)
        {
            var window = new Envelope(Grid(random), Grid(random), Grid(random) / 2, Grid(random) / 2);
            Assert.Equal(Scan(layer, window), RtreeWindow.Ids(copied, "rtree_lines_geom", window));
        }
    }

    [Fact]
    public void CopiedLayer_sourceWithMissingFids_getsAFreshTreeOfItsNewFids()
    {
        using var folder = new TempFolder();
        string source = folder.File("source.gpkg");
        var random = new Random(22);
        new GeoPackageStore(source, create: true).WriteLayers(new[] { RandomLines(random, 1200) });
        using (var connection = Open(source)) Execute(connection, "DELETE FROM lines WHERE fid % 7 = 0");

        var read = new GeoPackageStore(source, create: false).ReadLayer("lines");
        read.CopyOf = new LayerCopy(source, "lines");
        string target = folder.File("target.gpkg");
        new GeoPackageStore(target, create: true).WriteLayers(new[] { read });

        using var copied = Open(target);
        Assert.Equal("ok", Scalar(copied, "SELECT rtreecheck('rtree_lines_geom')"));
        Assert.Equal((long)read.Features.Count, Scalar(copied, "SELECT count(*) FROM rtree_lines_geom"));
        for (int q = 0; q < 40; q++)
        {
            var window = new Envelope(Grid(random), Grid(random), Grid(random) / 2, Grid(random) / 2);
            Assert.Equal(Scan(read, window), RtreeWindow.Ids(copied, "rtree_lines_geom", window));
        }
    }

    private static List<(long Node, string Data)> Nodes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nodeno, hex(data) FROM rtree_lines_geom_node ORDER BY nodeno";
        using var reader = command.ExecuteReader();
        var nodes = new List<(long, string)>();
        while (reader.Read()) nodes.Add((reader.GetInt64(0), reader.GetString(1)));
        return nodes;
    }

    private static FeatureLayer RandomLines(Random random, int count)
    {
        var layer = new FeatureLayer("lines", GeometryKind.LineString, new[] { new FieldDefinition("n", FieldType.Integer) });
        for (int i = 0; i < count; i++)
        {
            double x = Grid(random), y = Grid(random) / 2;
            var end = new Coordinate(x + random.Next(0, 64) / 64.0, y + random.Next(0, 64) / 64.0);
            layer.Add(Factory.CreateLineString(new[] { new Coordinate(x, y), end }), (long)i);
        }
        return layer;
    }

    private static double Grid(Random random) => random.Next(-170 * 64, 170 * 64) / 64.0;

    private static List<long> Scan(FeatureLayer layer, Envelope window) =>
        Enumerable.Range(0, layer.Features.Count).Where(i => layer.Features[i].Geometry.EnvelopeInternal.Intersects(window)).Select(i => i + 1L).ToList();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
