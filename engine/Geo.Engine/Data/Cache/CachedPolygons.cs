using NetTopologySuite.Geometries;

namespace Geo.Data.Cache;

/// <summary>
/// Polygons as a cache file keeps them: each polygon's first ring (its shell; its holes follow), each ring's first
/// point, and every ring's x, y pairs end to end (<see cref="CachedLines"/>). Read back, each ring is a packed x, y
/// sequence of the same doubles.
/// </summary>
internal sealed class CachedPolygons
{
    private readonly int[] _firstRing, _firstPoint;
    private readonly double[] _xy;

    private CachedPolygons(int[] firstRing, int[] firstPoint, double[] xy) => (_firstRing, _firstPoint, _xy) = (firstRing, firstPoint, xy);

    public int Polygons => _firstRing.Length - 1;
    public int Rings => _firstPoint.Length - 1;
    public int Points => _xy.Length / 2;

    /// <summary>Bytes a file needs at least for this many polygons, rings and points: checked against its length before reading.</summary>
    public static long SmallestSize(int polygons, int rings, int points) => 4L * polygons + 4L * rings + 16L * points;

    public static CachedPolygons Of(IReadOnlyList<Polygon> polygons)
    {
        var firstRing = new int[polygons.Count + 1];
        var rings = new List<CoordinateSequence>();
        for (int p = 0; p < polygons.Count; p++)
        {
            rings.Add(polygons[p].Shell.CoordinateSequence);
            foreach (var hole in polygons[p].Holes) rings.Add(hole.CoordinateSequence);
            firstRing[p + 1] = rings.Count;
        }
        if (rings.Any(r => r.Dimension != 2 || r.Measures != 0)) throw new InvalidDataException("polygons are kept as x, y only");
        var (firstPoint, xy) = CachedLines.Flatten(rings);
        return new CachedPolygons(firstRing, firstPoint, xy);
    }

    /// <summary>Writes each polygon's first ring, each ring's first point and the points, in that order.</summary>
    public void Write(ChecksummedWriter output)
    {
        output.Values<int>(_firstRing);
        output.Values<int>(_firstPoint);
        output.Values<double>(_xy);
    }

    /// <summary>What <see cref="Write"/> wrote for these counts (taken from the file's header).</summary>
    public static CachedPolygons Read(ChecksummedReader input, int polygons, int rings, int points) =>
        new(input.Values<int>(polygons + 1), input.Values<int>(rings + 1), input.Values<double>(2 * points));

    /// <summary>True when every polygon has a ring and every ring the four points of a closed ring, end to end.</summary>
    public bool IsWellFormed()
    {
        int polygons = Polygons, rings = Rings;
        if (_firstRing[0] != 0 || _firstRing[polygons] != rings || _firstPoint[0] != 0 || _firstPoint[rings] != Points) return false;
        for (int p = 0; p < polygons; p++)
        {
            if (_firstRing[p + 1] <= _firstRing[p]) return false;
        }
        for (int r = 0; r < rings; r++)
        {
            if (_firstPoint[r + 1] - _firstPoint[r] < 4) return false;
        }
        return true;
    }

    /// <summary>The polygons made by <paramref name="factory"/> (only when <see cref="IsWellFormed"/>).</summary>
    public Polygon[] ToPolygons(GeometryFactory factory)
    {
        var polygons = new Polygon[Polygons];
        Parallel.For(0, polygons.Length, p =>
        {
            LinearRing Ring(int r) => factory.CreateLinearRing(CachedLines.Line(_firstPoint, _xy, r));
            var holes = new LinearRing[_firstRing[p + 1] - _firstRing[p] - 1];
            for (int h = 0; h < holes.Length; h++) holes[h] = Ring(_firstRing[p] + 1 + h);
            polygons[p] = factory.CreatePolygon(Ring(_firstRing[p]), holes);
        });
        return polygons;
    }
}
