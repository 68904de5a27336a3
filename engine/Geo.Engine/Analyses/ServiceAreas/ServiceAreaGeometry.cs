using NetTopologySuite.Geometries;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// Geometry helpers for service areas in graph coordinates (metres): straight-line circles, and overlay results
/// kept polygonal.
/// </summary>
public static class ServiceAreaGeometry
{
    public static readonly GeometryFactory Local = new();

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
