using System.Globalization;
using NetTopologySuite.Geometries;

namespace Geo.Coordinates;

/// <summary>
/// The check every lon/lat entering Geo passes, whatever it came from (CSV, GeoJSON, a GeoPackage layer, a
/// PostGIS table): finite numbers, longitude within ±180°, latitude within ±90°, with a hint when the two look
/// swapped (a Chinese point written lat,lon has a "latitude" above 90).
/// </summary>
public static class LonLatRange
{
    public static void Require(Geometry geometry, string where)
    {
        foreach (var c in geometry.Coordinates) Require(c.X, c.Y, where);
    }

    public static void Require(double lon, double lat, string where)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat))
        {
            throw new GeoInputException($"{where}: coordinate ({Text(lon)}, {Text(lat)}) is not a finite number");
        }
        if (Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
        {
            string hint = Math.Abs(lat) > 90 && Math.Abs(lat) <= 180 && Math.Abs(lon) <= 90 ? ": are lon and lat swapped? Geo takes lon,lat" : "";
            throw new GeoInputException($"{where}: ({Text(lon)}, {Text(lat)}) is outside lon -180..180, lat -90..90{hint}");
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
