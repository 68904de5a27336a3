using System.Globalization;
using Geo.Coordinates;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Navigation;

/// <summary>
/// The time zone opening hours are read in. Given explicitly (an IANA name such as Asia/Shanghai) it wins; otherwise
/// data whose centre lies in China is on Beijing time (Asia/Shanghai: China keeps one zone), and any other data on UTC,
/// which the caller should then say, since the OSM data carries no zone of its own.
/// </summary>
public static class DataTimeZone
{
    public static TimeZoneInfo Decide(Envelope lonLatExtent, string? explicitZone)
    {
        if (!string.IsNullOrWhiteSpace(explicitZone)) return Find(explicitZone.Trim());
        var centre = lonLatExtent.Centre;
        return centre is not null && ChineseCoordinates.IsInsideChina(centre.X, centre.Y) ? Find("Asia/Shanghai") : TimeZoneInfo.Utc;
    }

    public static TimeZoneInfo Find(string name)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new GeoInputException($"time zone '{name}' is unknown: give an IANA name such as Asia/Shanghai or Europe/Vaduz", e);
        }
    }

    /// <summary>
    /// A wall-clock time of the data's zone from text: "2026-12-02T21:30" is read in <paramref name="zone"/>;
    /// with an offset or Z ("2026-12-02T21:30+08:00") it is that instant, shown in the zone.
    /// </summary>
    public static DateTime ParseLocal(string text, TimeZoneInfo zone, string what = "--at")
    {
        string trimmed = text.Trim();
        bool hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || HasOffset(trimmed);
        if (hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        }
        if (!hasOffset && DateTime.TryParseExact(trimmed, new[] { "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss" },
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        }
        throw new GeoInputException($"{what} '{text}' is not a date and time such as 2026-12-02T21:30 (in the data's time zone {zone.Id}) or 2026-12-02T21:30+08:00");
    }

    public static DateTime Now(TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime;

    private static bool HasOffset(string text)
    {
        int t = text.IndexOf('T');
        if (t < 0) t = text.IndexOf(' ');
        if (t < 0) return false;
        string time = text[(t + 1)..];
        return time.Contains('+') || time.Contains('-');
    }
}
