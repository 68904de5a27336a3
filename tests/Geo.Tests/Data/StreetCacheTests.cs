using Geo.Data.Cache;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Geo.Tests.Data;

public class StreetCacheTests
{
    private static readonly string?[] Names = { null, "人民南路", "Renmin Road", "", "一环路南三段" };
    private static readonly string[] Classes = { "primary", "residential", "footway", "service" };

    /// <summary>Streets with every kind of value: no name, names shared and not, no speed, one-ways, every access, 2 to 12 points.</summary>
    private static StreetDataset RandomStreets(int seed, int count)
    {
        var random = new Random(seed);
        var streets = new List<StreetSegment>();
        for (int i = 0; i < count; i++)
        {
            int points = random.Next(2, 13);
            var coords = new Coordinate[points];
            double lon = 104 + random.NextDouble() * 0.2, lat = 30.5 + random.NextDouble() * 0.2;
            for (int k = 0; k < points; k++) coords[k] = new Coordinate(lon + k * 1e-4 * random.NextDouble(), lat + k * 1e-4 * random.NextDouble());
            var access = (StreetAccess)random.Next(0, 8);
            double? speed = random.Next(3) == 0 ? null : random.Next(5, 121) + random.NextDouble();
            streets.Add(new StreetSegment(random.NextInt64(-5, long.MaxValue), random.NextInt64(), random.NextInt64(), Classes[random.Next(Classes.Length)],
                random.Next(4) == 0 ? $"街{random.Next(100000)}" : Names[random.Next(Names.Length)], random.Next(2) == 0, speed, access,
                new LineString(coords) { SRID = 4326 }));
        }
        var extent = new Envelope();
        foreach (var s in streets) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        return new StreetDataset { Metadata = new DatasetMetadata("test", "", extent, DateTimeOffset.UnixEpoch), Streets = streets };
    }

    private static string Write(TempFolder folder, string name, StreetDataset dataset)
    {
        string path = folder.File(name);
        new GeoPackageStore(path, create: true).WriteLayers(DatasetLayers.ToLayers(dataset));
        return path;
    }

    private static IReadOnlyList<StreetSegment> FromGeoPackage(string path) =>
        DatasetLayers.ReadStreets(new GeoPackageStore(path, create: false).ReadLayer(DatasetLayers.Streets));

    /// <summary>Reads through the cache, counting how often the GeoPackage itself had to be read.</summary>
    private sealed class Reads(string path, string? cacheFolder, int smallest = 0)
    {
        public int FromFile { get; private set; }

        public IReadOnlyList<StreetSegment> Streets() => StreetCache.Streets(path, cacheFolder, smallest, () =>
        {
            FromFile++;
            return FromGeoPackage(path);
        });
    }

    private static void AssertSame(IReadOnlyList<StreetSegment> expected, IReadOnlyList<StreetSegment> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.WayId, e.FromNodeId, e.ToNodeId, e.Highway, e.Name, e.Oneway, e.MaxSpeedKmh, e.Access),
                (a.WayId, a.FromNodeId, a.ToNodeId, a.Highway, a.Name, a.Oneway, a.MaxSpeedKmh, a.Access));
            Assert.Equal(e.Geometry.SRID, a.Geometry.SRID);
            Assert.Equal(e.Geometry.Factory.PrecisionModel, a.Geometry.Factory.PrecisionModel);
            SameBits.Sequence(e.Geometry.CoordinateSequence, a.Geometry.CoordinateSequence);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 700)]
    [InlineData(3, 3000)]
    public void Cached_streets_are_the_GeoPackage_s_value_for_value_and_bit_for_bit(int seed, int count)
    {
        using var folder = new TempFolder();
        string path = Write(folder, "city.gpkg", RandomStreets(seed, count));
        var reads = new Reads(path, folder.File("cache"));

        var cold = reads.Streets();
        var warm = reads.Streets();

        Assert.Equal(1, reads.FromFile);
        Assert.Single(Directory.GetFiles(folder.File("cache"), "streets-*.bin"));
        var expected = FromGeoPackage(path);
        AssertSame(expected, cold);
        AssertSame(expected, warm);
        // Texts come back shared, as the GeoPackage reader shares them.
        var named = warm.Where(s => s.Name == "人民南路").ToList();
        Assert.All(named, s => Assert.Same(named[0].Name, s.Name));
    }

    [Fact]
    public void Any_change_to_the_GeoPackage_is_read_afresh()
    {
        using var folder = new TempFolder();
        var dataset = RandomStreets(4, 500);
        string path = Write(folder, "city.gpkg", dataset);
        var reads = new Reads(path, folder.File("cache"));
        reads.Streets();

        // The same streets but one class, written again: another file.
        var changed = dataset.Streets.Select((s, i) => i == 250 ? s with { Highway = "trunk" } : s).ToList();
        File.Delete(path);
        Write(folder, "city.gpkg", new StreetDataset { Metadata = dataset.Metadata, Streets = changed });
        var after = reads.Streets();

        Assert.Equal(2, reads.FromFile);
        Assert.Equal("trunk", after[250].Highway);
        AssertSame(FromGeoPackage(path), after);
        Assert.Equal(2, Directory.GetFiles(folder.File("cache"), "streets-*.bin").Length);
    }

    [Fact]
    public void A_damaged_cache_file_is_read_from_the_GeoPackage_and_replaced()
    {
        using var folder = new TempFolder();
        string path = Write(folder, "city.gpkg", RandomStreets(5, 400));
        var reads = new Reads(path, folder.File("cache"));
        var expected = reads.Streets();
        string file = Directory.GetFiles(folder.File("cache"), "streets-*.bin").Single();
        var good = File.ReadAllBytes(file);
        var random = new Random(5);
        var damages = new List<Func<byte[], byte[]>>
        {
            b => b[..^1],
            b => b[..(b.Length / 2)],
            b => b.Append((byte)0).ToArray(),
            b => Array.Empty<byte>(),
        };
        // A changed bit in the header, the texts, the arrays, the points and the checksum.
        foreach (int at in new[] { 0, 9, 13, 20, 30, 60, good.Length / 3, good.Length / 2, good.Length - 40, good.Length - 1 }.Concat(Enumerable.Range(0, 20).Select(_ => random.Next(good.Length))))
        {
            int bit = random.Next(8);
            damages.Add(b => { var copy = (byte[])b.Clone(); copy[at] ^= (byte)(1 << bit); return copy; });
        }
        foreach (var damage in damages)
        {
            File.WriteAllBytes(file, damage(good));
            int before = reads.FromFile;
            AssertSame(expected, reads.Streets());
            Assert.Equal(before + 1, reads.FromFile);
            // Written again whole: the next read takes it.
            AssertSame(expected, reads.Streets());
            Assert.Equal(before + 1, reads.FromFile);
        }
    }

    [Fact]
    public void A_GeoPackage_changed_while_it_is_read_is_not_cached()
    {
        using var folder = new TempFolder();
        string path = Write(folder, "city.gpkg", RandomStreets(9, 300));
        string other = Write(folder, "other.gpkg", RandomStreets(10, 300));
        string cache = folder.File("cache");
        var expected = FromGeoPackage(path);

        var streets = StreetCache.Streets(path, cache, 0, () =>
        {
            var read = FromGeoPackage(path);
            File.Copy(other, path, overwrite: true);
            return read;
        });

        AssertSame(expected, streets);
        Assert.False(Directory.Exists(cache) && Directory.GetFiles(cache, "streets-*.bin").Length > 0);
    }

    [Fact]
    public void Without_a_usable_folder_the_GeoPackage_is_read_every_time()
    {
        using var folder = new TempFolder();
        string path = Write(folder, "city.gpkg", RandomStreets(6, 300));
        var expected = FromGeoPackage(path);
        File.WriteAllText(folder.File("not-a-folder"), "a file where the cache folder would be");
        foreach (var reads in new[] { new Reads(path, folder.File("not-a-folder")), new Reads(path, null) })
        {
            AssertSame(expected, reads.Streets());
            AssertSame(expected, reads.Streets());
            Assert.Equal(2, reads.FromFile);
        }
    }

    [Fact]
    public void Small_datasets_and_files_with_a_log_or_journal_beside_them_are_not_cached()
    {
        using var folder = new TempFolder();
        string path = Write(folder, "city.gpkg", RandomStreets(7, 300));
        var small = new Reads(path, folder.File("cache"), smallest: 301);
        small.Streets();
        small.Streets();
        Assert.Equal(2, small.FromFile);
        Assert.False(Directory.Exists(folder.File("cache")) && Directory.GetFiles(folder.File("cache")).Length > 0);

        // An empty journal is not one SQLite rolls back, but its presence is enough to keep the cache out.
        foreach (var (beside, bytes) in new[] { ("-wal", new byte[] { 1 }), ("-journal", Array.Empty<byte>()) })
        {
            File.WriteAllBytes(path + beside, bytes);
            var logged = new Reads(path, folder.File("cache"));
            logged.Streets();
            logged.Streets();
            Assert.Equal(2, logged.FromFile);
            File.Delete(path + beside);
        }
    }

    [Fact]
    public void Only_the_most_recently_used_files_are_kept()
    {
        using var folder = new TempFolder();
        string cache = folder.File("cache");
        // Files of the same pattern that Geo did not name, older than every cache file: never pruned.
        Directory.CreateDirectory(cache);
        var others = new[] { "streets-2024.bin", "streets-v1-mine.bin", "streets-v1-0123456789abcdef0123456789abcdef.bin.bak" };
        foreach (var name in others)
        {
            File.WriteAllText(Path.Combine(cache, name), "not Geo's");
            File.SetLastWriteTimeUtc(Path.Combine(cache, name), DateTime.UtcNow.AddDays(-30));
        }
        for (int i = 0; i < CacheFolder.FilesKept + 3; i++)
        {
            string path = Write(folder, $"city{i}.gpkg", RandomStreets(100 + i, 50));
            new Reads(path, cache).Streets();
        }
        Assert.Equal(CacheFolder.FilesKept, Directory.GetFiles(cache, "streets-v1-*.bin").Count(f => Path.GetFileName(f).Length == "streets-v1-".Length + 32 + ".bin".Length));
        Assert.All(others, name => Assert.Equal("not Geo's", File.ReadAllText(Path.Combine(cache, name))));
        Assert.Empty(Directory.GetFiles(cache, "*.partial"));
    }

    [Fact]
    public void A_dataset_read_through_its_store_has_the_GeoPackage_s_streets()
    {
        using var folder = new TempFolder();
        var dataset = RandomStreets(8, 200);
        string path = Write(folder, "city.gpkg", dataset);
        var direct = FromGeoPackage(path);
        var read = DatasetLayers.Read(new GeoPackageStore(path, create: false));
        AssertSame(direct, read.Streets);
        Assert.IsType<PackedDoubleCoordinateSequence>(read.Streets[0].Geometry.CoordinateSequence);
    }
}
