using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>
/// An OSM node, way or relation reduced to a point (areas to an interior point), with the tags used to pick
/// station candidates and demand: amenity, shop, office, building, healthcare.
/// </summary>
public sealed record PointOfInterest(
    long OsmId,
    string OsmType,
    string? Name,
    string? Amenity,
    string? Shop,
    string? Office,
    string? Building,
    string? Healthcare,
    Point Geometry);
