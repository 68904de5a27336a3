using NetTopologySuite.Geometries;
using Geo.Rendering.Text;
using SkiaSharp;

namespace Geo.Rendering.Maps;

/// <summary>
/// A lon/lat extent drawn onto a SkiaSharp canvas: an equirectangular view scaled by cos(latitude), true to
/// within a fraction of a percent across a city, with helpers for lines, polygons (holes kept) and map furniture.
/// </summary>
public sealed class MapCanvas
{
    private readonly double _scale, _left, _top, _cosLat;

    public MapCanvas(SKCanvas canvas, Envelope extent, SKRect frame)
    {
        Canvas = canvas;
        Frame = frame;
        _cosLat = Math.Cos((extent.MinY + extent.MaxY) / 2 * Math.PI / 180);
        double w = extent.Width * _cosLat, h = extent.Height;
        _scale = Math.Min(frame.Width / w, frame.Height / h);
        _left = frame.Left + (frame.Width - w * _scale) / 2 - extent.MinX * _cosLat * _scale;
        _top = frame.Top + (frame.Height - h * _scale) / 2 + extent.MaxY * _scale;
    }

    public SKCanvas Canvas { get; }
    public SKRect Frame { get; }

    /// <summary>Metres per pixel, for the scale bar.</summary>
    public double MetresPerPixel => 111_320 / _scale;

    public SKPoint Point(double lon, double lat) => new((float)(_left + lon * _cosLat * _scale), (float)(_top - lat * _scale));

    public void Draw(Geometry geometry, SKPaint paint) => DrawAll(new[] { geometry }, paint);

    /// <summary>
    /// Draws many geometries as one path: a city's hundreds of thousands of streets drawn one path each spent most of
    /// a map's time in making and handing over the paths.
    /// </summary>
    public void DrawAll(IEnumerable<Geometry> geometries, SKPaint paint)
    {
        using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        foreach (var geometry in geometries) Add(builder, geometry);
        using var path = builder.Detach();
        Canvas.DrawPath(path, paint);
    }

    private void Add(SKPathBuilder path, Geometry geometry)
    {
        switch (geometry)
        {
            case Polygon p:
                Ring(path, p.ExteriorRing, close: true);
                foreach (var hole in p.InteriorRings) Ring(path, hole, close: true);
                break;
            case LineString l:
                Ring(path, l, close: false);
                break;
            case Point pt:
                path.AddCircle(Point(pt.X, pt.Y).X, Point(pt.X, pt.Y).Y, 1);
                break;
            default:
                for (int i = 0; i < geometry.NumGeometries; i++) Add(path, geometry.GetGeometryN(i));
                break;
        }
    }

    private void Ring(SKPathBuilder path, LineString line, bool close)
    {
        var seq = line.CoordinateSequence;
        if (seq.Count == 0) return;
        path.MoveTo(Point(seq.GetX(0), seq.GetY(0)));
        for (int i = 1; i < seq.Count; i++) path.LineTo(Point(seq.GetX(i), seq.GetY(i)));
        if (close) path.Close();
    }

    public static SKTypeface Typeface { get; } =
        SKFontManager.Default.MatchCharacter("Noto Sans CJK SC", '街') ?? SKTypeface.FromFamilyName("Noto Sans CJK SC") ?? SKTypeface.Default;

    public static SKFont Font(float size) => new(Typeface, size);

    /// <summary>A scale bar of a round length, bottom left of the frame.</summary>
    public void ScaleBar(SKPaint ink, SKFont font)
    {
        double target = MetresPerPixel * Frame.Width / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        double metres = new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).Last(m => m <= target);
        float px = (float)(metres / MetresPerPixel), x = Frame.Left + 20, y = Frame.Bottom - 24;
        Canvas.DrawRect(x, y, px, 6, ink);
        string label = metres >= 1000 ? $"{metres / 1000:0.#} km" : $"{metres:0} m";
        Canvas.DrawSearchable(label, x, y - 6, SKTextAlign.Left, font, ink);
    }

    public void NorthArrow(SKPaint ink, SKFont font)
    {
        float x = Frame.Right - 40, y = Frame.Top + 30;
        using var builder = new SKPathBuilder();
        builder.MoveTo(x, y);
        builder.LineTo(x - 10, y + 30);
        builder.LineTo(x, y + 22);
        builder.LineTo(x + 10, y + 30);
        builder.Close();
        using var arrow = builder.Detach();
        Canvas.DrawPath(arrow, ink);
        Canvas.DrawSearchable("N", x, y - 6, SKTextAlign.Center, font, ink);
    }
}
