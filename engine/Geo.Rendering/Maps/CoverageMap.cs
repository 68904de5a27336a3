using Geo.Data.Features;
using Geo.Rendering.Style;
using Geo.Rendering.Text;
using Geo.Rendering.Words;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Geo.Rendering.Maps;

/// <summary>What one drawing of the coverage map shows: its title, language, extent, the legend's figures and the unit it is about.</summary>
public sealed record MapView(string Title, OutputLanguage Language, Envelope? Extent = null, LegendFigures? Figures = null, string? Unit = null);

/// <summary>
/// The audit's coverage map: streets, merged coverage, blind spots (top ten numbered), stations and unit outlines
/// with their names, title, legend, scale bar, north arrow and attribution, in the style every output shares.
/// </summary>
public static class CoverageMap
{
    public static byte[] Png(MapLayers layers, MapView view, int width = 1600, int height = 1200)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        Draw(surface.Canvas, layers, view, new SKRect(0, 0, width, height));
        using var image = surface.Snapshot();
        return PngImages.Encode(image);
    }

    /// <summary>
    /// The streets' paint: lines thinner than a pixel, each segment blended on its own, so a raster map's streets come
    /// out the same drawn as one path or one path each.
    /// </summary>
    internal static SKPaint StreetPaint() => new() { Color = MapStyle.Street.Sk, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };

    /// <summary>
    /// Draws the map inside <paramref name="area"/>. A unit's own page outlines that unit boldly and labels no
    /// unit: its name is the title, said once.
    /// </summary>
    public static void Draw(SKCanvas canvas, MapLayers layers, MapView page, SKRect area)
    {
        float width = area.Right, height = area.Bottom;
        var view = page.Extent ?? layers.Extent();
        var map = new MapCanvas(canvas, view, new SKRect(area.Left + 20, area.Top + 70, width - 300, height - 40));
        canvas.Save();
        canvas.ClipRect(map.Frame);

        using var streets = StreetPaint();
        // A whole map looks at every street once (each one's extent worked out in one envelope, not one a street);
        // a unit's page, one of many, asks the streets' grid for its few.
        var extent = new Envelope();
        map.DrawAll(page.Extent is null
            ? layers.Streets.Where(s =>
            {
                extent.Init();
                LayerGeometry.ExpandExtent(extent, s);
                return extent.Intersects(view);
            })
            : layers.StreetsMeeting(view).Select(s => layers.Streets[s]), streets);
        using var coverage = new SKPaint { Color = MapStyle.Coverage.Sk, Style = SKPaintStyle.Fill, IsAntialias = true };
        map.Draw(layers.Coverage, coverage);
        using var blind = new SKPaint { Color = MapStyle.BlindSpot.Sk, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var blindLine = new SKPaint { Color = MapStyle.BlindSpot.Sk, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
        foreach (var b in layers.BlindSpots)
        {
            if (!b.Area.IsEmpty && b.Area.EnvelopeInternal.Intersects(view)) map.Draw(b.Area, b.Area is IPolygonal ? blind : blindLine);
        }
        using var outline = new SKPaint { Color = MapStyle.UnitOutline.Sk, Style = SKPaintStyle.Stroke, StrokeWidth = 1.6f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash(new[] { 6f, 4f }, 0) };
        foreach (var s in layers.Subdistricts) map.Draw(s.Boundary, outline);
        if (page.Unit is not null)
        {
            using var own = new SKPaint { Color = MapStyle.UnitOutline.Sk, Style = SKPaintStyle.Stroke, StrokeWidth = 4, IsAntialias = true };
            foreach (var s in layers.Subdistricts.Where(s => s.Name == page.Unit)) map.Draw(s.Boundary, own);
        }
        using var station = new SKPaint { Color = MapStyle.Station.Sk, Style = SKPaintStyle.Fill, IsAntialias = true };
        foreach (var s in layers.Stations) canvas.DrawCircle(map.Point(s.X, s.Y), 5, station);

        using var ink = new SKPaint { Color = MapStyle.Ink.Sk, IsAntialias = true };
        using var halo = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        if (page.Unit is null) UnitLabels(canvas, map, layers, ink, halo);
        using var rankFont = MapCanvas.Font(16);
        using var rankFill = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var rankRing = new SKPaint { Color = MapStyle.BlindSpotLine.Sk, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        foreach (var b in layers.BlindSpots.Where(b => b.Rank > 0).Take(10))
        {
            var p = map.Point(b.Lon, b.Lat);
            if (!map.Frame.Contains(p)) continue;
            canvas.DrawCircle(p, 11, rankFill);
            canvas.DrawCircle(p, 11, rankRing);
            canvas.DrawSearchable(b.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), p.X, p.Y + 6, SKTextAlign.Center, rankFont, ink);
        }
        canvas.Restore();

        using var titleFont = MapCanvas.Font(28);
        canvas.DrawSearchable(page.Title, area.Left + 20, area.Top + 45, SKTextAlign.Left, titleFont, ink);
        using var small = MapCanvas.Font(14);
        map.ScaleBar(ink, small);
        map.NorthArrow(ink, small);
        var figures = page.Figures ?? new LegendFigures(Whole(layers, page.Language), layers.StreetShare, layers.LandShare);
        Legend(canvas, width - 280, area.Top + 90, layers, page.Language, figures, page.Unit is not null, small, ink);
        canvas.DrawSearchable("© OpenStreetMap contributors", width - 280, height - 15, SKTextAlign.Left, small, ink);
        using var frame = new SKPaint { Color = new SKColor(120, 120, 120), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(map.Frame, frame);
    }

    /// <summary>Whose figures the overview's legend states: every unit of the map together.</summary>
    public static string Whole(MapLayers layers, OutputLanguage language) => language == OutputLanguage.Zh
        ? $"全部 {layers.Subdistricts.Count} 个{layers.Units.Term().Zh}合计"
        : $"all {layers.Subdistricts.Count} {layers.Units.Term().En}s together";

    private static void UnitLabels(SKCanvas canvas, MapCanvas map, MapLayers layers, SKPaint ink, SKPaint halo)
    {
        using var labelFont = MapCanvas.Font(15);
        var placed = new List<SKRect>();
        foreach (var s in layers.Subdistricts.OrderByDescending(s => s.Boundary.Area))
        {
            var at = s.Boundary.InteriorPoint;
            var p = map.Point(at.X, at.Y);
            float w = labelFont.MeasureText(s.Name);
            var box = new SKRect(p.X - w / 2 - 2, p.Y - 16, p.X + w / 2 + 2, p.Y + 4);
            if (!map.Frame.Contains(box) || placed.Any(b => b.IntersectsWith(box))) continue;
            placed.Add(box);
            canvas.DrawHalo(s.Name, p.X, p.Y, SKTextAlign.Center, labelFont, halo);
            canvas.DrawSearchable(s.Name, p.X, p.Y, SKTextAlign.Center, labelFont, ink);
        }
    }

    private static void Legend(SKCanvas canvas, float x, float y, MapLayers layers, OutputLanguage language, LegendFigures figures, bool unitPage, SKFont font, SKPaint ink)
    {
        foreach (var entry in MapStyle.Legend(language, layers.Minutes, layers.Units, unitPage))
        {
            using var paint = new SKPaint { Color = entry.Colour.Sk, IsAntialias = true };
            switch (entry.Shape)
            {
                case "dot":
                    canvas.DrawCircle(x + 10, y - 5, 5, paint);
                    break;
                case "outline":
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = 1.6f;
                    paint.PathEffect = SKPathEffect.CreateDash(new[] { 6f, 4f }, 0);
                    canvas.DrawRect(x, y - 12, 20, 14, paint);
                    break;
                case "line":
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = 2;
                    canvas.DrawLine(x, y - 5, x + 20, y - 5, paint);
                    break;
                default:
                    canvas.DrawRect(x, y - 12, 20, 14, paint);
                    break;
            }
            canvas.DrawSearchable(entry.Label, x + 28, y, SKTextAlign.Left, font, ink);
            y += 26;
        }
        y += 20;
        using var bold = MapCanvas.Font(15);
        bold.Embolden = true;
        canvas.DrawSearchable(figures.Whose, x, y, SKTextAlign.Left, bold, ink);
        canvas.DrawSearchable($"{Glossary.StreetCoverage.In(language)}: {Percent(figures.StreetShare)}", x, y + 24, SKTextAlign.Left, font, ink);
        canvas.DrawSearchable($"{Glossary.ServedLand.In(language)}: {Percent(figures.AreaShare)}", x, y + 46, SKTextAlign.Left, font, ink);
    }

    public static string Percent(double share) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{share * 100:0.0} %");
}
