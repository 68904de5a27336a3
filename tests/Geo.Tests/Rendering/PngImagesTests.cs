using Geo.Rendering.Maps;
using SkiaSharp;

namespace Geo.Tests.Rendering;

public class PngImagesTests
{
    [Theory]
    [InlineData(1, 640, 480)]
    [InlineData(2, 1, 1)]
    [InlineData(3, 333, 17)]
    public void Encode_drawnImage_decodesToEveryPixelAsDrawn(int seed, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        DrawLikeAMap(surface.Canvas, new Random(seed), width, height);
        using var image = surface.Snapshot();
        using var drawn = SKBitmap.FromImage(image);

        var png = PngImages.Encode(image);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (decoded.GetPixel(x, y) != drawn.GetPixel(x, y)) Assert.Fail($"pixel ({x}, {y}): {decoded.GetPixel(x, y)} decoded, {drawn.GetPixel(x, y)} drawn");
            }
        }
    }

    [Fact]
    public void Encode_imageWithNoPixelsInMemory_saysSo()
    {
        using var recorder = new SKPictureRecorder();
        recorder.BeginRecording(new SKRect(0, 0, 10, 10)).DrawColor(SKColors.Red);
        using var picture = recorder.EndRecording();
        using var lazy = SKImage.FromPicture(picture, new SKSizeI(10, 10));

        var error = Assert.Throws<ArgumentException>(() => PngImages.Encode(lazy));
        Assert.Contains("no pixels in memory", error.Message);
    }

    /// <summary>A white ground, filled polygons with see-through colours, anti-aliased lines and a little text.</summary>
    private static void DrawLikeAMap(SKCanvas canvas, Random random, int width, int height)
    {
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true };
        for (int i = 0; i < 40; i++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(60, 256));
            paint.Style = i % 3 == 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill;
            paint.StrokeWidth = 1 + random.Next(4);
            using var path = new SKPath();
            path.MoveTo(random.Next(width), random.Next(height));
            for (int k = 0; k < 5; k++) path.LineTo(random.Next(width), random.Next(height));
            path.Close();
            canvas.DrawPath(path, paint);
        }
        using var font = new SKFont { Size = 14 };
        paint.Color = SKColors.Black;
        paint.Style = SKPaintStyle.Fill;
        canvas.DrawText("15-minute coverage", 5, Math.Min(height, 20), font, paint);
    }
}
