using System.Globalization;
using Geo.Data.Features;
using Geo.Rendering.Charts;
using Geo.Rendering.Maps;
using Geo.Rendering.Style;
using Geo.Rendering.Text;
using Geo.Rendering.Words;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Geo.Rendering.Brief;

/// <summary>
/// The printed briefing: a city overview map, a page per chosen unit (its own figures in its legend), and a summary
/// page with the headline figures, the ranked blind spots, a pairing excerpt and (with siting output) the suggested
/// sites by street and the coverage-vs-K curve. Each page is drawn once per target: PDF pages (A4 landscape,
/// SKDocument) and PNG files for slides.
/// </summary>
public sealed class BriefDocument
{
    private const float PageWidth = 842, PageHeight = 595, Design = 2;
    private readonly BriefContent _content;
    private readonly OutputLanguage _language;
    private readonly string _date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public BriefDocument(BriefContent content, OutputLanguage language)
    {
        _content = content;
        _language = language;
    }

    private bool Zh => _language == OutputLanguage.Zh;

    private string L(string zh, string en) => Zh ? zh : en;

    private string Units => _content.Map.Units.Term().In(_language);

    public IReadOnlyList<Action<SKCanvas>> Pages(IReadOnlyList<string> subdistricts)
    {
        var pages = new List<Action<SKCanvas>> { Overview };
        foreach (var name in subdistricts) pages.Add(canvas => UnitPage(canvas, name));
        pages.Add(Summary);
        var ranked = RankedBlindSpots();
        for (int first = SummaryRows; first < ranked.Count; first += RowsPerPage)
        {
            var rows = ranked.Skip(first).Take(RowsPerPage).ToList();
            pages.Add(canvas => BlindSpotPage(canvas, rows));
        }
        return pages;
    }

    /// <summary>
    /// The PDF is made in memory and then written: SkiaSharp writes through a native callback, where a full disk
    /// would abort the process instead of raising an error Geo can report.
    /// </summary>
    public static void WritePdf(string path, IReadOnlyList<Action<SKCanvas>> pages, string title)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "Geo", Producer = "Geo" }))
        {
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                Paint(canvas, page);
                document.EndPage();
            }
            document.Close();
        }
        File.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>The names of the page files <see cref="WritePngs"/> writes.</summary>
    public static bool IsPageFile(string name) => System.Text.RegularExpressions.Regex.IsMatch(name, @"^page-\d{2,}\.png$");

    public static void WritePngs(string folder, IReadOnlyList<Action<SKCanvas>> pages)
    {
        for (int i = 0; i < pages.Count; i++)
        {
            using var surface = SKSurface.Create(new SKImageInfo((int)(PageWidth * Design), (int)(PageHeight * Design)));
            surface.Canvas.Scale(Design);
            Paint(surface.Canvas, pages[i]);
            using var image = surface.Snapshot();
            File.WriteAllBytes(Path.Combine(folder, $"page-{i + 1:00}.png"), PngImages.Encode(image));
        }
    }

    /// <summary>Pages are laid out on a 1684 × 1190 design grid and scaled onto the A4 page.</summary>
    private static void Paint(SKCanvas canvas, Action<SKCanvas> page)
    {
        canvas.Clear(SKColors.White);
        canvas.Save();
        canvas.Scale(1 / Design);
        page(canvas);
        canvas.Restore();
    }

    private string Minutes => _content.Map.Minutes.ToString("0.##", CultureInfo.InvariantCulture);

    public string Title => L($"{Minutes} 分钟服务圈覆盖简报", $"{Minutes}-minute service coverage briefing");

    private void Overview(SKCanvas canvas)
    {
        CoverageMap.Draw(canvas, _content.Map, new MapView($"{Title} · {_date}", _language), new SKRect(0, 0, PageWidth * Design, PageHeight * Design));
    }

    private void UnitPage(SKCanvas canvas, string name)
    {
        var layer = _content.Subdistricts;
        var feature = layer.Features.First(f => _content.Text(f, layer, "name") == name);
        double street = _content.Value(feature, layer, "street_pct") / 100, area = _content.Value(feature, layer, layer.FieldIndex("served_land_pct") >= 0 ? "served_land_pct" : "area_pct") / 100;
        string title = L($"{name}：{Glossary.StreetCoverage.Zh} {CoverageMap.Percent(street)}", $"{name}: {Glossary.StreetCoverage.En} {CoverageMap.Percent(street)}");
        var figures = new LegendFigures(L("本页单元", $"this {_content.Map.Units.Term().En}"), street, area);
        CoverageMap.Draw(canvas, _content.Map, new MapView(title, _language, PageExtent(name), figures, name), new SKRect(0, 0, PageWidth * Design, PageHeight * Design));
        using var font = MapCanvas.Font(18);
        using var ink = new SKPaint { Color = MapStyle.Ink.Sk, IsAntialias = true };
        float x = PageWidth * Design - 280, y = 420;
        string Number(string field, string format) => _content.Value(feature, layer, field).ToString(format, CultureInfo.InvariantCulture);
        var paired = _content.Text(feature, layer, "paired_stations").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(_content.StationName).ToList();
        foreach (var line in new[]
        {
            L($"面积 {Number("area_km2", "0.00")} km²", $"area {Number("area_km2", "0.00")} km²"),
            L($"已覆盖 {Number("covered_km2", "0.00")} km²", $"served {Number("covered_km2", "0.00")} km²"),
            L($"道路 {Number("street_km", "0.0")} km", $"streets {Number("street_km", "0.0")} km"),
            L($"可达道路 {Number("covered_street_km", "0.0")} km", $"reached {Number("covered_street_km", "0.0")} km"),
            $"{Glossary.DemandCoverage.In(_language)}: {CoverageMap.Percent(_content.Value(feature, layer, "demand_pct") / 100)}",
            L($"区内站点 {Number("stations_inside", "0")} 个", $"stations inside: {Number("stations_inside", "0")}"),
            L("结对站点：", "paired stations:"),
        }.Concat(paired.Count == 0 ? new[] { "—" } : paired.Take(6)))
        {
            canvas.DrawSearchable(line, x, y, SKTextAlign.Left, font, ink);
            y += 28;
        }
    }

    /// <summary>A unit's page shows its bounding box with a tenth of its size as margin, nothing more.</summary>
    public Envelope PageExtent(string name)
    {
        var layer = _content.Subdistricts;
        var extent = new Envelope(layer.Features.First(f => _content.Text(f, layer, "name") == name).Geometry.EnvelopeInternal);
        extent.ExpandBy(extent.Width * 0.1, extent.Height * 0.1);
        return extent;
    }

    /// <summary>The summary's headline lines, in the glossary's words, with what each share is of.</summary>
    public IReadOnlyList<string> Headlines()
    {
        var m = _content.Map;
        string km(string field, string format = "0.0") => _content.SummaryValue(field).ToString(format, CultureInfo.InvariantCulture);
        int stations = (int)_content.SummaryValue("stations");
        string way = _content.Summary.Features.Count > 0 && _content.Summary.FieldIndex("direction") >= 0 ? _content.Text(_content.Summary.Features[0], _content.Summary, "direction") : "";
        string profile = way switch
        {
            "to-station" => L($"{_content.Profile}，前往站点", $"{_content.Profile}, to the station"),
            "from-station" => L($"{_content.Profile}，从站点出发", $"{_content.Profile}, from the station"),
            _ => _content.Profile,
        };
        double spots = _content.SummaryValue("blind_spots");
        int blindSpots = double.IsNaN(spots) ? m.RankedBlindSpots : (int)spots;
        return new[]
        {
            m.StationsFrom,
            L($"{Glossary.StreetCoverage.Zh} {CoverageMap.Percent(m.StreetShare)}：{Minutes} 分钟内可达道路 {km("covered_street_km")} / {km("street_km")} km（{profile}）",
              $"{Glossary.StreetCoverage.En} {CoverageMap.Percent(m.StreetShare)}: {km("covered_street_km")} of {km("street_km")} km of streets within {Minutes} minutes ({profile})"),
            L($"{Glossary.ServedLand.Zh} {CoverageMap.Percent(m.LandShare)}：{km("served_land_km2", "0.00")} / {km("land_km2", "0.00")} km² 街区（按站点可达的临街边长比例计入）",
              $"{Glossary.ServedLand.En} {CoverageMap.Percent(m.LandShare)}: {km("served_land_km2", "0.00")} of {km("land_km2", "0.00")} km² of city blocks, counted by the share of their frontage reached"),
            L($"{Glossary.DemandCoverage.Zh} {CoverageMap.Percent(_content.SummaryValue("demand_pct") / 100)}",
              $"{Glossary.DemandCoverage.En} {CoverageMap.Percent(_content.SummaryValue("demand_pct") / 100)} covered"),
            L($"站点 {stations} 个 · {Glossary.BlindSpot.Zh} {blindSpots} 处 · {Units} {m.Subdistricts.Count} 个",
              $"{stations} stations · {blindSpots} blind spots · {m.Subdistricts.Count} {Units}s"),
        };
    }

    private void Summary(SKCanvas canvas)
    {
        using var ink = new SKPaint { Color = MapStyle.Ink.Sk, IsAntialias = true };
        using var title = MapCanvas.Font(34);
        using var heading = MapCanvas.Font(24);
        using var body = MapCanvas.Font(19);
        canvas.DrawSearchable(L($"要点 · {_date}", $"Summary · {_date}"), 50, 70, SKTextAlign.Left, title, ink);
        float y = 125;
        // With the pairing excerpt beside them, lines stop short of its column.
        float width = _content.Pairing is null ? PageWidth * Design - 100 : 900;
        foreach (var line in Headlines().SelectMany(h => Wrap(h, body, width)))
        {
            canvas.DrawSearchable(line, 50, y, SKTextAlign.Left, body, ink);
            y += 32;
        }

        y += 20;
        canvas.DrawSearchable(L($"{Glossary.BlindSpot.Zh}排名（按未覆盖需求）", "Blind spots ranked by uncovered demand"), 50, y, SKTextAlign.Left, heading, ink);
        y += 36;
        y = BlindSpotRows(canvas, body, ink, y, RankedBlindSpots().Take(SummaryRows));
        if (_content.NewSites is { } sites) Sites(canvas, sites, y + 60, heading, body, ink);

        if (_content.Pairing is { } pairing)
        {
            float py = 125;
            canvas.DrawSearchable(L("结对表（节选）", "Pairing (excerpt)"), 980, py, SKTextAlign.Left, heading, ink);
            py += 36;
            int id = pairing.FieldIndex("station_id"), name = pairing.FieldIndex("station_name"), unit = pairing.FieldIndex("subdistrict"), minutes = pairing.FieldIndex("travel_min");
            foreach (var f in pairing.Features.Take(14))
            {
                string station = Value(f, name) is { Length: > 0 } n ? n : _content.StationName(Value(f, id));
                string time = minutes >= 0 && f.Values[minutes] is { } t ? string.Create(CultureInfo.InvariantCulture, $" · {Convert.ToDouble(t, CultureInfo.InvariantCulture):0.0} min") : "";
                canvas.DrawSearchable(Fit($"{station} ↔ {Value(f, unit)}{time}", body, 650), 980, py, SKTextAlign.Left, body, ink);
                py += 28;
            }
        }
        if (_content.NewSites is { } curve)
        {
            canvas.DrawSearchable(L("覆盖率随新增站点数的变化", "coverage vs new sites K"), 980, 650, SKTextAlign.Left, heading, ink);
            CoverageCurveChart.Draw(canvas, CurvePoints(curve), new SKRect(1060, 720, 1620, 1040), _language, body, ink);
        }
        canvas.DrawSearchable("© OpenStreetMap contributors", 50, PageHeight * Design - 30, SKTextAlign.Left, body, ink);
    }

    private const int SummaryRows = 10, RowsPerPage = 34;

    /// <summary>The ranked blind spots of the audit's layer in rank order (fragments have no rank and are left out).</summary>
    private List<Feature> RankedBlindSpots()
    {
        var spots = _content.BlindSpots;
        int rank = spots.RequireField("rank");
        return spots.Features.Where(f => f.Values[rank] is not null).OrderBy(f => Convert.ToInt64(f.Values[rank], CultureInfo.InvariantCulture)).ToList();
    }

    private void BlindSpotPage(SKCanvas canvas, IReadOnlyList<Feature> rows)
    {
        using var ink = new SKPaint { Color = MapStyle.Ink.Sk, IsAntialias = true };
        using var heading = MapCanvas.Font(24);
        using var body = MapCanvas.Font(19);
        canvas.DrawSearchable(L($"{Glossary.BlindSpot.Zh}排名（续）", "Blind spots ranked by uncovered demand (continued)"), 50, 70, SKTextAlign.Left, heading, ink);
        BlindSpotRows(canvas, body, ink, 110, rows);
    }

    /// <summary>
    /// A table of ranked blind spots: rank, id, demand, street km, unit, nearest station by name, minutes beyond the
    /// break (of the part with a route), and the street km with no route to any station.
    /// </summary>
    private float BlindSpotRows(SKCanvas canvas, SKFont body, SKPaint ink, float y, IEnumerable<Feature> rows)
    {
        var spots = _content.BlindSpots;
        var offsets = new float[] { 0, 50, 110, 195, 295, 440, 650, 770 };
        Row(canvas, body, ink, y, 50, new[] { L("排名", "rank"), L("编号", "id"), L("需求", "demand"), L("道路 km", "street km"), Units, L("最近站点", "nearest station"), L("超出分钟", "min beyond"), L("无路可达 km", "no route km") }, offsets);
        foreach (var f in rows)
        {
            y += 28;
            double beyond = spots.FieldIndex("beyond_break_minutes") >= 0 ? _content.Value(f, spots, "beyond_break_minutes") : double.NaN;
            double noRoute = spots.FieldIndex("no_route_km") >= 0 ? _content.Value(f, spots, "no_route_km") : double.NaN;
            Row(canvas, body, ink, y, 50, new[]
            {
                _content.Text(f, spots, "rank"), spots.FieldIndex("spot_id") >= 0 ? _content.Text(f, spots, "spot_id") : "",
                $"{_content.Value(f, spots, "demand"):0.##}", $"{_content.Value(f, spots, "street_km"):0.##}",
                Fit(_content.Text(f, spots, "subdistrict"), body, 140), Fit(_content.StationName(_content.Text(f, spots, "nearest_station")), body, 200),
                double.IsNaN(beyond) ? "—" : string.Create(CultureInfo.InvariantCulture, $"+{beyond:0.0}"),
                double.IsNaN(noRoute) || noRoute <= 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{noRoute:0.00}"),
            }, offsets);
        }
        return y;
    }

    /// <summary>The suggested sites in order, each by the street it stands on, with its gain and the coverage after it.</summary>
    private void Sites(SKCanvas canvas, FeatureLayer sites, float y, SKFont heading, SKFont body, SKPaint ink)
    {
        canvas.DrawSearchable(L($"{Glossary.SuggestedSite.Zh}（按新增覆盖排序）", "Suggested sites, in order of what each adds"), 50, y, SKTextAlign.Left, heading, ink);
        foreach (var (order, street, percent) in SiteRows(sites).Take(8))
        {
            y += 30;
            string where = street ?? L("无名道路", "unnamed street");
            canvas.DrawSearchable(L($"{order}. {where} 附近 → {Glossary.DemandCoverage.Zh} {percent:0.0} %", $"{order}. near {where} → demand covered {percent:0.0} %"), 60, y, SKTextAlign.Left, body, ink);
        }
    }

    public IEnumerable<(int Order, string? Street, double Percent)> SiteRows(FeatureLayer sites)
    {
        int order = sites.RequireField("site_order"), cumulative = sites.RequireField("cumulative_pct"), street = sites.FieldIndex("street"), name = sites.FieldIndex("name");
        foreach (var f in sites.Features.OrderBy(f => Convert.ToInt64(f.Values[order], CultureInfo.InvariantCulture)))
        {
            string? where = street >= 0 ? f.Values[street] as string : null;
            if (string.IsNullOrEmpty(where) && name >= 0 && f.Values[name] is string n && n.Length > 0) where = n;
            if (string.IsNullOrEmpty(where)) where = _content.StreetNear((Point)f.Geometry);
            yield return ((int)Convert.ToInt64(f.Values[order], CultureInfo.InvariantCulture), where, Convert.ToDouble(f.Values[cumulative], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Coverage after 0, 1, … K new sites; K = 0 is the existing coverage, recovered from the first site's gain.</summary>
    public static IReadOnlyList<(int K, double Percent)> CurvePoints(FeatureLayer sites)
    {
        int order = sites.RequireField("site_order"), cumulative = sites.RequireField("cumulative"), percent = sites.RequireField("cumulative_pct"), marginal = sites.RequireField("marginal");
        var rows = sites.Features.Select(f => (K: (int)Convert.ToInt64(f.Values[order], CultureInfo.InvariantCulture), Cumulative: Convert.ToDouble(f.Values[cumulative], CultureInfo.InvariantCulture),
            Percent: Convert.ToDouble(f.Values[percent], CultureInfo.InvariantCulture), Marginal: Convert.ToDouble(f.Values[marginal], CultureInfo.InvariantCulture))).OrderBy(r => r.K).ToList();
        var points = new List<(int, double)>();
        if (rows.Count == 0) return points;
        var first = rows[0];
        if (first.Cumulative > 0) points.Add((first.K - 1, first.Percent * (first.Cumulative - first.Marginal) / first.Cumulative));
        points.AddRange(rows.Select(r => (r.K, r.Percent)));
        return points;
    }

    private static string Value(Feature f, int index) =>
        index >= 0 ? Convert.ToString(f.Values[index], CultureInfo.InvariantCulture) ?? "" : "";

    /// <summary>Shortens text to a column's width with an ellipsis.</summary>
    /// <summary>Lines of at most this width, broken after a space where there is one (Chinese text breaks anywhere).</summary>
    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        while (font.MeasureText(text) > width)
        {
            int end = 1;
            while (end < text.Length && font.MeasureText(text[..(end + 1)]) <= width) end++;
            int space = text.LastIndexOf(' ', end - 1, end);
            if (space > 0) end = space + 1;
            yield return text[..end].TrimEnd();
            text = text[end..];
        }
        yield return text;
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText(text + "…") > width) text = text[..^1];
        return text + "…";
    }

    private static void Row(SKCanvas canvas, SKFont font, SKPaint ink, float y, float x, string[] cells, float[] offsets)
    {
        for (int i = 0; i < cells.Length; i++) canvas.DrawSearchable(cells[i], x + offsets[i], y, SKTextAlign.Left, font, ink);
    }
}
