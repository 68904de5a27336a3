using Geo.Coordinates;
using Geo.Data.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Data.Synthetic;

/// <summary>
/// Real boundaries as a synthetic city's subdistricts: each unit cut to the city's square keeps its name, id and
/// codes, so city-scale runs report by real 街道 names. The city is centred on the frame's small (dense, urban) units.
/// </summary>
public static class SyntheticFrame
{
    /// <summary>The centre of the smaller half of the units by area: in a city those are the dense central 街道.</summary>
    public static (double Lon, double Lat) Centre(IReadOnlyList<Subdistrict> frame)
    {
        if (frame.Count == 0) throw new GeoInputException("the frame holds no boundaries");
        var projection = LocalProjection.For(Extent(frame));
        var areas = frame.Select(u => projection.Project(u.Geometry).Area).OrderBy(a => a).ToList();
        double median = areas[(areas.Count - 1) / 2];
        double x = 0, y = 0, total = 0;
        foreach (var unit in frame)
        {
            var local = projection.Project(unit.Geometry);
            if (local.Area > median) continue;
            var c = local.Centroid;
            x += c.X * local.Area;
            y += c.Y * local.Area;
            total += local.Area;
        }
        return projection.Unproject(x / total, y / total);
    }

    public static Subdistrict[] Within(IReadOnlyList<Subdistrict> frame, LocalProjection plane, Envelope city)
    {
        var square = new GeometryFactory().ToGeometry(city);
        var result = new List<Subdistrict>();
        foreach (var unit in frame)
        {
            var local = plane.Project(unit.Geometry);
            if (!local.EnvelopeInternal.Intersects(city)) continue;
            var part = OverlayNGRobust.Overlay(local, square, SpatialFunction.Intersection);
            var polygons = NetTopologySuite.Geometries.Utilities.PolygonExtracter.GetPolygons(part).Cast<Polygon>().Where(p => p.Area > 1).ToArray();
            if (polygons.Length == 0) continue;
            var lonLat = plane.Unproject(polygons.Length == 1 ? polygons[0] : part.Factory.CreateMultiPolygon(polygons));
            lonLat = NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(lonLat, new PrecisionModel(1e8));
            lonLat.SRID = 4326;
            result.Add(unit with { Geometry = lonLat, HeldShare = part.Area / local.Area });
        }
        if (result.Count == 0) throw new GeoInputException("the frame does not overlap the synthetic city: give --centre inside it");
        return result.ToArray();
    }

    private static Envelope Extent(IReadOnlyList<Subdistrict> frame)
    {
        var extent = new Envelope();
        foreach (var unit in frame) extent.ExpandToInclude(unit.Geometry.EnvelopeInternal);
        return extent;
    }
}
