using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>
/// A service station (驿站, 党群服务中心, …): an id unique within its source, a name, a lon/lat point and, when known, its
/// opening hours as OSM writes them (<c>Mo-Fr 08:00-20:00; Sa,Su 09:00-18:00</c>).
/// </summary>
public sealed record Station(string Id, string? Name, Point Geometry, string? OpeningHours = null);
