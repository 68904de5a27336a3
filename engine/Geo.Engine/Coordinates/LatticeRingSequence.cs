using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Geo.Coordinates;

/// <summary>
/// A ring along cell corners, kept as each corner's column and row (16 bits each; the rings of one window share one
/// array) and turned into lon/lat by the <see cref="LonLatLattice"/> when read: the same doubles <see cref="LonLatLattice.ToLonLat(ReadOnlySpan{double})"/>
/// gives for the corners' graph coordinates, in a quarter of the memory. A run of a thousand stations holds millions
/// of outline points until it writes them, and as packed doubles they filled that much fresh memory.
/// </summary>
/// <remarks>
/// Reading changes nothing but the coordinates it may keep (as NetTopologySuite's packed sequences do), so any number of
/// threads may read one ring. Changing an ordinate (NetTopologySuite does so only when normalising or reversing in
/// place) turns the ring into packed doubles first.
/// </remarks>
public sealed class LatticeRingSequence : CoordinateSequence
{
    /// <summary>The most corners a side a window may have for its corners to fit in 16 bits.</summary>
    public const int MaxCorners = ushort.MaxValue + 1;

    private readonly Window _window;
    private readonly int _first;
    private double[]? _changed;
    private WeakReference<Coordinate[]>? _coordinates;

    /// <summary>The corners of every ring traced in one window, in one array, and how they become lon/lat.</summary>
    /// <param name="X0">Graph x of corner column 0.</param>
    /// <param name="Y0">Graph y of corner row 0.</param>
    /// <param name="Corners">Each point's corner: column | row &lt;&lt; 16.</param>
    public sealed record Window(LonLatLattice Lattice, double X0, double Y0, double Cell, int[] Corners);

    /// <summary>The ring of <paramref name="count"/> points from <paramref name="first"/> in the window's corners.</summary>
    public LatticeRingSequence(Window window, int first, int count)
        : base(count, 2, 0)
    {
        if (first < 0 || count < 0 || first + count > window.Corners.Length) throw new ArgumentOutOfRangeException(nameof(count), $"points {first} to {first + count} are not all in the window's {window.Corners.Length}");
        _window = window;
        _first = first;
    }

    /// <summary>A corner packed as the sequence keeps it.</summary>
    public static int Pack(int column, int row) => column | row << 16;

    /// <summary>A packed corner's column and row (<see cref="Pack"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Column, int Row) Unpack(int corner) => (corner & 0xFFFF, corner >>> 16);

    /// <summary>The lon/lat of point <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (double Lon, double Lat) LonLat(int index)
    {
        if (_changed is { } changed) return (changed[2 * index], changed[2 * index + 1]);
        // The window's array holds other rings' corners too.
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), $"point {index} of a ring of {Count}");
        var window = _window;
        var (column, row) = Unpack(window.Corners[_first + index]);
        return window.Lattice.ToLonLat(window.X0 + column * window.Cell, window.Y0 + row * window.Cell);
    }

    /// <summary>Lon, lat, lon, lat … of every point.</summary>
    private double[] ToPackedArray()
    {
        var values = new double[2 * Count];
        for (int i = 0; i < Count; i++) (values[2 * i], values[2 * i + 1]) = LonLat(i);
        return values;
    }

    public override double GetX(int index) => LonLat(index).Lon;

    public override double GetY(int index) => LonLat(index).Lat;

    public override double GetOrdinate(int index, int ordinateIndex) => ordinateIndex switch
    {
        0 => LonLat(index).Lon,
        1 => LonLat(index).Lat,
        _ => double.NaN,
    };

    public override void GetCoordinate(int index, Coordinate coord)
    {
        var (lon, lat) = LonLat(index);
        coord.X = lon;
        coord.Y = lat;
    }

    public override Coordinate GetCoordinateCopy(int index)
    {
        var (lon, lat) = LonLat(index);
        return new Coordinate(lon, lat);
    }

    public override void SetOrdinate(int index, int ordinateIndex, double value)
    {
        if (ordinateIndex is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ordinateIndex), $"a lon/lat ring has ordinates 0 and 1, not {ordinateIndex}");
        _changed ??= ToPackedArray();
        _changed[2 * index + ordinateIndex] = value;
        _coordinates = null;
    }

    public override Envelope ExpandEnvelope(Envelope env)
    {
        for (int i = 0; i < Count; i++)
        {
            var (lon, lat) = LonLat(i);
            env.ExpandToInclude(lon, lat);
        }
        return env;
    }

    /// <summary>The points as coordinates, kept while memory allows as NetTopologySuite's packed sequences keep theirs: map tiles read a ring's points again and again.</summary>
    public override Coordinate[] ToCoordinateArray()
    {
        if (_coordinates is { } kept && kept.TryGetTarget(out var cached)) return cached;
        var result = new Coordinate[Count];
        for (int i = 0; i < result.Length; i++) result[i] = GetCoordinateCopy(i);
        _coordinates = new WeakReference<Coordinate[]>(result);
        return result;
    }

    public override CoordinateSequence Copy() => new PackedDoubleCoordinateSequence(ToPackedArray(), 2, 0);
}
