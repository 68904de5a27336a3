using Geo.Analyses;
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
/// tile's resolution. Indexes and made tiles are kept in the session's cache, within its budget.
/// </summary>
public sealed class TileCache(ViewerSession session)
{
    public const int MaxZoom = 20;
    private const uint Extent = 4096;
    private const double BufferShare = 1.0 / 32;
    // An index entry: the R-tree slot, the tile feature and its attribute table.
    private const long IndexEntryBytes = 320;

    public byte[] Tile(string layer, string profile, double minutes, int z, int x, int y, CancellationToken cancellation = default)
    {
        if (TileLayers.IsStatic(layer)) (profile, minutes) = ("", 0);
        return session.Cache.GetOrAdd(("tile", layer, profile, minutes, z, x, y), c => Make(Index(layer, profile, minutes, c), layer, z, x, y),
            tile => tile.LongLength + IndexEntryBytes, cancellation);
    }

    /// <summary>
    /// A layer's R-tree. It counts the geometry it holds, since it keeps that alive after the audit it came from is
    /// dropped; the base map's layers (streets, stations) do not depend on the request and are kept.
    /// </summary>
    private STRtree<TileFeature> Index(string layer, string profile, double minutes, CancellationToken cancellation) =>
        session.Cache.GetOrAdd(("tile-index", layer, profile, minutes), c =>
        {
            var tree = new STRtree<TileFeature>();
            foreach (var f in TileLayers.Features(session, layer, profile, minutes, c))
            {
                if (!f.Geometry.IsEmpty) tree.Insert(f.Geometry.EnvelopeInternal, f);
            }
            tree.Build();
            return tree;
        }, tree => TileLayers.IsStatic(layer)
            ? IndexEntryBytes * tree.Count
            : tree.Query(new Envelope(-180, 180, -90, 90)).Sum(f => IndexEntryBytes + ResultSizes.Of(f.Geometry)),
        cancellation, pin: TileLayers.IsStatic(layer));

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
        vectorTile.Write(stream, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent, Extent);
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
