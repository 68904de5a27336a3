using System.Globalization;
using OsmSharp.Tags;

namespace Geo.Data.Osm;

/// <summary>How Geo reads the OSM tags it relies on: one-way direction, maxspeed and station/demand POI keys.</summary>
internal static class OsmTagReading
{
    public static readonly string[] PoiKeys = { "amenity", "shop", "office", "healthcare" };

    public static Dictionary<string, string> ToDictionary(TagsCollectionBase? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tags is null) return result;
        foreach (var tag in tags) result[tag.Key] = tag.Value;
        return result;
    }

    /// <summary>+1 one-way along the way, -1 one-way against it, 0 two-way.</summary>
    public static int OnewayDirection(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.TryGetValue("oneway", out var oneway))
        {
            switch (oneway)
            {
                case "yes" or "true" or "1": return 1;
                case "-1" or "reverse": return -1;
                case "no" or "false" or "0": return 0;
            }
        }
        if (tags.TryGetValue("junction", out var junction) && junction is "roundabout" or "circular") return 1;
        if (tags.TryGetValue("highway", out var highway) && highway is "motorway" or "motorway_link") return 1;
        return 0;
    }

    /// <summary>The posted speed in km/h: "50", "50 km/h", "30 mph"; null for zone codes like "CN:urban" or "none".</summary>
    public static double? MaxSpeedKmh(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue("maxspeed", out var text)) return null;
        text = text.Trim();
        double factor = 1;
        if (text.EndsWith("mph", StringComparison.OrdinalIgnoreCase))
        {
            factor = 1.609344;
            text = text[..^3].Trim();
        }
        else if (text.EndsWith("km/h", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4].Trim();
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value * factor : null;
    }

    public static bool IsPoi(IReadOnlyDictionary<string, string> tags)
    {
        foreach (var key in PoiKeys) if (tags.ContainsKey(key)) return true;
        return tags.ContainsKey("building") && tags.ContainsKey("name");
    }

    public static string? Name(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("name") ?? tags.GetValueOrDefault("name:zh") ?? tags.GetValueOrDefault("name:en");
}
