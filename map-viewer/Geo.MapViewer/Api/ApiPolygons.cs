using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;

namespace Geo.MapViewer.Api;

/// <summary>
/// Polygons as the API sends them: simplified within a tolerance in metres (openrouteservice calls it smoothing), so
/// a 15-minute area is a few hundred vertices rather than every cell corner, while staying valid and keeping its holes.
/// </summary>
internal static class ApiPolygons
{
    /// <summary>Metres per degree of latitude; a degree of longitude is never longer, so this bounds the error in metres.</summary>
    private const double MetersPerDegree = 111_320;

    public const double MaxSmoothingMeters = 500;

    /// <summary>The default tolerance: one cell of the profile's drawing grid, which removes the cells' stair steps.</summary>
    public static double DefaultSmoothing(Geo.Streets.StreetGraph graph) =>
        new Geo.Analyses.ServiceAreas.ServiceAreaOptions(new[] { 1.0 }).Cell(graph.Profile.LateralMeters);

    public static double Smoothing(double? meters, Geo.Streets.StreetGraph graph)
    {
        double value = meters ?? DefaultSmoothing(graph);
        if (!double.IsFinite(value) || value < 0 || value > MaxSmoothingMeters)
        {
            throw ApiProblemException.BadRequest(FormattableString.Invariant($"smoothing must be between 0 (exact cell outlines) and {MaxSmoothingMeters} m, got {value}"));
        }
        return value;
    }

    /// <summary>The polygon (lon/lat) simplified so no point moves more than <paramref name="meters"/>; unchanged if simplifying would make it invalid.</summary>
    public static Geometry Simplify(Geometry polygon, double meters)
    {
        if (meters <= 0 || polygon.IsEmpty || polygon.Dimension != Dimension.Surface) return polygon;
        var simplified = TopologyPreservingSimplifier.Simplify(polygon, meters / MetersPerDegree);
        return simplified.IsValid && !simplified.IsEmpty ? simplified : polygon;
    }

    /// <summary>
    /// One location's areas, smallest break first, simplified so each still lies inside the next: the largest is
    /// simplified, and each smaller one is simplified and cut to the simplified area above it.
    /// </summary>
    public static Geometry[] SimplifyNested(IReadOnlyList<Geometry> ascending, double meters)
    {
        var result = new Geometry[ascending.Count];
        Geometry? outer = null;
        for (int i = ascending.Count - 1; i >= 0; i--)
        {
            var simplified = Simplify(ascending[i], meters);
            if (outer is not null && meters > 0 && !simplified.IsEmpty && !outer.IsEmpty && !outer.Covers(simplified))
            {
                simplified = OverlayNGRobust.Overlay(simplified, outer, SpatialFunction.Intersection);
            }
            result[i] = simplified;
            outer = simplified;
        }
        return result;
    }
}
