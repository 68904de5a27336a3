using System.Globalization;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Geo.Coordinates;

/// <summary>
/// The coordinate system user-supplied points come in: wgs84 (EPSG:4326, also CGCS2000 EPSG:4490, equal to it at
/// city scale), gcj02 (Amap/Tencent), bd09 (Baidu), web mercator (EPSG:3857), UTM (EPSG:326nn/327nn) or
/// CGCS2000 3-degree Gauss-Krüger (EPSG:4534–4554). Everything is converted to WGS84 lon/lat at the edge.
/// </summary>
public sealed class InputCrs
{
    private readonly Func<double, double, (double Lon, double Lat)> _toWgs84;

    private InputCrs(string name, Func<double, double, (double, double)> toWgs84)
    {
        Name = name;
        _toWgs84 = toWgs84;
    }

    public string Name { get; }

    public static InputCrs Wgs84 { get; } = new("wgs84", (x, y) => (x, y));

    public static InputCrs Parse(string? text)
    {
        string value = (text ?? "wgs84").Trim().ToLowerInvariant();
        switch (value)
        {
            case "wgs84" or "epsg:4326" or "crs84" or "epsg:4490" or "cgcs2000":
                return Wgs84;
            case "gcj02" or "gcj-02":
                return new InputCrs("gcj02", ChineseCoordinates.Gcj02ToWgs84);
            case "bd09" or "bd-09":
                return new InputCrs("bd09", ChineseCoordinates.Bd09ToWgs84);
        }
        if (value.StartsWith("epsg:", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int code))
        {
            var projected = Projected(code);
            if (projected is not null)
            {
                var inverse = new CoordinateTransformationFactory()
                    .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected).MathTransform.Inverse();
                return new InputCrs($"EPSG:{code}", (x, y) =>
                {
                    inverse.Transform(ref x, ref y);
                    return (x, y);
                });
            }
            throw new GeoInputException(
                $"EPSG:{code} is not a CRS Geo converts from (known: 4326, 4490, 3857, 32601–32660, 32701–32760, 4534–4554); reproject the input to EPSG:4326");
        }
        throw new GeoInputException($"unknown input CRS '{text}': use wgs84, gcj02, bd09 or EPSG:<code>");
    }

    public (double Lon, double Lat) ToWgs84(double x, double y) => _toWgs84(x, y);

    public Point ToWgs84Point(double x, double y)
    {
        var (lon, lat) = _toWgs84(x, y);
        return new Point(lon, lat) { SRID = 4326 };
    }

    /// <summary>
    /// A whole geometry in WGS84: every coordinate converted, then repaired (repeated points dropped, rings
    /// re-noded) because quantised boundaries such as GCJ-02 web-map outlines often come with both.
    /// </summary>
    public Geometry ToWgs84(Geometry geometry)
    {
        var copy = geometry.Copy();
        if (!ReferenceEquals(this, Wgs84)) copy.Apply(new Conversion(_toWgs84));
        copy.SRID = 4326;
        if (copy is Point) return copy;
        var repaired = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(copy);
        // Quantised outlines also carry zero-width spikes between repeated points: valid in lon/lat, they turn
        // invalid once projected. Dropping detail under a centimetre (1e-7°) removes them and nothing else.
        if (repaired is Polygon or MultiPolygon) repaired = NetTopologySuite.Simplify.DouglasPeuckerSimplifier.Simplify(repaired, 1e-7);
        repaired.SRID = 4326;
        return repaired;
    }

    /// <summary>A CRS read from a Shapefile's .prj: geographic on WGS84/CGCS2000 as is, projected ones unprojected.</summary>
    public static InputCrs FromWkt(string wkt, string where)
    {
        CoordinateSystem system;
        try
        {
            // ESRI .prj files from Chinese sources name Gauss-Krüger, which is transverse Mercator by another name.
            string normalised = System.Text.RegularExpressions.Regex.Replace(wkt, "PROJECTION\\[\"Gauss_Kruger\"", "PROJECTION[\"Transverse_Mercator\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            system = (CoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(normalised);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            throw new GeoInputException($"{where}: the .prj is not a coordinate system Geo understands ({e.Message})");
        }
        if (system is GeographicCoordinateSystem) return Wgs84;
        if (system is ProjectedCoordinateSystem projected)
        {
            var inverse = new CoordinateTransformationFactory()
                .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected).MathTransform.Inverse();
            return new InputCrs(projected.Name, (x, y) =>
            {
                inverse.Transform(ref x, ref y);
                return (x, y);
            });
        }
        throw new GeoInputException($"{where}: the .prj names a {system.GetType().Name}; Geo reads geographic or projected systems");
    }

    public bool IsWgs84 => ReferenceEquals(this, Wgs84);

    private sealed class Conversion : ICoordinateSequenceFilter
    {
        private readonly Func<double, double, (double, double)> _toWgs84;

        public Conversion(Func<double, double, (double, double)> toWgs84) => _toWgs84 = toWgs84;

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (lon, lat) = _toWgs84(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, lon);
            seq.SetY(i, lat);
        }
    }

    private static ProjectedCoordinateSystem? Projected(int code)
    {
        if (code == 3857) return ProjectedCoordinateSystem.WebMercator;
        if (code is >= 32601 and <= 32660) return ProjectedCoordinateSystem.WGS84_UTM(code - 32600, true);
        if (code is >= 32701 and <= 32760) return ProjectedCoordinateSystem.WGS84_UTM(code - 32700, false);
        if (code is >= 4534 and <= 4554)
        {
            // CGCS2000 / 3-degree Gauss-Kruger CM 75E … 135E, without zone prefix in the easting.
            int centralMeridian = 75 + (code - 4534) * 3;
            string wkt = string.Format(CultureInfo.InvariantCulture,
                "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM {0}E\",GEOGCS[\"China Geodetic Coordinate System 2000\"," +
                "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0]," +
                "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
                "PARAMETER[\"central_meridian\",{0}],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000]," +
                "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]", centralMeridian);
            return (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt);
        }
        return null;
    }
}
