using System.Globalization;
using Geo.Rendering.Style;
using Geo.Rendering.Text;
using Geo.Rendering.Words;
using SkiaSharp;

namespace Geo.Rendering.Charts;

/// <summary>
/// Coverage against the number of new sites K, drawn on a page: both axes with round ticks and their units
/// (sites; % of demand), the existing coverage at K = 0 and each added site as a marked point.
/// </summary>
public static class CoverageCurveChart
{
    /// <summary><paramref name="points"/>: (K, coverage in %), K = 0 first.</summary>
    public static void Draw(SKCanvas canvas, IReadOnlyList<(int K, double Percent)> points, SKRect box, OutputLanguage language, SKFont font, SKPaint ink)
    {
        if (points.Count == 0) return;
        using var axis = new SKPaint { Color = MapStyle.Ink.Sk, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(220, 224, 228), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        using var tickFont = new SKFont(font.Typeface, font.Size * 0.85f);
        int maxK = Math.Max(1, points.Max(p => p.K));
        double low = points.Min(p => p.Percent), high = points.Max(p => p.Percent);
        double step = NiceStep((high - low) / 6);
        double yMin = Math.Max(0, Math.Floor(low / step) * step), yMax = Math.Min(100, Math.Ceiling(high / step) * step);
        if (yMax <= yMin) yMax = Math.Min(100, yMin + step);
        if (yMax <= yMin) yMin = yMax - step;
        float X(double k) => box.Left + (float)(k / maxK) * box.Width;
        float Y(double pct) => box.Bottom - (float)((pct - yMin) / (yMax - yMin)) * box.Height;

        for (double v = yMin; v <= yMax + step / 1000; v += step)
        {
            float y = Y(v);
            canvas.DrawLine(box.Left, y, box.Right, y, grid);
            canvas.DrawLine(box.Left - 6, y, box.Left, y, axis);
            canvas.DrawSearchable(v.ToString(step < 1 ? "0.0" : "0", CultureInfo.InvariantCulture), box.Left - 10, y + tickFont.Size / 3, SKTextAlign.Right, tickFont, ink);
        }
        int kStep = Math.Max(1, (int)NiceStep(maxK / 8.0));
        for (int k = 0; k <= maxK; k += kStep)
        {
            float x = X(k);
            canvas.DrawLine(x, box.Bottom, x, box.Bottom + 6, axis);
            canvas.DrawSearchable(k.ToString(CultureInfo.InvariantCulture), x, box.Bottom + 8 + tickFont.Size, SKTextAlign.Center, tickFont, ink);
        }
        canvas.DrawLine(box.Left, box.Bottom, box.Right, box.Bottom, axis);
        canvas.DrawLine(box.Left, box.Top, box.Left, box.Bottom, axis);

        bool zh = language == OutputLanguage.Zh;
        canvas.DrawSearchable(zh ? "新增站点数 K（个）" : "new sites K (count)", box.MidX, box.Bottom + 16 + 2 * tickFont.Size, SKTextAlign.Center, font, ink);
        // The y axis is named above it, level, as Chinese charts do: rotated text reads backwards in a PDF's text layer.
        canvas.DrawSearchable(zh ? $"{Glossary.DemandCoverage.Zh}（%）" : "demand covered (%)", box.Left - 10, box.Top - 14, SKTextAlign.Left, font, ink);

        using var line = new SKPaint { Color = MapStyle.CoverageLine.Sk, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
        using var dot = new SKPaint { Color = MapStyle.CoverageLine.Sk, IsAntialias = true };
        using var builder = new SKPathBuilder();
        var ordered = points.OrderBy(p => p.K).ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            var at = new SKPoint(X(ordered[i].K), Y(ordered[i].Percent));
            if (i == 0) builder.MoveTo(at);
            else builder.LineTo(at);
        }
        using var path = builder.Detach();
        canvas.DrawPath(path, line);
        foreach (var p in ordered) canvas.DrawCircle(X(p.K), Y(p.Percent), 5, dot);
        var last = ordered[^1];
        canvas.DrawSearchable(string.Create(CultureInfo.InvariantCulture, $"K = {last.K}: {last.Percent:0.0} %"), box.Right - 8, box.Top + font.Size + 4, SKTextAlign.Right, font, ink);
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0)) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (double f in new[] { 1.0, 2, 5, 10 }) if (f * magnitude >= rough) return f * magnitude;
        return 10 * magnitude;
    }
}
