using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Geo.Coordinates;
using Geo.Data.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Encodes geometries as GeoPackage blobs with x and y only: a little-endian header with the geometry's CRS and
/// its envelope, then little-endian well-known binary, byte for byte what NetTopologySuite's writer produces. Non-empty
/// points, lines, polygons and their multi forms are written straight into the writer's buffer, room for each made
/// first from its size; empty geometries and collections go to NetTopologySuite's writer, which builds a stream and two
/// writers per geometry, and are copied in. Blobs are appended one after another to the buffer, kept from blob to
/// blob. Not safe to share between threads.
/// </summary>
internal sealed class GeoPackageBlobWriter
{
    /// <summary>Magic "GP", version 0, flags: little-endian header, an x/y envelope, not empty.</summary>
    private const byte Flags = 0b0000_0011;

    private const int HeaderBytes = 8 + 32;

    private readonly GeoPackageGeoWriter _general = new() { HandleOrdinates = Ordinates.XY };
    private byte[] _appended = Array.Empty<byte>();
    private int _appendedBytes;
    private int _at;  // where the blob being written has got to in _appended

    /// <summary>Appends the geometry's blob to the writer's buffer; returns where in <see cref="Appended"/> it lies.</summary>
    public (int Offset, int Length) Append(Geometry geometry) => Append(geometry, LayerGeometry.Extent(geometry));

    /// <summary>
    /// <see cref="Append(Geometry)"/> with the geometry's extent already worked out (<see cref="LayerGeometry.Extent"/>):
    /// a line's own envelope would be made and kept on it, and a layer's lines are often the dataset's streets.
    /// </summary>
    public (int Offset, int Length) Append(Geometry geometry, Envelope extent)
    {
        int offset = _appendedBytes;
        if (geometry.IsEmpty || WkbBytes(geometry) is not { } wkb)
        {
            var general = _general.Write(geometry);
            Reserve(general.Length);
            general.CopyTo(_appended, offset);
            _appendedBytes += general.Length;
        }
        else
        {
            Reserve(HeaderBytes + wkb);
            _at = offset;
            Blob(geometry, extent);
            _appendedBytes = _at;
        }
        return (offset, _appendedBytes - offset);
    }

    /// <summary>The blobs appended since the buffer was last cleared, one after another.</summary>
    public ReadOnlySpan<byte> Appended => _appended.AsSpan(0, _appendedBytes);

    /// <summary>Starts the buffer afresh; it keeps its size for the blobs appended next.</summary>
    public void ClearAppended() => _appendedBytes = 0;

    /// <summary>A buffer's first size: under the collector's large-object size, so that a small layer's blobs never make one.</summary>
    private const int SmallestBuffer = 64 << 10;

    private void Reserve(int bytes)
    {
        if (bytes <= _appended.Length - _appendedBytes) return;
        // Every byte is written before it is read: the buffer need not be cleared.
        long size = Math.Max((long)_appendedBytes + bytes, Math.Max(2L * _appended.Length, SmallestBuffer));
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, size));
        Appended.CopyTo(grown);
        _appended = grown;
    }

    private void Blob(Geometry geometry, Envelope e)
    {
        _appended[_at] = (byte)'G';
        _appended[_at + 1] = (byte)'P';
        _appended[_at + 2] = 0;
        _appended[_at + 3] = Flags;
        BinaryPrimitives.WriteInt32LittleEndian(_appended.AsSpan(_at + 4), geometry.SRID);
        _at += 8;
        Double(e.MinX);
        Double(e.MaxX);
        Double(e.MinY);
        Double(e.MaxY);
        Wkb(geometry);
    }

    /// <summary>The size of the geometry's well-known binary, or null for what this writer leaves to NetTopologySuite.</summary>
    private static int? WkbBytes(Geometry geometry)
    {
        const int Head = 1 + 4;
        switch (geometry)
        {
            case Point p:
                return p.IsEmpty ? null : Head + 16;
            case LineString l:
                return Head + 4 + 16 * l.NumPoints;
            case Polygon p:
                if (p.IsEmpty) return null;
                int size = Head + 4 + 4 + 16 * p.ExteriorRing.NumPoints;
                foreach (var hole in p.InteriorRings) size += 4 + 16 * hole.NumPoints;
                return size;
            case MultiPoint or MultiLineString or MultiPolygon:
                int total = Head + 4;
                for (int i = 0; i < geometry.NumGeometries; i++)
                {
                    var member = geometry.GetGeometryN(i);
                    if (member.IsEmpty || WkbBytes(member) is not { } part) return null;
                    total += part;
                }
                return total;
            default:
                return null;
        }
    }

    private void Wkb(Geometry geometry)
    {
        _appended[_at++] = 1;
        switch (geometry)
        {
            case Point p:
                Count(1);
                Coordinates(p.CoordinateSequence);
                break;
            case LineString l:
                Count(2);
                Count(l.NumPoints);
                Coordinates(l.CoordinateSequence);
                break;
            case Polygon p:
                Count(3);
                Count(1 + p.NumInteriorRings);
                Count(p.ExteriorRing.NumPoints);
                Coordinates(p.ExteriorRing.CoordinateSequence);
                foreach (var hole in p.InteriorRings)
                {
                    Count(hole.NumPoints);
                    Coordinates(hole.CoordinateSequence);
                }
                break;
            default:
                Count(geometry switch { MultiPoint => 4, MultiLineString => 5, _ => 6 });
                Count(geometry.NumGeometries);
                for (int i = 0; i < geometry.NumGeometries; i++) Wkb(geometry.GetGeometryN(i));
                break;
        }
    }

    private void Coordinates(CoordinateSequence sequence)
    {
        // x, y pairs packed in one array are already the well-known binary's doubles on a little-endian machine.
        if (BitConverter.IsLittleEndian && sequence is PackedDoubleCoordinateSequence { Dimension: 2, Measures: 0 } packed)
        {
            var bytes = MemoryMarshal.AsBytes(packed.GetRawCoordinates().AsSpan());
            bytes.CopyTo(_appended.AsSpan(_at));
            _at += bytes.Length;
            return;
        }
        if (sequence is LatticeRingSequence corners)
        {
            for (int i = 0; i < corners.Count; i++)
            {
                var (lon, lat) = corners.LonLat(i);
                Double(lon);
                Double(lat);
            }
            return;
        }
        for (int i = 0; i < sequence.Count; i++)
        {
            Double(sequence.GetX(i));
            Double(sequence.GetY(i));
        }
    }

    private void Count(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_appended.AsSpan(_at), value);
        _at += 4;
    }

    private void Double(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_appended.AsSpan(_at), value);
        _at += 8;
    }
}
