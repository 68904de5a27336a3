using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Triangulate.Polygon;

namespace Geo.Analyses.Coverage;

/// <summary>
/// A unit cut into convex pieces (itself when convex, else its triangles), so the area of a block inside it is the sum
/// of the block's areas inside the pieces it meets: each found by clipping (<see cref="ConvexClip"/>) rather than by
/// an overlay of the block with the whole unit. The pieces' interiors are disjoint, so nothing is counted twice.
/// </summary>
internal sealed class ConvexPieces
{
    private readonly List<(Envelope Box, ConvexClip Clip)> _pieces;
    private readonly STRtree<int>? _index;

    private ConvexPieces(List<(Envelope Box, ConvexClip Clip)> pieces)
    {
        _pieces = pieces;
        if (pieces.Count <= 16) return;
        _index = new STRtree<int>();
        for (int i = 0; i < pieces.Count; i++) _index.Insert(pieces[i].Box, i);
        _index.Build();
    }

    /// <summary>The unit's convex pieces, or null when it cannot be triangulated (it then needs an overlay).</summary>
    public static ConvexPieces? Of(Geometry area)
    {
        if (ConvexClip.For(area) is { } whole) return new ConvexPieces(new() { (area.EnvelopeInternal, whole) });
        Geometry triangles;
        try
        {
            triangles = PolygonTriangulator.Triangulate(area);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NetTopologySuite.Geometries.TopologyException)
        {
            return null;
        }
        var pieces = new List<(Envelope, ConvexClip)>(triangles.NumGeometries);
        double total = 0;
        for (int t = 0; t < triangles.NumGeometries; t++)
        {
            var triangle = triangles.GetGeometryN(t);
            if (ConvexClip.For(triangle) is not { } clip) return null;
            pieces.Add((triangle.EnvelopeInternal, clip));
            total += triangle.Area;
        }
        // A triangulation that does not tile the unit (a ring it could not follow) is not used.
        return Math.Abs(total - area.Area) <= 1e-9 * Math.Max(1, area.Area) ? new ConvexPieces(pieces) : null;
    }

    public double AreaInside(Polygon block)
    {
        var box = block.EnvelopeInternal;
        double area = 0;
        if (_index is null)
        {
            foreach (var (pieceBox, clip) in _pieces) if (pieceBox.Intersects(box)) area += clip.AreaInside(block);
        }
        else
        {
            foreach (int i in _index.Query(box)) area += _pieces[i].Clip.AreaInside(block);
        }
        return area;
    }
}
