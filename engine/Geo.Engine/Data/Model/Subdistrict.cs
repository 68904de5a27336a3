using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>An administrative area below city level (街道/乡镇, 社区): a valid Polygon or MultiPolygon in EPSG:4326.</summary>
public sealed record Subdistrict(long Id, string Name, int AdminLevel, Geometry Geometry);
