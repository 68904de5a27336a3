using System.Globalization;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Geo.Coordinates;

/// <summary>
/// The metric CRS Geo computes in: a transverse Mercator on WGS84 centred on the data's extent (scale 1 on the
/// central meridian), so lengths are true to a few parts in 100,000 across a city. Lon/lat stays at the edges.
/// </summary>
public sealed class LocalProjection
{
    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    public LocalProjection(double centralLongitude, double originLatitude)
    {
        if (!double.IsFinite(centralLongitude) || centralLongitude is < -180 or > 180 || originLatitude is < -85 or > 85)
        {
            throw new GeoInputException($"cannot centre a projection on lon {centralLongitude}, lat {originLatitude}");
        }
        CentralLongitude = centralLongitude;
        OriginLatitude = originLatitude;
        Wkt = string.Format(CultureInfo.InvariantCulture,
            "PROJCS[\"Geo local TM {0:0.######} {1:0.######}\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]]," +
            "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"]," +
            "PARAMETER[\"latitude_of_origin\",{1}],PARAMETER[\"central_meridian\",{0}],PARAMETER[\"scale_factor\",1]," +
            "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]",
            centralLongitude, originLatitude);
        var projected = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Wkt);
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected);
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
    }

    /// <summary>Centred on the middle of a lon/lat extent.</summary>
    public static LocalProjection For(Envelope lonLatExtent) =>
        new((lonLatExtent.MinX + lonLatExtent.MaxX) / 2, (lonLatExtent.MinY + lonLatExtent.MaxY) / 2);

    public double CentralLongitude { get; }
    public double OriginLatitude { get; }
    public string Wkt { get; }

    public (double X, double Y) Project(double lon, double lat)
    {
        double x = lon, y = lat;
        _forward.Transform(ref x, ref y);
        return (x, y);
    }

    public (double Lon, double Lat) Unproject(double x, double y)
    {
        _inverse.Transform(ref x, ref y);
        return (x, y);
    }

    /// <summary>Projects xy pairs in place ([x0, y0, x1, y1, …]).</summary>
    public void ProjectInPlace(Span<double> xys)
    {
        for (int i = 0; i + 1 < xys.Length; i += 2)
        {
            double x = xys[i], y = xys[i + 1];
            _forward.Transform(ref x, ref y);
            xys[i] = x;
            xys[i + 1] = y;
        }
    }

    public Geometry Project(Geometry lonLat) => Transform(lonLat, _forward, 0);

    public Geometry Unproject(Geometry metric) => Transform(metric, _inverse, 4326);

    private static Geometry Transform(Geometry geometry, MathTransform transform, int srid)
    {
        var copy = geometry.Copy();
        copy.Apply(new TransformFilter(transform));
        copy.SRID = srid;
        copy.GeometryChanged();
        return copy;
    }

    private sealed class TransformFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                double x = seq.GetX(i), y = seq.GetY(i);
                transform.Transform(ref x, ref y);
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
