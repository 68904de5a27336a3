using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// Widens reached street line work into polygons, in graph coordinates (metres). A buffer of the lines, not a hull:
/// blocks the streets do not enter stay holes.
/// </summary>
public static class ServiceAreaGeometry
{
    public static readonly GeometryFactory Local = new();

    private static readonly BufferParameters Widening = new()
    {
        QuadrantSegments = 3,
        EndCapStyle = EndCapStyle.Round,
        JoinStyle = JoinStyle.Round,
    };

    public static MultiLineString Lines(StreetPieces pieces, IEnumerable<ReachedInterval> intervals)
    {
        var lines = new List<LineString>();
        foreach (var interval in intervals)
        {
            var points = pieces.Between(interval.Piece, interval.From, interval.To);
            var coords = new Coordinate[points.Count];
            for (int i = 0; i < coords.Length; i++) coords[i] = new Coordinate(points[i].X, points[i].Y);
            if (coords.Length >= 2) lines.Add(Local.CreateLineString(coords));
        }
        return Local.CreateMultiLineString(lines.ToArray());
    }

    public static Geometry Widen(Geometry lines, double lateralMeters) =>
        lines.IsEmpty ? Local.CreatePolygon() : BufferOp.Buffer(lines, lateralMeters, Widening);

    public static Geometry Circle(double x, double y, double radiusMeters) =>
        Local.CreatePoint(new Coordinate(x, y)).Buffer(radiusMeters, 16);

    /// <summary>A (Multi)Polygon, or an empty MultiPolygon, whatever an overlay returned.</summary>
    public static Geometry Polygonal(Geometry geometry)
    {
        if (geometry is Polygon or MultiPolygon) return geometry;
        var polygons = new List<Polygon>();
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon p && !p.IsEmpty) polygons.Add(p);
            else if (geometry.GetGeometryN(i) is MultiPolygon mp) for (int k = 0; k < mp.NumGeometries; k++) polygons.Add((Polygon)mp.GetGeometryN(k));
        }
        return Local.CreateMultiPolygon(polygons.ToArray());
    }
}
