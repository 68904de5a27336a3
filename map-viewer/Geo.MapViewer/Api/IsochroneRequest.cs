namespace Geo.MapViewer.Api;

/// <summary>
/// An isochrone request, named like openrouteservice's: <c>locations</c> as [lon, lat] pairs, <c>range</c> in seconds
/// (ascending breaks), <c>range_type</c> "time". <c>mode</c> is "network" (along the streets, the default) or
/// "circle" (straight-line circles at the profile's speed). <c>smoothing</c> is the simplification tolerance of the
/// polygons in metres (0: exact cell outlines; default one cell).
/// </summary>
public sealed record IsochroneRequest(double[][]? Locations, string? Profile = null, double[]? Range = null, string? RangeType = null, string? Mode = null,
    double? Smoothing = null);
