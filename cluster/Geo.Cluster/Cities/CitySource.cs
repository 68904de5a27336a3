namespace Geo.Cluster.Cities;

/// <summary>A city the cluster serves: its name in paths (<c>/cities/{name}/api/…</c>) and where its data is.</summary>
public sealed record CitySource(string Name, string Data)
{
    /// <summary>
    /// Reads <c>name=source,name=source</c>: a source is a .gpkg path or <c>postgis:&lt;connection string&gt;</c>
    /// whose <c>Schema=</c> names the city's schema. A PostGIS connection string has its own ';', so pairs are split
    /// at a ',' that is followed by <c>name=</c>.
    /// </summary>
    public static IReadOnlyList<CitySource> ParseList(string text)
    {
        var cities = new List<CitySource>();
        foreach (string item in SplitPairs(text))
        {
            int eq = item.IndexOf('=');
            string name = eq < 0 ? item.Trim() : item[..eq].Trim();
            string data = eq < 0 ? "" : item[(eq + 1)..].Trim();
            if (!IsPlainName(name)) throw new GeoInputException($"--cities: city name '{name}' must be lower-case letters, digits, '-' or '_' (it becomes part of a URL path and a schema name)");
            if (data.Length == 0) throw new GeoInputException($"--cities: city '{name}' has no data: give {name}=<file.gpkg or postgis:…>");
            if (cities.Any(c => c.Name == name)) throw new GeoInputException($"--cities: city '{name}' is named twice");
            cities.Add(new CitySource(name, data));
        }
        if (cities.Count == 0) throw new GeoInputException("--cities: name at least one city as name=<file.gpkg or postgis:…>");
        return cities;
    }

    public static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 40 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    private static IEnumerable<string> SplitPairs(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != ',' || !StartsPair(text, i + 1)) continue;
            yield return text[start..i];
            start = i + 1;
        }
        if (text[start..].Trim().Length > 0) yield return text[start..];
    }

    private static bool StartsPair(string text, int at)
    {
        int eq = text.IndexOf('=', at);
        return eq > at && IsPlainName(text[at..eq].Trim());
    }
}
