using System.Text;
using SkiaSharp;

namespace Geo.Rendering.Text;

/// <summary>
/// Draws text whose PDF text layer reads as written. Noto Sans CJK draws some ideographs with the glyph of a Kangxi
/// radical (网 and ⽹, 门 and ⻔), and the PDF's glyph-to-Unicode map can name only one of them; a text run that
/// carries its UTF-8 text and clusters makes Skia write the real characters as /ActualText wherever the map would
/// name the radical, so copying and searching find 网格.
/// </summary>
public static class SearchableText
{
    public static void DrawSearchable(this SKCanvas canvas, string text, float x, float y, SKTextAlign align, SKFont font, SKPaint paint)
    {
        if (string.IsNullOrEmpty(text)) return;
        using var blob = Blob(text, font);
        if (blob is null) return;
        float width = font.MeasureText(text);
        float left = align switch
        {
            SKTextAlign.Center => x - width / 2,
            SKTextAlign.Right => x - width,
            _ => x,
        };
        canvas.DrawText(blob, left, y, paint);
    }

    /// <summary>A white outline behind a label, drawn as a path so it adds nothing to the text layer.</summary>
    public static void DrawHalo(this SKCanvas canvas, string text, float x, float y, SKTextAlign align, SKFont font, SKPaint halo)
    {
        if (string.IsNullOrEmpty(text)) return;
        float width = font.MeasureText(text);
        float left = align switch
        {
            SKTextAlign.Center => x - width / 2,
            SKTextAlign.Right => x - width,
            _ => x,
        };
        using var path = font.GetTextPath(text, new SKPoint(left, y));
        canvas.DrawPath(path, halo);
    }

    private static SKTextBlob? Blob(string text, SKFont font)
    {
        ushort[] glyphs = font.GetGlyphs(text);
        if (glyphs.Length == 0) return null;
        var positions = font.GetGlyphPositions(text);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        // One glyph per code point (no shaping): the cluster of glyph i is the UTF-8 offset of code point i.
        var clusters = new uint[glyphs.Length];
        int glyph = 0, offset = 0;
        for (int i = 0; i < text.Length && glyph < clusters.Length;)
        {
            int units = char.IsSurrogatePair(text, i) ? 2 : 1;
            clusters[glyph++] = (uint)offset;
            offset += Encoding.UTF8.GetByteCount(text.AsSpan(i, units));
            i += units;
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateHorizontalTextRun(font, glyphs.Length, 0, utf8.Length, null);
        run.SetGlyphs(glyphs);
        run.SetPositions(positions.Select(p => p.X).ToArray());
        run.SetText(utf8);
        run.SetClusters(clusters);
        return builder.Build();
    }
}
