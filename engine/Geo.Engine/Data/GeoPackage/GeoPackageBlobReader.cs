using System.Buffers.Binary;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Decodes GeoPackage geometry blobs: the standard header, then well-known binary. Two-dimensional points, lines,
/// polygons and their multi forms are read straight from the bytes into the layer's geometry factory; anything else
/// (Z or M values, collections, extended blobs) goes to NetTopologySuite's reader. Its reader builds a geometry
/// services object, two binary readers and a stream for every blob: about 2 KB of garbage per street, which for a
/// city's 600,000 streets costs more in collections than the decoding itself. Not safe to share between threads.
/// </summary>
internal sealed class GeoPackageBlobReader
{
    private readonly GeometryFactory _factory;
    private readonly GeoPackageGeoReader _general = new() { HandleOrdinates = Ordinates.XYZM };
    private byte[] _blob = Array.Empty<byte>();
    private int _at;
    private bool _little;

    /// <param name="srid">The layer's CRS, given to every geometry read.</param>
    public GeoPackageBlobReader(int srid) => _factory = NtsGeometryServices.Instance.CreateGeometryFactory(srid);

    /// <summary>How many blobs were read straight from their bytes rather than by NetTopologySuite's reader.</summary>
    public int ReadDirectly { get; private set; }

    public Geometry Read(byte[] blob)
    {
        if (Plain(blob) is { } wkbStart)
        {
            (_blob, _at) = (blob, wkbStart);
            if (TryGeometry(out var geometry) && _at == blob.Length)
            {
                ReadDirectly++;
                return geometry;
            }
        }
        var general = _general.Read(blob);
        if (general.SRID != _factory.SRID) general.SRID = _factory.SRID;
        return general;
    }

    /// <summary>Where the well-known binary starts, for a standard, non-empty blob; else null.</summary>
    private static int? Plain(byte[] blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P' || blob[2] != 0) return null;
        int flags = blob[3];
        bool extended = (flags & 0b10_0000) != 0, empty = (flags & 0b1_0000) != 0;
        int envelope = (flags >> 1) & 0b111;
        if (extended || empty || envelope > 4) return null;
        int start = 8 + envelope switch { 0 => 0, 1 => 32, 2 or 3 => 48, _ => 64 };
        return start < blob.Length ? start : null;
    }

    private bool TryGeometry(out Geometry geometry)
    {
        geometry = null!;
        if (!TryType(out uint type)) return false;
        switch (type)
        {
            case 1:
                if (!TryCoordinates(1, out var point)) return false;
                // Well-known binary has no empty point but NaN coordinates.
                geometry = double.IsNaN(point[0].X) && double.IsNaN(point[0].Y) ? _factory.CreatePoint() : _factory.CreatePoint(point[0]);
                return true;
            case 2:
                if (!TryCount(out int points) || !TryPacked(points, out var line)) return false;
                geometry = _factory.CreateLineString(line);
                return true;
            case 3:
                if (!TryPolygon(out var polygon)) return false;
                geometry = polygon;
                return true;
            case 4 or 5 or 6:
                if (!TryCount(out int parts)) return false;
                var members = new Geometry[parts];
                for (int i = 0; i < parts; i++)
                {
                    if (!TryGeometry(out members[i]) || members[i].OgcGeometryType != (OgcGeometryType)(type - 3)) return false;
                }
                geometry = type switch
                {
                    4 => _factory.CreateMultiPoint(members.Cast<Point>().ToArray()),
                    5 => _factory.CreateMultiLineString(members.Cast<LineString>().ToArray()),
                    _ => _factory.CreateMultiPolygon(members.Cast<Polygon>().ToArray()),
                };
                return true;
            default:
                return false;
        }
    }

    private bool TryPolygon(out Polygon polygon)
    {
        polygon = null!;
        if (!TryCount(out int rings)) return false;
        if (rings == 0)
        {
            polygon = _factory.CreatePolygon();
            return true;
        }
        var linear = new LinearRing[rings];
        for (int r = 0; r < rings; r++)
        {
            if (!TryCount(out int points) || !TryCoordinates(points, out var ring)) return false;
            if (ring.Length > 0 && (ring.Length < 4 || !ring[0].Equals2D(ring[^1]))) return false;
            linear[r] = _factory.CreateLinearRing(ring);
        }
        polygon = _factory.CreatePolygon(linear[0], linear[1..]);
        return true;
    }

    /// <summary>A geometry's byte order and type; false for Z, M or SRID flags, which the general reader takes.</summary>
    private bool TryType(out uint type)
    {
        type = 0;
        if (_at + 5 > _blob.Length || _blob[_at] > 1) return false;
        _little = _blob[_at] == 1;
        var bytes = _blob.AsSpan(_at + 1, 4);
        type = _little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
        _at += 5;
        return type is >= 1 and <= 6;
    }

    private bool TryCount(out int count)
    {
        count = 0;
        if (_at + 4 > _blob.Length) return false;
        var bytes = _blob.AsSpan(_at, 4);
        uint value = _little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
        _at += 4;
        // Each coordinate or part takes at least 5 bytes: a count beyond what is left is a damaged blob.
        if (value > (uint)(_blob.Length - _at)) return false;
        count = (int)value;
        return true;
    }

    /// <summary>
    /// A line's points as one array of x, y pairs: a city's streets are most of what a dataset holds in memory, and
    /// as coordinate objects they would take three times the space.
    /// </summary>
    private bool TryPacked(int count, out CoordinateSequence sequence)
    {
        sequence = null!;
        if ((long)_at + 16L * count > _blob.Length) return false;
        var values = new double[2 * count];
        var bytes = _blob.AsSpan(_at, 16 * count);
        for (int i = 0; i < values.Length; i++)
        {
            var value = bytes.Slice(8 * i, 8);
            values[i] = _little ? BinaryPrimitives.ReadDoubleLittleEndian(value) : BinaryPrimitives.ReadDoubleBigEndian(value);
        }
        _at += 16 * count;
        sequence = new PackedDoubleCoordinateSequence(values, 2, 0);
        return true;
    }

    private bool TryCoordinates(int count, out Coordinate[] coordinates)
    {
        coordinates = null!;
        if ((long)_at + 16L * count > _blob.Length) return false;
        coordinates = new Coordinate[count];
        for (int i = 0; i < count; i++)
        {
            var x = _blob.AsSpan(_at, 8);
            var y = _blob.AsSpan(_at + 8, 8);
            coordinates[i] = _little
                ? new Coordinate(BinaryPrimitives.ReadDoubleLittleEndian(x), BinaryPrimitives.ReadDoubleLittleEndian(y))
                : new Coordinate(BinaryPrimitives.ReadDoubleBigEndian(x), BinaryPrimitives.ReadDoubleBigEndian(y));
            _at += 16;
        }
        return true;
    }
}
