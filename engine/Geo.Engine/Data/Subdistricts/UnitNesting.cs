using Geo.Data.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Geo.Data.Subdistricts;

/// <summary>
/// Nests units in their parents by statistical area code (统计用区划代码): a 12-digit code's first six digits are its
/// county-level unit (区/县), so 街道 and 乡镇 group into districts without a district layer, each district's
/// outline the union of its members.
/// </summary>
public static class UnitNesting
{
    public sealed record ParentUnit(long Code, IReadOnlyList<Subdistrict> Members, Geometry Outline);

    /// <summary>The county-level code (区/县) a 12-digit township-level code lies in.</summary>
    public static long CountyCodeOf(long code)
    {
        if (code is < 100_000_000_000 or > 999_999_999_999) throw new GeoInputException($"area code {code} is not a 12-digit statistical area code");
        return code / 1_000_000 * 1_000_000;
    }

    /// <summary>Groups units by their parent code (or, without one, the county part of their own code).</summary>
    public static IReadOnlyList<ParentUnit> ByParentCode(IReadOnlyList<Subdistrict> units)
    {
        var groups = new Dictionary<long, List<Subdistrict>>();
        foreach (var unit in units)
        {
            long parent = unit.ParentCode ?? (unit.Code is { } code ? CountyCodeOf(code) : throw new GeoInputException($"unit {unit.Id} '{unit.Name}' has neither a code nor a parent code to nest it by"));
            if (unit.Code is { } own && CountyCodeOf(own) != parent)
            {
                throw new GeoInputException($"unit {unit.Id} '{unit.Name}': code {own} does not lie in its parent {parent}");
            }
            if (!groups.TryGetValue(parent, out var list)) groups[parent] = list = new List<Subdistrict>();
            list.Add(unit);
        }
        return groups.OrderBy(g => g.Key)
            .Select(g => new ParentUnit(g.Key, g.Value, UnaryUnionOp.Union(g.Value.Select(u => u.Geometry).ToList()) ?? new GeometryFactory().CreateMultiPolygon()))
            .ToList();
    }
}
