using Geo.Data.Cache;
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
        var nested = new List<Subdistrict>();
        foreach (var (c, p, lonLat) in NestedCellsCache.Parts(parents, cells, graph, () => Cut(parents, cells, graph)))
        {
            string name = $"{parents[p].Name} {cells[c].Name}";
            nested.Add(new Subdistrict(nested.Count + 1, name, 0, lonLat) { Parent = parents[p].Name, ParentCode = parents[p].Code ?? parents[p].Id });
        }
        return nested;
    }

    /// <summary>Each cell's part in each unit it meets, in cell order and, within a cell, in unit order.</summary>
    internal static IReadOnlyList<NestedPart> Cut(IReadOnlyList<Subdistrict> parents, IReadOnlyList<Subdistrict> cells, StreetGraph graph)
    {
        var parentLocal = parents.Select(p => Valid(graph.ToLocal(p.Geometry))).ToArray();
        var prepared = parentLocal.Select(PreparedGeometryFactory.Prepare).ToArray();
        var index = new STRtree<int>();
        for (int i = 0; i < parentLocal.Length; i++) index.Insert(parentLocal[i].EnvelopeInternal, i);
        index.Build();
        // Each cell's parts worked out on every core (the overlays of cells on a border are most of the time), then
        // put in cell order, as one pass would.
        var parts = new List<NestedPart>[cells.Count];
        Parallel.For(0, cells.Count, c =>
        {
            var local = Valid(graph.ToLocal(cells[c].Geometry));
            var found = parts[c] = new List<NestedPart>();
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
                found.Add(new NestedPart(c, p, lonLat));
            }
        });
        return parts.SelectMany(found => found).ToList();
    }

    /// <summary>Projection can move a valid outline's near-touching rings onto each other; repaired before any overlay.</summary>
    private static Geometry Valid(Geometry local) => local.IsValid ? local : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(local);
}

/// <summary>The part of planning cell <paramref name="Cell"/> inside unit <paramref name="Parent"/> (indices into the lists given), in lon/lat.</summary>
internal readonly record struct NestedPart(int Cell, int Parent, Geometry LonLat);
