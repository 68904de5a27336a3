using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Operation.Union;

namespace Geo.Data.Osm;

/// <summary>
/// Builds the area of an OSM multipolygon or boundary relation from its member ways: outer rings minus inner rings.
/// A relation whose rings do not close (members missing from the extract, or dangling ends) yields a reason instead.
/// </summary>
internal static class RingAssembler
{
    public static (Geometry? Area, string? Problem) Assemble(
        GeometryFactory factory, IReadOnlyList<Coordinate[]> outerLines, IReadOnlyList<Coordinate[]> innerLines, int missingMembers)
    {
        string missing = missingMembers > 0 ? $"{missingMembers} member way(s) are missing from the extract and the " : "";
        if (outerLines.Count == 0) return (null, missing + "no outer member ways");
        var (outer, outerProblem) = Polygonize(factory, outerLines);
        if (outer is null) return (null, missing + "outer " + outerProblem);
        Geometry area = outer;
        if (innerLines.Count > 0)
        {
            var (inner, innerProblem) = Polygonize(factory, innerLines);
            if (inner is null) return (null, missing + "inner " + innerProblem);
            area = outer.Difference(inner);
        }
        if (!area.IsValid) area = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(area);
        area = area is Polygon or MultiPolygon ? area : PolygonalPart(factory, area);
        return area.IsEmpty ? (null, "rings enclose no area") : (area, null);
    }

    private static (Geometry? Area, string? Problem) Polygonize(GeometryFactory factory, IReadOnlyList<Coordinate[]> lines)
    {
        var polygonizer = new Polygonizer(extractOnlyPolygonal: true);
        var noded = factory.CreateMultiLineString(lines.Where(l => l.Length >= 2).Select(l => factory.CreateLineString(l)).ToArray()).Union();
        polygonizer.Add(noded);
        var polygons = polygonizer.GetPolygons();
        int dangles = polygonizer.GetDangles().Count + polygonizer.GetCutEdges().Count;
        if (polygons.Count == 0) return (null, "rings do not close");
        if (dangles > 0) return (null, $"rings do not close ({dangles} open end(s))");
        return (CascadedPolygonUnion.Union(polygons.ToArray()), null);
    }

    private static Geometry PolygonalPart(GeometryFactory factory, Geometry geometry)
    {
        var polygons = new List<Polygon>();
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon p && !p.IsEmpty) polygons.Add(p);
        }
        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons.ToArray());
    }
}
