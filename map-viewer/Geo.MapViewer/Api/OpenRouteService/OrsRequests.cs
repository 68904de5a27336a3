using System.Text.Json;

namespace Geo.MapViewer.Api.OpenRouteService;

/// <summary>
/// Request bodies as openrouteservice's v2 API documents them. Fields Geo accepts but does not act on (smoothing,
/// attributes, elevation …) are listed so that clients sending them are not refused; fields that would change the
/// answer in ways Geo does not offer are refused by the endpoints with a reason.
/// </summary>
public sealed record OrsIsochroneRequest(
    double[][]? Locations,
    double[]? Range = null,
    string? RangeType = null,
    double? Interval = null,
    string? LocationType = null,
    string[]? Attributes = null,
    string? Units = null,
    string? AreaUnits = null,
    double? Smoothing = null,
    bool? Intersections = null,
    string? Id = null);

public sealed record OrsDirectionsRequest(
    double[][]? Coordinates,
    bool? Instructions = null,
    string? Language = null,
    string? Units = null,
    bool? Geometry = null,
    bool? Elevation = null,
    string? Preference = null,
    string? InstructionsFormat = null,
    bool? GeometrySimplify = null,
    bool? Maneuvers = null,
    double[]? Radiuses = null,
    string? Id = null);

public sealed record OrsMatrixRequest(
    double[][]? Locations,
    JsonElement? Sources = null,
    JsonElement? Destinations = null,
    string[]? Metrics = null,
    string? Units = null,
    bool? ResolveLocations = null,
    string? Id = null);
