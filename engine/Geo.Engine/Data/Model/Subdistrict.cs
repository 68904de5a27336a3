using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>
/// An area coverage is reported by: a district (区/县), a 街道/乡镇, a 社区 or a planning cell (网格); a valid
/// Polygon or MultiPolygon in EPSG:4326.
/// </summary>
public sealed record Subdistrict(long Id, string Name, int AdminLevel, Geometry Geometry)
{
    /// <summary>The statistical area code (统计用区划代码) and its parent's, when the source has them.</summary>
    public long? Code { get; init; }

    public long? ParentCode { get; init; }

    /// <summary>The unit this one lies in (a planning cell's district), when reporting nests.</summary>
    public string? Parent { get; init; }

    /// <summary>The share of the unit's area the street data covers: 1 for a whole unit, less for one cut by the data's edge.</summary>
    public double HeldShare { get; init; } = 1;

    public bool IsPartial => HeldShare < 0.995;
}
