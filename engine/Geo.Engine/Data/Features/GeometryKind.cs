namespace Geo.Data.Features;

/// <summary>The geometry column type a layer declares, as GeoPackage and PostGIS name them.</summary>
public enum GeometryKind
{
    Point,
    LineString,
    Polygon,
    MultiPolygon,
    MultiLineString,
    Geometry,
}
