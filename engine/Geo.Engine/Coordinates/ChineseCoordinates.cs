namespace Geo.Coordinates;

/// <summary>
/// Conversions between WGS84 (GPS, OSM) and the offset systems of Chinese web maps: GCJ-02 (Amap/高德, Tencent)
/// and BD-09 (Baidu). GCJ-02 is a published obfuscation applied only inside China; its inverse has no closed form,
/// so WGS84 is recovered by fixed-point iteration to well under a millimetre.
/// </summary>
public static class ChineseCoordinates
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;
    private const double BaiduFactor = Math.PI * 3000.0 / 180.0;

    /// <summary>GCJ-02 only applies inside China's rough bounding box; outside it, coordinates are WGS84 as they are.</summary>
    public static bool IsInsideChina(double lon, double lat) => lon is >= 72.004 and <= 137.8347 && lat is >= 0.8293 and <= 55.8271;

    public static (double Lon, double Lat) Wgs84ToGcj02(double lon, double lat)
    {
        if (!IsInsideChina(lon, lat)) return (lon, lat);
        var (dLon, dLat) = Offset(lon, lat);
        return (lon + dLon, lat + dLat);
    }

    public static (double Lon, double Lat) Gcj02ToWgs84(double lon, double lat)
    {
        if (!IsInsideChina(lon, lat)) return (lon, lat);
        double wLon = lon, wLat = lat;
        for (int i = 0; i < 30; i++)
        {
            var (gLon, gLat) = Wgs84ToGcj02(wLon, wLat);
            double eLon = gLon - lon, eLat = gLat - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.Abs(eLon) < 1e-12 && Math.Abs(eLat) < 1e-12) break;
        }
        return (wLon, wLat);
    }

    public static (double Lon, double Lat) Gcj02ToBd09(double lon, double lat)
    {
        double z = Math.Sqrt(lon * lon + lat * lat) + 0.00002 * Math.Sin(lat * BaiduFactor);
        double theta = Math.Atan2(lat, lon) + 0.000003 * Math.Cos(lon * BaiduFactor);
        return (z * Math.Cos(theta) + 0.0065, z * Math.Sin(theta) + 0.006);
    }

    /// <summary>The closed-form inverse is off by centimetres, so it only starts a fixed-point refinement.</summary>
    public static (double Lon, double Lat) Bd09ToGcj02(double lon, double lat)
    {
        double x = lon - 0.0065, y = lat - 0.006;
        double z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * BaiduFactor);
        double theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * BaiduFactor);
        double gLon = z * Math.Cos(theta), gLat = z * Math.Sin(theta);
        for (int i = 0; i < 30; i++)
        {
            var (bLon, bLat) = Gcj02ToBd09(gLon, gLat);
            double eLon = bLon - lon, eLat = bLat - lat;
            gLon -= eLon;
            gLat -= eLat;
            if (Math.Abs(eLon) < 1e-12 && Math.Abs(eLat) < 1e-12) break;
        }
        return (gLon, gLat);
    }

    public static (double Lon, double Lat) Wgs84ToBd09(double lon, double lat)
    {
        var (gLon, gLat) = Wgs84ToGcj02(lon, lat);
        return Gcj02ToBd09(gLon, gLat);
    }

    public static (double Lon, double Lat) Bd09ToWgs84(double lon, double lat)
    {
        var (gLon, gLat) = Bd09ToGcj02(lon, lat);
        return Gcj02ToWgs84(gLon, gLat);
    }

    private static (double DLon, double DLat) Offset(double lon, double lat)
    {
        double x = lon - 105.0, y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
            + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
            + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = 1 - EccentricitySquared * Math.Sin(radLat) * Math.Sin(radLat);
        double sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }
}
