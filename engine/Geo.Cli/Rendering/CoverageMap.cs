using Geo.Analyses.Coverage;
using Geo.Data.Model;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Geo.Cli.Rendering;

/// <summary>
/// The audit's coverage map: streets, merged coverage, blind spots (top ten numbered), stations and subdistrict
/// outlines with their names, title, legend, scale bar, north arrow and attribution. Chinese text in Noto Sans CJK.
/// </summary>
internal static class CoverageMap
{
    public static readonly SKColor CoverageColour = new(46, 160, 67, 110);
    public static readonly SKColor BlindSpotColour = new(215, 48, 39, 150);

    public static byte[] Png(MapLayers layers, string title, int width = 1600, int height = 1200, Envelope? extent = null, bool chinese = false)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        Draw(surface.Canvas, layers, title, new SKRect(0, 0, width, height), extent, chinese);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    /// <summary>Draws the map with its title, legend and furniture inside <paramref name="area"/> of the canvas.</summary>
    public static void Draw(SKCanvas canvas, MapLayers layers, string title, SKRect area, Envelope? extent = null, bool chinese = false)
    {
        float width = area.Right, height = area.Bottom;
        var view = extent ?? layers.Extent();
        var map = new MapCanvas(canvas, view, new SKRect(area.Left + 20, area.Top + 70, width - 260, height - 40));
        canvas.Save();
        canvas.ClipRect(map.Frame);

        using var streets = new SKPaint { Color = new SKColor(150, 150, 150), Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        foreach (var s in layers.Streets) if (s.EnvelopeInternal.Intersects(view)) map.Draw(s, streets);
        using var coverage = new SKPaint { Color = CoverageColour, Style = SKPaintStyle.Fill, IsAntialias = true };
        map.Draw(layers.Coverage, coverage);
        using var blind = new SKPaint { Color = BlindSpotColour, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var blindLine = new SKPaint { Color = BlindSpotColour, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
        foreach (var b in layers.BlindSpots)
        {
            if (!b.Area.IsEmpty && b.Area.EnvelopeInternal.Intersects(view)) map.Draw(b.Area, b.Area is IPolygonal ? blind : blindLine);
        }
        using var outline = new SKPaint { Color = new SKColor(60, 60, 140), Style = SKPaintStyle.Stroke, StrokeWidth = 1.6f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash(new[] { 6f, 4f }, 0) };
        foreach (var s in layers.Subdistricts) map.Draw(s.Boundary, outline);
        using var station = new SKPaint { Color = new SKColor(33, 102, 172), Style = SKPaintStyle.Fill, IsAntialias = true };
        foreach (var s in layers.Stations) canvas.DrawCircle(map.Point(s.X, s.Y), 4, station);

        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var halo = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
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
            canvas.DrawText(s.Name, p.X, p.Y, SKTextAlign.Center, labelFont, halo);
            canvas.DrawText(s.Name, p.X, p.Y, SKTextAlign.Center, labelFont, ink);
        }
        using var rankFont = MapCanvas.Font(16);
        foreach (var b in layers.BlindSpots.Where(b => b.Rank > 0).Take(10))
        {
            var p = map.Point(b.Lon, b.Lat);
            canvas.DrawCircle(p, 11, new SKPaint { Color = SKColors.White, IsAntialias = true });
            canvas.DrawCircle(p, 11, new SKPaint { Color = new SKColor(215, 48, 39), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 });
            canvas.DrawText(b.Rank.ToString(), p.X, p.Y + 6, SKTextAlign.Center, rankFont, ink);
        }
        canvas.Restore();

        using var titleFont = MapCanvas.Font(28);
        canvas.DrawText(title, area.Left + 20, area.Top + 45, SKTextAlign.Left, titleFont, ink);
        using var small = MapCanvas.Font(14);
        map.ScaleBar(ink, small);
        map.NorthArrow(ink, small);
        Legend(canvas, width, area.Top, layers, small, ink, chinese);
        canvas.DrawText("© OpenStreetMap contributors", width - 250, height - 15, SKTextAlign.Left, small, ink);
        using var frame = new SKPaint { Color = new SKColor(120, 120, 120), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(map.Frame, frame);
    }

    private static void Legend(SKCanvas canvas, float width, float top, MapLayers layers, SKFont font, SKPaint ink, bool chinese)
    {
        float x = width - 240, y = top + 90;
        (SKColor Colour, string Text, bool Dot)[] entries =
        {
            (CoverageColour, chinese ? $"{layers.Minutes:0.##}分钟服务圈覆盖" : $"{layers.Minutes:0.##}-min coverage 覆盖", false),
            (BlindSpotColour, chinese ? "盲区" : "blind spot 盲区", false),
            (new SKColor(33, 102, 172), chinese ? "驿站/服务中心" : "station 驿站/服务中心", true),
            (new SKColor(60, 60, 140), chinese ? "街道/社区" : "subdistrict 街道/社区", false),
            (new SKColor(150, 150, 150), chinese ? "道路" : "street 道路", false),
        };
        foreach (var (colour, text, dot) in entries)
        {
            using var paint = new SKPaint { Color = colour, IsAntialias = true };
            if (dot) canvas.DrawCircle(x + 10, y - 5, 5, paint);
            else canvas.DrawRect(x, y - 12, 20, 14, paint);
            canvas.DrawText(text, x + 28, y, SKTextAlign.Left, font, ink);
            y += 26;
        }
        canvas.DrawText(chinese ? $"道路覆盖率: {layers.StreetShare:P1}" : $"streets covered: {layers.StreetShare:P1}", x, y + 20, SKTextAlign.Left, font, ink);
        canvas.DrawText(chinese ? $"服务用地占比: {layers.LandShare:P1}" : $"served land: {layers.LandShare:P1}", x, y + 42, SKTextAlign.Left, font, ink);
    }
}
