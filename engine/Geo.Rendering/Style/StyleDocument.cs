using Geo.Rendering.Words;

namespace Geo.Rendering.Style;

/// <summary>The style and glossary as one plain object for JSON: what the viewer's web page colours and labels with.</summary>
public static class StyleDocument
{
    public static object For(OutputLanguage language, double minutes, UnitKind units) => new
    {
        lang = language.Code(),
        colours = new Dictionary<string, string>
        {
            ["coverage"] = MapStyle.Coverage.Css,
            ["coverage_line"] = MapStyle.CoverageLine.Css,
            ["blind_spot"] = MapStyle.BlindSpot.Css,
            ["blind_spot_line"] = MapStyle.BlindSpotLine.Css,
            ["gap"] = MapStyle.Gap.Css,
            ["station"] = MapStyle.Station.Css,
            ["whatif_station"] = MapStyle.WhatIfStation.Css,
            ["added_coverage"] = MapStyle.AddedCoverage.Css,
            ["added_coverage_line"] = MapStyle.AddedCoverageLine.Css,
            ["suggested_site"] = MapStyle.SuggestedSite.Css,
            ["unit_outline"] = MapStyle.UnitOutline.Css,
            ["street"] = MapStyle.Street.Css,
            ["major_street"] = MapStyle.MajorStreet.Css,
            ["pairing"] = MapStyle.Pairing.Css,
            ["territory"] = MapStyle.Territory.Css,
        },
        breaks = MapStyle.Breaks.Select(c => c.Css).ToList(),
        break_lines = MapStyle.Breaks.Select(c => c.WithAlpha(1).Css).ToList(),
        share_ramp = MapStyle.ShareRamp.Select(c => c.Css).ToList(),
        legend = MapStyle.Legend(language, minutes, units).Select(e => new { key = e.Key, colour = e.Colour.Css, label = e.Label, shape = e.Shape }).ToList(),
        units = new { kind = units.ToString(), zh = units.Term().Zh, en = units.Term().En, label = units.Term().In(language) },
        glossary = Glossary.All.ToDictionary(t => t.Key, t => new { zh = t.Zh, en = t.En, label = t.In(language), meaning = t.Meaning(language) }),
    };
}
