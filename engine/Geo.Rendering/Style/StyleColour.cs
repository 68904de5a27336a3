using System.Globalization;
using SkiaSharp;

namespace Geo.Rendering.Style;

/// <summary>A colour of the style, usable by SkiaSharp (PNG, PDF) and as CSS (the viewer).</summary>
public readonly record struct StyleColour(byte R, byte G, byte B, double Alpha = 1)
{
    public SKColor Sk => new(R, G, B, (byte)Math.Round(Alpha * 255));

    public StyleColour WithAlpha(double alpha) => this with { Alpha = alpha };

    public string Css => Alpha >= 1
        ? $"#{R:x2}{G:x2}{B:x2}"
        : string.Create(CultureInfo.InvariantCulture, $"rgba({R}, {G}, {B}, {Alpha:0.##})");
}
