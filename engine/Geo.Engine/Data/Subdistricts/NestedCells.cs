using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Data.Subdistricts;

/// <summary>
/// Planning cells (网格) inside real units: the square cells over the streets cut by each unit's boundary, so a
/// report goes district → its cells. A cell straddling two districts becomes one cell in each, named after both.
/// </summary>
public static class NestedCells
{
    public static IReadOnlyList<Subdistrict> Within(IReadOnlyList<Subdistrict> parents, IReadOnlyList<Subdistrict> cells, StreetGraph graph)
    {
        var parentLocal = parents.Select(p => Valid(graph.ToLocal(p.Geometry))).ToArray();
        var prepared = parentLocal.Select(PreparedGeometryFactory.Prepare).ToArray();
        var index = new STRtree<int>();
        for (int i = 0; i < parentLocal.Length; i++) index.Insert(parentLocal[i].EnvelopeInternal, i);
        index.Build();
        // Each cell's parts worked out on every core (the overlays of cells on a border are most of the time), then
        // numbered in cell order, parent by parent, as one pass would.
        var parts = new List<(int Parent, Geometry LonLat)>[cells.Count];
        Parallel.For(0, cells.Count, c =>
        {
            var local = Valid(graph.ToLocal(cells[c].Geometry));
            var found = parts[c] = new List<(int, Geometry)>();
            foreach (int p in index.Query(local.EnvelopeInternal).Order())
            {
                Geometry part;
                if (prepared[p].Contains(local)) part = local;
                else if (prepared[p].Intersects(local)) part = OverlayNGRobust.Overlay(local, parentLocal[p], SpatialFunction.Intersection);
                else continue;
                var polygons = NetTopologySuite.Geometries.Utilities.PolygonExtracter.GetPolygons(part).Cast<Polygon>().Where(x => x.Area > 1).ToArray();
                if (polygons.Length == 0) continue;
                var lonLat = graph.ToLonLat(polygons.Length == 1 ? polygons[0] : part.Factory.CreateMultiPolygon(polygons));
                lonLat.SRID = 4326;
                found.Add((p, lonLat));
            }
        });
        var nested = new List<Subdistrict>();
        for (int c = 0; c < cells.Count; c++)
        {
            foreach (var (p, lonLat) in parts[c])
            {
                string name = $"{parents[p].Name} {cells[c].Name}";
                nested.Add(new Subdistrict(nested.Count + 1, name, 0, lonLat) { Parent = parents[p].Name, ParentCode = parents[p].Code ?? parents[p].Id });
            }
        }
        return nested;
    }

    /// <summary>Projection can move a valid outline's near-touching rings onto each other; repaired before any overlay.</summary>
    private static Geometry Valid(Geometry local) => local.IsValid ? local : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(local);
}
