using System.Collections.Concurrent;
using Geo.MapViewer.Session;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;
using NtsFeature = NetTopologySuite.Features.Feature;

namespace Geo.MapViewer.Tiles;

/// <summary>
/// Makes Mapbox vector tiles: per layer (and profile and break where the layer depends on them) an R-tree of the
/// features, then per tile the features meeting it, clipped to the tile plus a small buffer and simplified to the
/// tile's resolution. Made tiles are kept per zoom, x and y, up to <see cref="MaxCachedTiles"/>.
/// </summary>
public sealed class TileCache(ViewerSession session)
{
    public const int MaxZoom = 20;
    public const int MaxCachedTiles = 50_000;
    private const uint Extent = 4096;
    private const double BufferShare = 1.0 / 32;

    private readonly ConcurrentDictionary<(string, string, double), Lazy<STRtree<TileFeature>>> _indexes = new();
    private readonly ConcurrentDictionary<(string, string, double, int, int, int), byte[]> _tiles = new();

    public byte[] Tile(string layer, string profile, double minutes, int z, int x, int y)
    {
        if (TileLayers.IsStatic(layer)) (profile, minutes) = ("", 0);
        var key = (layer, profile, minutes, z, x, y);
        if (_tiles.TryGetValue(key, out var cached)) return cached;
        var bytes = Make(Index(layer, profile, minutes), layer, z, x, y);
        if (_tiles.Count < MaxCachedTiles) _tiles.TryAdd(key, bytes);
        return bytes;
    }

    private STRtree<TileFeature> Index(string layer, string profile, double minutes) =>
        _indexes.GetOrAdd((layer, profile, minutes), key => new Lazy<STRtree<TileFeature>>(() =>
        {
            var tree = new STRtree<TileFeature>();
            foreach (var f in TileLayers.Features(session, key.Item1, key.Item2, key.Item3))
            {
                if (!f.Geometry.IsEmpty) tree.Insert(f.Geometry.EnvelopeInternal, f);
            }
            tree.Build();
            return tree;
        })).Value;

    private static byte[] Make(STRtree<TileFeature> index, string layer, int z, int x, int y)
    {
        var tile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
        double width = tile.Right - tile.Left, height = tile.Top - tile.Bottom;
        var bounds = new Envelope(tile.Left - width * BufferShare, tile.Right + width * BufferShare, tile.Bottom - height * BufferShare, tile.Top + height * BufferShare);
        var clip = new GeometryFactory().ToGeometry(bounds);
        double tolerance = width / Extent / 2;
        var vectorTile = new VectorTile { TileId = tile.Id };
        var output = new Layer { Name = layer };
        foreach (var f in index.Query(bounds))
        {
            if (z < f.MinZoom) continue;
            var geometry = Fit(f.Geometry, bounds, clip, tolerance);
            if (geometry is null || geometry.IsEmpty) continue;
            output.Features.Add(new NtsFeature(geometry, f.Attributes));
        }
        if (output.Features.Count > 0) vectorTile.Layers.Add(output);
        using var stream = new MemoryStream();
        vectorTile.Write(stream, Extent);
        return stream.ToArray();
    }

    private static Geometry? Fit(Geometry geometry, Envelope bounds, Geometry clip, double tolerance)
    {
        if (geometry is Point p) return bounds.Contains(p.Coordinate) ? p : null;
        var simplified = geometry.Dimension == NetTopologySuite.Geometries.Dimension.Surface
            ? TopologyPreservingSimplifier.Simplify(geometry, tolerance)
            : DouglasPeuckerSimplifier.Simplify(geometry, tolerance);
        if (bounds.Contains(simplified.EnvelopeInternal)) return simplified;
        try
        {
            return OverlayNGRobust.Overlay(simplified, clip, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection);
        }
        catch (TopologyException)
        {
            return simplified;
        }
    }
}
