using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>
/// One piece of an OSM way between two junctions (or a junction and a dead end), in EPSG:4326.
/// <see cref="Oneway"/> is normalised at import: when true, travel is allowed only from
/// <see cref="FromNodeId"/> to <see cref="ToNodeId"/>, along the geometry's direction.
/// </summary>
public sealed record StreetSegment(
    long WayId,
    long FromNodeId,
    long ToNodeId,
    string Highway,
    string? Name,
    bool Oneway,
    double? MaxSpeedKmh,
    StreetAccess Access,
    LineString Geometry);
