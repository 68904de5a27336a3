using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Data.Subdistricts;

/// <summary>
/// Keeps each unit to the part the street data holds (the convex hull of the streets): a unit wholly inside stays
/// as it is, one cut by the data's edge keeps its held part and says how much of it that is, and one outside the
/// data is left out with a note, so no figure counts land the data knows nothing about.
/// </summary>
public static class UnitsWithinData
{
    /// <summary>Units holding less than this share of their area inside the data are left out as outside it.</summary>
    private const double LeastHeldShare = 0.001;

    public static IReadOnlyList<Subdistrict> Clip(IReadOnlyList<Subdistrict> units, StreetGraph graph, ICollection<string> notes)
    {
        var hull = DataHull(graph);
        var kept = new List<Subdistrict>(units.Count);
        var outside = new List<string>();
        foreach (var unit in units)
        {
            var local = Valid(graph.ToLocal(unit.Geometry));
            if (!local.EnvelopeInternal.Intersects(hull.EnvelopeInternal) || !local.Intersects(hull))
            {
                outside.Add(unit.Name);
                continue;
            }
            if (hull.Covers(local))
            {
                kept.Add(unit);
                continue;
            }
            var held = OverlayNGRobust.Overlay(local, hull, SpatialFunction.Intersection);
            double share = held.Area / local.Area;
            if (share > 0.99999)
            {
                kept.Add(unit);
                continue;
            }
            if (share < LeastHeldShare)
            {
                outside.Add(unit.Name);
                continue;
            }
            var lonLat = Polygonal(graph.ToLonLat(held));
            lonLat.SRID = 4326;
            kept.Add(unit with { Geometry = lonLat, HeldShare = share });
            notes.Add($"{unit.Name} is cut by the edge of the street data: its figures are of the {share:P0} of it the data holds");
        }
        if (outside.Count > 0)
        {
            notes.Add($"{outside.Count} unit(s) lie outside the street data and are left out: {string.Join(", ", outside.Take(30))}{(outside.Count > 30 ? ", …" : "")}");
        }
        if (kept.Count == 0) throw new GeoInputException("none of the units lies over the street data: are the boundaries in another CRS (try --input-crs gcj02) or of another city?");
        return kept;
    }

    /// <summary>The convex hull of the street points, graph coordinates.</summary>
    public static Geometry DataHull(StreetGraph graph)
    {
        var points = HullCandidates.Of(graph.Pieces.PointX, graph.Pieces.PointY);
        return new NetTopologySuite.Algorithm.ConvexHull(points, new GeometryFactory()).GetConvexHull();
    }

    private static Geometry Polygonal(Geometry geometry)
    {
        if (geometry is Polygon or MultiPolygon) return geometry;
        var polygons = NetTopologySuite.Geometries.Utilities.PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().ToArray();
        return geometry.Factory.CreateMultiPolygon(polygons);
    }

    /// <summary>Projection can move a valid outline's near-touching rings onto each other; repaired before any overlay.</summary>
    private static Geometry Valid(Geometry local) => local.IsValid ? local : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(local);
}
