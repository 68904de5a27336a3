using Geo.Data.GeoPackage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO;
using Xunit;

namespace Geo.Tests.Data;

/// <summary>
/// Geo's GeoPackage blob decoding and encoding checked against NetTopologySuite's reader and writer, on random
/// geometries of every kind, in both byte orders, with and without the header's envelope, and with Z values,
/// collections and empty geometries, which go to NetTopologySuite's reader and writer.
/// </summary>
public sealed class GeoPackageBlobTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_randomGeometries_equalsNetTopologySuitesReading(int seed)
    {
        var random = new Random(seed);
        var ours = new GeoPackageBlobReader(4326);
        var theirs = new GeoPackageGeoReader { HandleOrdinates = Ordinates.XYZM };
        for (int i = 0; i < 300; i++)
        {
            var geometry = RandomGeometry(random);
            foreach (var (blob, plain) in Blobs(geometry, random))
            {
                int direct = ours.ReadDirectly;
                var read = ours.Read(blob);
                var expected = theirs.Read(blob);

                Assert.Equal(expected.GeometryType, read.GeometryType);
                Assert.True(expected.EqualsExact(read), $"{geometry.GeometryType} {i}: {read} instead of {expected}");
                Assert.Equal(4326, read.SRID);
                Assert.Equal(expected.Coordinates.Select(c => c.Z), read.Coordinates.Select(c => c.Z));
                Assert.Equal(plain, ours.ReadDirectly == direct + 1);
                // Lines, most of a dataset, are held as one x, y array each.
                if (plain && read is LineString line) Assert.IsType<NetTopologySuite.Geometries.Implementation.PackedDoubleCoordinateSequence>(line.CoordinateSequence);
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Write_randomGeometries_isByteForByteNetTopologySuitesBlob(int seed)
    {
        var random = new Random(seed);
        var ours = new GeoPackageBlobWriter();
        for (int i = 0; i < 300; i++)
        {
            var geometry = RandomGeometry(random);
            if (random.Next(3) == 0) geometry = WithZ(geometry);

            var (offset, length) = ours.Append(geometry);
            Assert.Equal(Writer(Ordinates.XY).Write(geometry), ours.Appended.Slice(offset, length).ToArray());
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void Append_manyGeometriesIntoOneBuffer_eachIsByteForByteNetTopologySuitesBlob(int seed)
    {
        var random = new Random(seed);
        var ours = new GeoPackageBlobWriter();
        // Packed x/y sequences (copied to the blob as they lie), packed x/y/z and x/y/m ones, and coordinate arrays.
        var factories = new[]
        {
            Factory,
            new GeometryFactory(new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DoubleFactory),
            new GeometryFactory(new PrecisionModel(), 4326, new PackedCoordinateSequenceFactory(PackedCoordinateSequenceFactory.PackedType.Double)),
        };
        for (int round = 0; round < 3; round++)
        {
            ours.ClearAppended();
            var expected = new List<byte[]>();
            var placed = new List<(int Offset, int Length)>();
            for (int i = 0; i < 200; i++)
            {
                var geometry = factories[random.Next(factories.Length)].CreateGeometry(RandomGeometry(random));
                if (random.Next(4) == 0) geometry = WithZ(geometry);
                if (random.Next(8) == 0) geometry = WithM(geometry);
                expected.Add(Writer(Ordinates.XY).Write(geometry));
                placed.Add(ours.Append(geometry));
                // The first blobs stay as they were while the buffer grows behind them.
                Assert.Equal(expected[0], ours.Appended.Slice(placed[0].Offset, placed[0].Length).ToArray());
            }
            for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], ours.Appended.Slice(placed[i].Offset, placed[i].Length).ToArray());
            Assert.Equal(expected.Sum(b => b.Length), ours.Appended.Length);
        }
    }

    [Fact]
    public void Read_damagedBlob_failsLikeNetTopologySuite()
    {
        var blob = Writer(Ordinates.XY).Write(Factory.CreateLineString(new[] { new Coordinate(1, 2), new Coordinate(3, 4) }));

        var cut = blob[..^8];

        Assert.ThrowsAny<Exception>(() => new GeoPackageBlobReader(4326).Read(cut));
    }

    /// <summary>
    /// The geometry's blobs, each with whether it is one Geo reads itself: not flagged empty, and well-known binary of a
    /// two-dimensional point, line, polygon or multi form.
    /// </summary>
    private static IEnumerable<(byte[] Blob, bool Plain)> Blobs(Geometry geometry, Random random)
    {
        var plain = Writer(Ordinates.XY).Write(geometry);
        // The header's envelope left out, as some writers do, and the other byte order.
        var blobs = new List<byte[]> { plain, StripEnvelope(plain), BigEndianWkb(geometry) };
        if (random.Next(3) == 0) blobs.Add(Writer(Ordinates.XYZ).Write(WithZ(geometry)));
        foreach (var blob in blobs)
        {
            int start = 8 + ((blob[3] >> 1) & 0b111) switch { 0 => 0, 1 => 32, 2 or 3 => 48, _ => 64 };
            var type = blob.AsSpan(start + 1, 4);
            uint code = blob[start] == 1 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(type) : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(type);
            yield return (blob, (blob[3] & 0b1_0000) == 0 && code is >= 1 and <= 6);
        }
    }

    private static GeoPackageGeoWriter Writer(Ordinates ordinates) => new() { HandleOrdinates = ordinates };

    /// <summary>The blob with no envelope in its header (flags bits 1–3 cleared).</summary>
    private static byte[] StripEnvelope(byte[] blob)
    {
        int envelope = (blob[3] >> 1) & 0b111;
        int size = envelope switch { 0 => 0, 1 => 32, 2 or 3 => 48, _ => 64 };
        var stripped = new byte[blob.Length - size];
        Array.Copy(blob, 0, stripped, 0, 8);
        stripped[3] = (byte)(blob[3] & ~0b1110);
        Array.Copy(blob, 8 + size, stripped, 8, blob.Length - 8 - size);
        return stripped;
    }

    /// <summary>A header with no envelope and the geometry in big-endian well-known binary.</summary>
    private static byte[] BigEndianWkb(Geometry geometry)
    {
        var wkb = new WKBWriter(ByteOrder.BigEndian, handleSRID: false, emitZ: false, emitM: false).Write(geometry);
        var blob = new byte[8 + wkb.Length];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[3] = 1;
        BitConverter.GetBytes(4326).CopyTo(blob, 4);
        wkb.CopyTo(blob, 8);
        return blob;
    }

    private static Geometry WithZ(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ZFiller());
        return copy;
    }

    /// <summary>The geometry with a measure beside x and y (dropped by an x/y blob).</summary>
    private static Geometry WithM(Geometry geometry)
    {
        var factory = new GeometryFactory(new PrecisionModel(), geometry.SRID, new PackedCoordinateSequenceFactory(PackedCoordinateSequenceFactory.PackedType.Double));
        var editor = new NetTopologySuite.Geometries.Utilities.GeometryEditor(factory);
        return editor.Edit(geometry, new NetTopologySuite.Geometries.Utilities.GeometryEditor.CoordinateSequenceOperation((sequence, _) =>
        {
            var measured = factory.CoordinateSequenceFactory.Create(sequence.Count, 3, 1);
            for (int i = 0; i < sequence.Count; i++)
            {
                measured.SetX(i, sequence.GetX(i));
                measured.SetY(i, sequence.GetY(i));
                measured.SetM(i, i + 0.25);
            }
            return measured;
        }));
    }

    private sealed class ZFiller : IEntireCoordinateSequenceFilter
    {
        public void Filter(CoordinateSequence sequence)
        {
            if (!sequence.HasZ) return;
            for (int i = 0; i < sequence.Count; i++) sequence.SetZ(i, i * 1.5);
        }

        public bool Done => false;

        public bool GeometryChanged => true;
    }

    private static Geometry RandomGeometry(Random random)
    {
        Coordinate Point() => new(104 + random.NextDouble(), 30 + random.NextDouble());
        LineString Line() => Factory.CreateLineString(Enumerable.Range(0, random.Next(2, 8)).Select(_ => Point()).ToArray());
        Polygon Polygon()
        {
            var shell = Ring(104 + random.NextDouble(), 30 + random.NextDouble(), 0.1);
            var holes = random.Next(2) == 0 ? Array.Empty<LinearRing>() : new[] { Ring(shell.Coordinates[0].X + 0.02, shell.Coordinates[0].Y + 0.02, 0.01) };
            return Factory.CreatePolygon(shell, holes);
        }
        LinearRing Ring(double x, double y, double size) => Factory.CreateLinearRing(new[]
        {
            new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y),
        });
        return random.Next(9) switch
        {
            0 => Factory.CreatePoint(Point()),
            1 => Line(),
            2 => Polygon(),
            3 => Factory.CreateMultiPoint(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Factory.CreatePoint(Point())).ToArray()),
            4 => Factory.CreateMultiLineString(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Line()).ToArray()),
            5 => Factory.CreateMultiPolygon(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Polygon()).ToArray()),
            6 => Factory.CreateGeometryCollection(new Geometry[] { Factory.CreatePoint(Point()), Line() }),
            7 => random.Next(2) == 0 ? Factory.CreateLineString() : Factory.CreatePolygon(),
            _ => Factory.CreateMultiPolygon(),
        };
    }
}
