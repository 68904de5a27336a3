using Geo.Data.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Geo.Data.Subdistricts;

/// <summary>
/// Refuses an empty subdistrict set and repairs invalid polygons (a bow-tie, a self-touching ring) so point tests
/// mean something, warning with the feature's id; a polygon that cannot be repaired into an area is refused by id.
/// </summary>
public static class SubdistrictCheck
{
    public static IReadOnlyList<Subdistrict> Valid(IReadOnlyList<Subdistrict> subdistricts, string source, ICollection<string> warnings)
    {
        if (subdistricts.Count == 0)
        {
            throw new GeoInputException($"{source} holds no subdistricts: at least one subdistrict polygon is needed");
        }
        var result = new List<Subdistrict>(subdistricts.Count);
        foreach (var d in subdistricts)
        {
            var validity = new IsValidOp(d.Geometry).ValidationError;
            if (validity is null)
            {
                result.Add(d);
                continue;
            }
            var fixedGeometry = GeometryFixer.Fix(d.Geometry);
            var area = Polygonal(fixedGeometry);
            if (area is null || area.IsEmpty || area.Area <= 0)
            {
                throw new GeoInputException(
                    $"{source}: subdistrict {d.Id} '{d.Name}' has an invalid polygon ({validity.Message} at {validity.Coordinate}) that does not repair into an area");
            }
            area.SRID = d.Geometry.SRID;
            warnings.Add($"{source}: subdistrict {d.Id} '{d.Name}' had an invalid polygon ({validity.Message} at {validity.Coordinate}); repaired");
            result.Add(d with { Geometry = area });
        }
        return result;
    }

    private static Geometry? Polygonal(Geometry geometry)
    {
        if (geometry is Polygon or MultiPolygon) return geometry;
        var polygons = PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().ToArray();
        return polygons.Length == 0 ? null : geometry.Factory.CreateMultiPolygon(polygons);
    }
}
