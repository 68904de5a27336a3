using Geo.Rendering.Maps;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Geo.Tests.Rendering;

public class MapCanvasTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Random streets in a small lon/lat box: crossing, overlapping, sharing ends, some of one segment, some multi-part.</summary>
    private static List<Geometry> RandomStreets(int seed)
    {
        var random = new Random(seed);
        Coordinate Near(Coordinate? from) => from is null
            ? new Coordinate(104 + random.NextDouble() * 0.05, 30.6 + random.NextDouble() * 0.04)
            : new Coordinate(from.X + (random.NextDouble() - 0.5) * 0.004, from.Y + (random.NextDouble() - 0.5) * 0.004);
        var streets = new List<Geometry>();
        Coordinate? shared = null;
        for (int s = 0; s < 3000; s++)
        {
            var points = new Coordinate[random.Next(2, 6)];
            points[0] = random.Next(3) == 0 && shared is not null ? shared.Copy() : Near(null);
            for (int i = 1; i < points.Length; i++) points[i] = Near(points[i - 1]);
            shared = points[^1];
            var line = Wgs84.CreateLineString(points);
            streets.Add(random.Next(10) == 0 ? Wgs84.CreateMultiLineString(new[] { line, Wgs84.CreateLineString(new[] { Near(null), Near(null) }) }) : line);
            if (random.Next(20) == 0) streets.Add(line.Copy());
        }
        return streets;
    }

    private static SKColor[] Drawn(IReadOnlyList<Geometry> streets, Action<MapCanvas, IReadOnlyList<Geometry>, SKPaint> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(700, 500));
        surface.Canvas.Clear(SKColors.White);
        var map = new MapCanvas(surface.Canvas, new Envelope(104, 104.05, 30.6, 30.64), new SKRect(10, 10, 690, 490));
        using var paint = CoverageMap.StreetPaint();
        draw(map, streets, paint);
        using var image = surface.Snapshot();
        using var bitmap = SKBitmap.FromImage(image);
        return bitmap.Pixels;
    }

    [Fact]
    public void DrawAll_streetsWithTheMapsStreetPaint_givesThePixelsOfDrawingEachAlone()
    {
        for (int seed = 0; seed < 3; seed++)
        {
            var streets = RandomStreets(seed);

            var each = Drawn(streets, (map, all, paint) => { foreach (var s in all) map.Draw(s, paint); });
            var together = Drawn(streets, (map, all, paint) => map.DrawAll(all, paint));

            Assert.Contains(each, p => p != SKColors.White);
            int differing = Enumerable.Range(0, each.Length).Count(i => each[i] != together[i]);
            Assert.True(differing == 0, $"seed {seed}: {differing} pixels differ");
        }
    }
}
