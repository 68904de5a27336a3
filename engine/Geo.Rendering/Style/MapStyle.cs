using Geo.Rendering.Words;

namespace Geo.Rendering.Style;

/// <summary>
/// The one style of every map Geo draws: the PNG, the brief and the viewer's web page (served to it as JSON), so
/// coverage is the same green and a blind spot the same red everywhere.
/// </summary>
public static class MapStyle
{
    public static readonly StyleColour Coverage = new(46, 160, 67, 0.43);
    public static readonly StyleColour CoverageLine = new(27, 122, 47);
    public static readonly StyleColour BlindSpot = new(215, 48, 39, 0.59);
    public static readonly StyleColour BlindSpotLine = new(165, 15, 21);
    public static readonly StyleColour Gap = new(253, 174, 97, 0.35);
    public static readonly StyleColour Station = new(33, 102, 172);
    public static readonly StyleColour WhatIfStation = new(230, 85, 13);
    public static readonly StyleColour AddedCoverage = new(255, 217, 47, 0.55);
    public static readonly StyleColour AddedCoverageLine = new(230, 85, 13);
    public static readonly StyleColour SuggestedSite = new(117, 40, 160);
    public static readonly StyleColour UnitOutline = new(60, 60, 140);
    public static readonly StyleColour Street = new(150, 150, 150);
    public static readonly StyleColour MajorStreet = new(110, 110, 110);
    public static readonly StyleColour Pairing = new(106, 27, 154);
    public static readonly StyleColour Territory = new(0, 150, 136, 0.15);
    public static readonly StyleColour Ink = new(31, 41, 51);

    /// <summary>The three nested breaks (a third, two thirds and the whole break); the whole break is the coverage colour.</summary>
    public static readonly IReadOnlyList<StyleColour> Breaks = new[] { new StyleColour(8, 81, 156, 0.30), new StyleColour(107, 174, 214, 0.30), Coverage };

    /// <summary>A unit's share covered, from none to all: red, yellow, the coverage green.</summary>
    public static readonly IReadOnlyList<StyleColour> ShareRamp = new[] { new StyleColour(215, 48, 39), new StyleColour(254, 224, 139), new StyleColour(46, 160, 67) };

    public sealed record LegendEntry(string Key, StyleColour Colour, string Label, string Shape);

    /// <summary>The legend of a coverage map: what each colour means, in the glossary's words.</summary>
    /// <param name="unitPage">On a unit's own page the outline is called a boundary: the title names the unit, once.</param>
    public static IReadOnlyList<LegendEntry> Legend(OutputLanguage language, double minutes, UnitKind units, bool unitPage = false)
    {
        string m = minutes.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        string coverage = language == OutputLanguage.Zh ? $"{m} 分钟服务圈覆盖" : $"covered within {m} min";
        return new[]
        {
            new LegendEntry("coverage", Coverage, coverage, "area"),
            new LegendEntry("blind_spot", BlindSpot, Glossary.BlindSpot.In(language), "area"),
            new LegendEntry("station", Station, Glossary.Station.In(language), "dot"),
            new LegendEntry("unit", UnitOutline, unitPage ? (language == OutputLanguage.Zh ? "边界" : "boundary") : units.Term().In(language), "outline"),
            new LegendEntry("street", Street, Glossary.Street.In(language), "line"),
        };
    }
}
