namespace Geo.Rendering.Words;

/// <summary>The language of a report, map, brief or viewer page.</summary>
public enum OutputLanguage
{
    Zh,
    En,
}

/// <summary>
/// Picks the language for data given no <c>--lang</c>: Chinese when the data lies in China, else when most unit and
/// station names are written in Chinese (planning cells named by Geo do not count); English otherwise.
/// </summary>
public static class OutputLanguages
{
    /// <summary>Mainland China, Hong Kong, Macao and Taiwan, as a lon/lat box: enough to tell Chengdu from Andorra.</summary>
    private const double MinLon = 73.5, MaxLon = 135.1, MinLat = 18.1, MaxLat = 53.6;

    public static OutputLanguage Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "cn" => OutputLanguage.Zh,
        "en" => OutputLanguage.En,
        _ => throw new GeoInputException($"--lang '{text}': use zh or en"),
    };

    public static string Code(this OutputLanguage language) => language == OutputLanguage.Zh ? "zh" : "en";

    public static (OutputLanguage Language, string Reason) Detect(IEnumerable<string?> names, double centreLon, double centreLat)
    {
        bool inChina = centreLon is >= MinLon and <= MaxLon && centreLat is >= MinLat and <= MaxLat;
        if (inChina) return (OutputLanguage.Zh, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the data lies in China, around {centreLon:0.00}, {centreLat:0.00}"));
        int chinese = 0, written = 0;
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.StartsWith("网格 ", StringComparison.Ordinal)) continue;
            written++;
            if (name.Any(IsIdeograph)) chinese++;
        }
        return written > 0 && 2 * chinese > written
            ? (OutputLanguage.Zh, $"the data lies outside China but {chinese} of {written} names are Chinese")
            : (OutputLanguage.En, $"the data lies outside China and {written - chinese} of {written} names are not Chinese");
    }

    public static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
