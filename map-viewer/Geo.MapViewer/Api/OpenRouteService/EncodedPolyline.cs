using System.Text;
using NetTopologySuite.Geometries;

namespace Geo.MapViewer.Api.OpenRouteService;

/// <summary>The encoded polyline format (five decimals, latitude first) openrouteservice returns route geometry in by default.</summary>
internal static class EncodedPolyline
{
    public static string Encode(IEnumerable<Coordinate> lonLat)
    {
        var text = new StringBuilder();
        long lastLat = 0, lastLon = 0;
        foreach (var c in lonLat)
        {
            long lat = (long)Math.Round(c.Y * 1e5), lon = (long)Math.Round(c.X * 1e5);
            Write(lat - lastLat, text);
            Write(lon - lastLon, text);
            (lastLat, lastLon) = (lat, lon);
        }
        return text.ToString();
    }

    public static List<(double Lon, double Lat)> Decode(string text)
    {
        var points = new List<(double, double)>();
        int i = 0;
        long lat = 0, lon = 0;
        while (i < text.Length)
        {
            lat += Read(text, ref i);
            lon += Read(text, ref i);
            points.Add((lon / 1e5, lat / 1e5));
        }
        return points;
    }

    private static void Write(long value, StringBuilder text)
    {
        long v = value < 0 ? ~(value << 1) : value << 1;
        while (v >= 0x20)
        {
            text.Append((char)((0x20 | (v & 0x1f)) + 63));
            v >>= 5;
        }
        text.Append((char)(v + 63));
    }

    private static long Read(string text, ref int i)
    {
        long result = 0;
        int shift = 0;
        int b;
        do
        {
            b = text[i++] - 63;
            result |= (long)(b & 0x1f) << shift;
            shift += 5;
        } while (b >= 0x20);
        return (result & 1) != 0 ? ~(result >> 1) : result >> 1;
    }
}
