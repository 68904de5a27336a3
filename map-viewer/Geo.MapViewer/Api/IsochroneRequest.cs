namespace Geo.MapViewer.Api;

/// <summary>
/// An isochrone request, named like openrouteservice's: <c>locations</c> as [lon, lat] pairs, <c>range</c> in seconds
/// (ascending breaks), <c>range_type</c> "time". <c>mode</c> is "network" (along the streets, the default) or
/// "circle" (straight-line circles at the profile's speed).
/// </summary>
public sealed record IsochroneRequest(double[][]? Locations, string? Profile = null, double[]? Range = null, string? RangeType = null, string? Mode = null);
