using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>A service station (驿站, 党群服务中心, …): an id unique within its source, a name and a lon/lat point.</summary>
public sealed record Station(string Id, string? Name, Point Geometry);
