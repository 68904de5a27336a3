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
    /// <summary>Every coordinate of the geometry, read from its sequences (no copy of a packed one).</summary>
    public static void Require(Geometry geometry, string where) => geometry.Apply(new RangeCheck(where));

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

    private sealed class RangeCheck(string where) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => false;
        public void Filter(CoordinateSequence sequence, int i) => Require(sequence.GetX(i), sequence.GetY(i), where);
    }
}
