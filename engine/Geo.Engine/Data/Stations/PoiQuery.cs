using Geo.Data.Model;

namespace Geo.Data.Stations;

/// <summary>
/// Picks station-like POIs from a dataset: terms separated by <c>|</c>, any one matching is enough.
/// <c>key=value</c> matches a tag exactly, <c>key~text</c> when it contains the text, and a bare word matches names
/// containing it. Keys: amenity, shop, office, building, healthcare, name.
/// Example: <c>amenity=community_centre|name~党群服务中心|驿站</c>.
/// </summary>
public sealed class PoiQuery
{
    /// <summary>What Geo takes as stations when none are given: community and party-mass service centres, 驿站, post and parcel points.</summary>
    public const string StationLike = "amenity=community_centre|amenity=social_facility|amenity=post_office|amenity=parcel_locker|name~党群服务中心|name~社区服务中心|name~驿站|name~服务站";

    private static readonly string[] Keys = { "amenity", "shop", "office", "building", "healthcare", "name" };
    private readonly List<(string Key, string Value, bool Contains)> _terms = new();

    private PoiQuery(string text) => Text = text;

    public string Text { get; }

    public static PoiQuery Parse(string text)
    {
        var query = new PoiQuery(text);
        foreach (var raw in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = raw.IndexOf('='), tilde = raw.IndexOf('~');
            int at = eq >= 0 && (tilde < 0 || eq < tilde) ? eq : tilde;
            if (at < 0)
            {
                query._terms.Add(("name", raw, true));
                continue;
            }
            string key = raw[..at].Trim().ToLowerInvariant(), value = raw[(at + 1)..].Trim();
            if (!Keys.Contains(key)) throw new GeoInputException($"POI query '{text}': unknown key '{key}' (known: {string.Join(", ", Keys)})");
            if (value.Length == 0) throw new GeoInputException($"POI query '{text}': term '{raw}' has no value");
            query._terms.Add((key, value, at == tilde));
        }
        if (query._terms.Count == 0) throw new GeoInputException($"POI query '{text}' has no terms");
        return query;
    }

    public bool Matches(PointOfInterest poi)
    {
        foreach (var (key, value, contains) in _terms)
        {
            string? tag = key switch
            {
                "amenity" => poi.Amenity,
                "shop" => poi.Shop,
                "office" => poi.Office,
                "building" => poi.Building,
                "healthcare" => poi.Healthcare,
                _ => poi.Name,
            };
            if (tag is null) continue;
            if (contains ? tag.Contains(value, StringComparison.OrdinalIgnoreCase) : string.Equals(tag, value, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
