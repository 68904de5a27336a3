using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.Geometries.Utilities;

namespace Geo.Coordinates;

/// <summary>
/// Fast lon/lat for points in graph coordinates: exact inverse projections on a lattice every
/// <see cref="SpacingMeters"/> metres, bilinear in between. The inverse transverse Mercator bends so little over
/// 250 m that the interpolation is off by about a millimetre; points off the lattice go through the exact transform.
/// </summary>
public sealed class LonLatLattice
{
    public const double SpacingMeters = 250;
    private readonly LocalProjection _projection;
    private readonly double _originX, _originY, _minX, _minY;
    private readonly int _columns, _rows;
    private readonly double[] _lon, _lat;

    public LonLatLattice(LocalProjection projection, double originX, double originY, Envelope local)
    {
        _projection = projection;
        _originX = originX;
        _originY = originY;
        _minX = local.MinX;
        _minY = local.MinY;
        _columns = (int)Math.Ceiling(local.Width / SpacingMeters) + 2;
        _rows = (int)Math.Ceiling(local.Height / SpacingMeters) + 2;
        _lon = new double[_columns * _rows];
        _lat = new double[_columns * _rows];
        Parallel.For(0, _rows, r =>
        {
            for (int c = 0; c < _columns; c++)
            {
                var (lon, lat) = projection.Unproject(originX + _minX + c * SpacingMeters, originY + _minY + r * SpacingMeters);
                _lon[r * _columns + c] = lon;
                _lat[r * _columns + c] = lat;
            }
        });
    }

    /// <summary>Where the lattice lies and its size: with the projection and origin, all that its lon/lat depend on.</summary>
    internal (double MinX, double MinY, int Columns, int Rows) Grid => (_minX, _minY, _columns, _rows);

    public (double Lon, double Lat) ToLonLat(double x, double y)
    {
        double u = (x - _minX) / SpacingMeters, v = (y - _minY) / SpacingMeters;
        int c = (int)Math.Floor(u), r = (int)Math.Floor(v);
        if (c < 0 || r < 0 || c >= _columns - 1 || r >= _rows - 1) return _projection.Unproject(_originX + x, _originY + y);
        double fu = u - c, fv = v - r;
        int i = r * _columns + c;
        double lon = (_lon[i] * (1 - fu) + _lon[i + 1] * fu) * (1 - fv) + (_lon[i + _columns] * (1 - fu) + _lon[i + _columns + 1] * fu) * fv;
        double lat = (_lat[i] * (1 - fu) + _lat[i + 1] * fu) * (1 - fv) + (_lat[i + _columns] * (1 - fu) + _lat[i + _columns + 1] * fu) * fv;
        return (lon, lat);
    }

    /// <summary>
    /// A copy of a local geometry in lon/lat. Each ring or line keeps its coordinates in one packed array rather than
    /// an object per point: a thousand stations' service areas hold millions of points until they are written, and
    /// objects the garbage collector must trace on every collection made such a run half again as long.
    /// </summary>
    public Geometry ToLonLat(Geometry local) => new GeometryEditor(Factory).Edit(local, new GeometryEditor.CoordinateSequenceOperation(Project));

    /// <summary>The factory of every lon/lat geometry made here: EPSG:4326, each ring or line in one packed array.</summary>
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DoubleFactory);

    /// <summary>Points x, y, x, y … in graph coordinates as a packed lon/lat sequence, as <see cref="ToLonLat(Geometry)"/> makes it.</summary>
    public CoordinateSequence ToLonLat(ReadOnlySpan<double> xy)
    {
        var values = new double[xy.Length];
        for (int i = 0; i < xy.Length; i += 2) (values[i], values[i + 1]) = ToLonLat(xy[i], xy[i + 1]);
        return new PackedDoubleCoordinateSequence(values, 2, 0);
    }

    private CoordinateSequence Project(CoordinateSequence local, Geometry _)
    {
        int dimension = local.Dimension, count = local.Count;
        var values = new double[count * dimension];
        for (int i = 0; i < count; i++)
        {
            var (lon, lat) = ToLonLat(local.GetX(i), local.GetY(i));
            int at = i * dimension;
            values[at] = lon;
            values[at + 1] = lat;
            for (int d = 2; d < dimension; d++) values[at + d] = local.GetOrdinate(i, d);
        }
        return new PackedDoubleCoordinateSequence(values, dimension, local.Measures);
    }
}
