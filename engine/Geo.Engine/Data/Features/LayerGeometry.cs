using NetTopologySuite.Geometries;

namespace Geo.Data.Features;

/// <summary>Checks a feature's geometry against its layer's declared kind before any store writes it.</summary>
public static class LayerGeometry
{
    /// <summary>
    /// A geometry's extent, worked out afresh for a line rather than kept on it: a city's 600,000 streets would each
    /// keep one for as long as the dataset lives.
    /// </summary>
    public static Envelope Extent(Geometry geometry)
    {
        var extent = new Envelope();
        ExpandExtent(extent, geometry);
        return extent;
    }

    /// <summary>Grows <paramref name="extent"/> to take in the geometry, a line's from its points without keeping one on it.</summary>
    public static void ExpandExtent(Envelope extent, Geometry geometry)
    {
        if (geometry is LineString line) line.CoordinateSequence.ExpandEnvelope(extent);
        else extent.ExpandToInclude(geometry.EnvelopeInternal);
    }

    /// <summary>The geometry as the layer stores it (a Polygon in a MultiPolygon layer becomes a one-part MultiPolygon).</summary>
    public static Geometry Conform(FeatureLayer layer, int index)
    {
        var geometry = layer.GeometryAt(index);
        if (geometry is null || geometry.IsEmpty)
        {
            throw new GeoInputException($"layer '{layer.Name}' feature {index + 1}: empty or missing geometry");
        }
        var conformed = (layer.GeometryKind, geometry) switch
        {
            (GeometryKind.Geometry, _) => geometry,
            (GeometryKind.Point, Point) => geometry,
            (GeometryKind.LineString, LineString) => geometry,
            (GeometryKind.Polygon, Polygon) => geometry,
            (GeometryKind.MultiPolygon, MultiPolygon) => geometry,
            (GeometryKind.MultiPolygon, Polygon p) => geometry.Factory.CreateMultiPolygon(new[] { p }),
            (GeometryKind.MultiLineString, MultiLineString) => geometry,
            (GeometryKind.MultiLineString, LineString l) => geometry.Factory.CreateMultiLineString(new[] { l }),
            _ => throw new GeoInputException(
                $"layer '{layer.Name}' feature {index + 1}: a {geometry.GeometryType} in a {layer.GeometryKind} layer"),
        };
        // Setting a CRS looks up a geometry factory: only where it differs.
        if (conformed.SRID != layer.Srid) conformed.SRID = layer.Srid;
        return conformed;
    }

    public static string SqlTypeName(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => "POINT",
        GeometryKind.LineString => "LINESTRING",
        GeometryKind.Polygon => "POLYGON",
        GeometryKind.MultiPolygon => "MULTIPOLYGON",
        GeometryKind.MultiLineString => "MULTILINESTRING",
        _ => "GEOMETRY",
    };

    public static GeometryKind FromSqlTypeName(string name) => name.ToUpperInvariant() switch
    {
        "POINT" => GeometryKind.Point,
        "LINESTRING" => GeometryKind.LineString,
        "POLYGON" => GeometryKind.Polygon,
        "MULTIPOLYGON" => GeometryKind.MultiPolygon,
        "MULTILINESTRING" => GeometryKind.MultiLineString,
        _ => GeometryKind.Geometry,
    };
}
