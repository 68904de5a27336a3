using System.Globalization;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Geo.Cli.Rendering;

/// <summary>
/// The printed briefing: a city overview map, a page per chosen subdistrict, and a summary page with the headline
/// figures, the ranked blind spots, a pairing excerpt and (with siting output) the coverage-vs-K curve. Each page is
/// drawn once per target: PDF pages (A4 landscape, SKDocument) and PNG files for slides.
/// </summary>
internal sealed class BriefDocument
{
    private const float PageWidth = 842, PageHeight = 595, Design = 2;
    private readonly BriefContent _content;
    private readonly bool _chinese;
    private readonly string _date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public BriefDocument(BriefContent content, bool chinese)
    {
        _content = content;
        _chinese = chinese;
    }

    private string L(string zh, string en) => _chinese ? zh : en;

    public IReadOnlyList<Action<SKCanvas>> Pages(IReadOnlyList<string> subdistricts)
    {
        var pages = new List<Action<SKCanvas>> { Overview };
        foreach (var name in subdistricts) pages.Add(canvas => SubdistrictPage(canvas, name));
        pages.Add(Summary);
        var ranked = RankedBlindSpots();
        for (int first = SummaryRows; first < ranked.Count; first += RowsPerPage)
        {
            var rows = ranked.Skip(first).Take(RowsPerPage).ToList();
            pages.Add(canvas => BlindSpotPage(canvas, rows));
        }
        return pages;
    }

    public static void WritePdf(string path, IReadOnlyList<Action<SKCanvas>> pages)
    {
        using var stream = File.Create(path);
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "Geo briefing", Creator = "Geo", Producer = "Geo" });
        foreach (var page in pages)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            Paint(canvas, page);
            document.EndPage();
        }
        document.Close();
    }

    public static void WritePngs(string folder, IReadOnlyList<Action<SKCanvas>> pages)
    {
        for (int i = 0; i < pages.Count; i++)
        {
            using var surface = SKSurface.Create(new SKImageInfo((int)(PageWidth * Design), (int)(PageHeight * Design)));
            surface.Canvas.Scale(Design);
            Paint(surface.Canvas, pages[i]);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 90);
            File.WriteAllBytes(Path.Combine(folder, $"page-{i + 1:00}.png"), data.ToArray());
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

    private void Overview(SKCanvas canvas)
    {
        string title = L($"{_content.Map.Minutes:0.##}分钟服务圈覆盖简报 · {_date}", $"{_content.Map.Minutes:0.##}-minute service coverage briefing · {_date}");
        CoverageMap.Draw(canvas, _content.Map, title, new SKRect(0, 0, PageWidth * Design, PageHeight * Design), chinese: _chinese);
    }

    private void SubdistrictPage(SKCanvas canvas, string name)
    {
        var layer = _content.Subdistricts;
        var feature = layer.Features.First(f => _content.Text(f, layer, "name") == name);
        var extent = PageExtent(name);
        double share = _content.Value(feature, layer, "street_pct");
        string title = L($"{name}：道路覆盖 {share:0.#}%", $"{name}: {share:0.#}% of streets covered");
        CoverageMap.Draw(canvas, _content.Map, title, new SKRect(0, 0, PageWidth * Design, PageHeight * Design), extent, _chinese);
        using var font = MapCanvas.Font(18);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        float x = PageWidth * Design - 240, y = 480;
        foreach (var (zh, en, field, unit) in new[]
        {
            ("面积", "area", "area_km2", "km²"), ("服务用地", "served land", "served_land_pct", "%"), ("道路", "streets", "street_km", "km"),
            ("道路覆盖", "streets covered", "street_pct", "%"), ("需求覆盖", "demand covered", "demand_pct", "%"), ("站点数", "stations inside", "stations_inside", ""),
        })
        {
            canvas.DrawText($"{L(zh, en)}: {_content.Value(feature, layer, field):0.##} {unit}", x, y, SKTextAlign.Left, font, ink);
            y += 28;
        }
    }

    /// <summary>A subdistrict page shows its bounding box with a tenth of its size as margin, nothing more.</summary>
    public Envelope PageExtent(string name)
    {
        var layer = _content.Subdistricts;
        var extent = new Envelope(layer.Features.First(f => _content.Text(f, layer, "name") == name).Geometry.EnvelopeInternal);
        extent.ExpandBy(extent.Width * 0.1, extent.Height * 0.1);
        return extent;
    }

    private void Summary(SKCanvas canvas)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var title = MapCanvas.Font(34);
        using var heading = MapCanvas.Font(24);
        using var body = MapCanvas.Font(19);
        canvas.DrawText(L($"要点 · {_date}", $"Summary · {_date}"), 50, 70, SKTextAlign.Left, title, ink);
        var m = _content.Map;
        float y = 125;
        foreach (var line in new[]
        {
            L($"{m.Minutes:0.##}分钟内可达道路占比 {m.StreetShare:P1}（{_content.Profile}）", $"{m.StreetShare:P1} of streets within {m.Minutes:0.##} minutes ({_content.Profile})"),
            L($"{m.Minutes:0.##}分钟内服务用地占比 {m.LandShare:P1}", $"{m.LandShare:P1} of served land within {m.Minutes:0.##} minutes"),
            L("  （街区按面积计，按站点可达的临街边长比例计入）", "  (city blocks weighted by area, counted by the share of their frontage reached)"),
            m.StationsFrom,
            L($"盲区 {m.RankedBlindSpots} 处，统计单元 {m.Subdistricts.Count} 个（{m.UnitsLabel}）", $"{m.RankedBlindSpots} blind spots, {m.Subdistricts.Count} {m.UnitsLabel}"),
        })
        {
            canvas.DrawText(line, 50, y, SKTextAlign.Left, body, ink);
            y += 32;
        }

        y += 20;
        canvas.DrawText(L("盲区排名（按未覆盖需求）", "Blind spots ranked by uncovered demand"), 50, y, SKTextAlign.Left, heading, ink);
        y += 36;
        BlindSpotRows(canvas, body, ink, y, RankedBlindSpots().Take(SummaryRows));

        if (_content.Pairing is { } pairing)
        {
            float py = 125;
            canvas.DrawText(L("结对表（节选）", "Pairing (excerpt)"), 980, py, SKTextAlign.Left, heading, ink);
            py += 36;
            int station = pairing.FieldIndex("station_id"), subdistrict = pairing.FieldIndex("subdistrict"), how = pairing.FieldIndex("how"), minutes = pairing.FieldIndex("travel_min");
            foreach (var f in pairing.Features.Take(14))
            {
                string text = $"{Value(f, station)} ↔ {Value(f, subdistrict)} ({Value(f, how)}{(minutes >= 0 && f.Values[minutes] is { } t ? $", {Convert.ToDouble(t):0.0} min" : "")})";
                canvas.DrawText(text, 980, py, SKTextAlign.Left, body, ink);
                py += 28;
            }
        }
        if (_content.NewSites is { } sites) Curve(canvas, sites, new SKRect(980, 640, 1630, 1120), body, ink);
        canvas.DrawText("© OpenStreetMap contributors", 50, PageHeight * Design - 30, SKTextAlign.Left, body, ink);
    }

    private const int SummaryRows = 10, RowsPerPage = 34;

    /// <summary>The ranked blind spots of the audit's layer in rank order (fragments have no rank and are left out).</summary>
    private List<Geo.Data.Features.Feature> RankedBlindSpots()
    {
        var spots = _content.BlindSpots;
        int rank = spots.RequireField("rank");
        return spots.Features.Where(f => f.Values[rank] is not null).OrderBy(f => Convert.ToInt64(f.Values[rank])).ToList();
    }

    private void BlindSpotPage(SKCanvas canvas, IReadOnlyList<Geo.Data.Features.Feature> rows)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var heading = MapCanvas.Font(24);
        using var body = MapCanvas.Font(19);
        canvas.DrawText(L("盲区排名（续）", "Blind spots ranked by uncovered demand (continued)"), 50, 70, SKTextAlign.Left, heading, ink);
        BlindSpotRows(canvas, body, ink, 110, rows);
    }

    private void BlindSpotRows(SKCanvas canvas, SKFont body, SKPaint ink, float y, IEnumerable<Geo.Data.Features.Feature> rows)
    {
        var spots = _content.BlindSpots;
        var offsets = new float[] { 0, 80, 170, 290, 420, 700, 900 };
        Row(canvas, body, ink, y, 50, new[] { L("排名", "rank"), L("编号", "id"), L("需求", "demand"), L("道路 km", "street km"), L("所在", "subdistrict"), L("最近站点", "nearest station"), L("超出分钟", "min beyond") }, offsets);
        foreach (var f in rows)
        {
            y += 28;
            double beyond = spots.FieldIndex("beyond_break_minutes") >= 0 ? _content.Value(f, spots, "beyond_break_minutes") : double.NaN;
            Row(canvas, body, ink, y, 50, new[]
            {
                _content.Text(f, spots, "rank"), spots.FieldIndex("spot_id") >= 0 ? _content.Text(f, spots, "spot_id") : "",
                $"{_content.Value(f, spots, "demand"):0.##}", $"{_content.Value(f, spots, "street_km"):0.##}",
                _content.Text(f, spots, "subdistrict"), _content.Text(f, spots, "nearest_station"),
                double.IsNaN(beyond) ? "—" : $"+{beyond:0.0}",
            }, offsets);
        }
    }

    private static string Value(Geo.Data.Features.Feature f, int index) =>
        index >= 0 ? Convert.ToString(f.Values[index], CultureInfo.InvariantCulture) ?? "" : "";

    private static void Row(SKCanvas canvas, SKFont font, SKPaint ink, float y, float x, string[] cells, float[] offsets)
    {
        for (int i = 0; i < cells.Length; i++) canvas.DrawText(cells[i], x + offsets[i], y, SKTextAlign.Left, font, ink);
    }

    /// <summary>Cumulative coverage against the number of new sites, from the siting output's new_sites layer.</summary>
    private void Curve(SKCanvas canvas, Geo.Data.Features.FeatureLayer sites, SKRect box, SKFont font, SKPaint ink)
    {
        int order = sites.RequireField("site_order"), cumulative = sites.RequireField("cumulative_pct");
        var points = sites.Features.Select(f => (K: Convert.ToDouble(f.Values[order]), Pct: Convert.ToDouble(f.Values[cumulative]))).OrderBy(p => p.K).ToList();
        if (points.Count == 0) return;
        using var axis = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        canvas.DrawRect(box, axis);
        canvas.DrawText(L("新增站点数 K 与覆盖率", "coverage vs new sites K"), box.Left, box.Top - 12, SKTextAlign.Left, font, ink);
        double maxK = points[^1].K, minPct = Math.Min(points[0].Pct, points.Min(p => p.Pct)), maxPct = Math.Max(100, points.Max(p => p.Pct));
        using var line = new SKPaint { Color = new SKColor(46, 160, 67), Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
        using var path = new SKPath();
        for (int i = 0; i < points.Count; i++)
        {
            float x = box.Left + (float)(points[i].K / Math.Max(1, maxK)) * box.Width;
            float y = box.Bottom - (float)((points[i].Pct - minPct) / Math.Max(1e-9, maxPct - minPct)) * box.Height;
            if (i == 0) path.MoveTo(x, y);
            else path.LineTo(x, y);
        }
        canvas.DrawPath(path, line);
        canvas.DrawText($"K = {maxK:0}: {points[^1].Pct:0.#}%", box.Right - 160, box.Top + 28, SKTextAlign.Left, font, ink);
    }
}
