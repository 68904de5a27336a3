using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The city's coverage cut to one window at a time (a unit's envelope). A window no coverage boundary comes near is
/// wholly covered or wholly not, told by its centre; only windows the boundary crosses need an overlay. An overlay of
/// the whole coverage with a window it contains would otherwise index the entire coverage to locate the window's
/// edges, once per window. Read-only once built, so windows may be cut on many threads.
/// </summary>
internal sealed class CoverageWindows
{
    /// <summary>Boundary segments are indexed in runs of this many: a window near a run is overlaid.</summary>
    private const int SegmentsPerRun = 16;

    private readonly Geometry _coverage;
    private readonly EnvelopeGrid _runs;
    private readonly IndexedPointInAreaLocator _locator;

    public CoverageWindows(Geometry coverage)
    {
        _coverage = coverage;
        _locator = new IndexedPointInAreaLocator(coverage);
        var (minX, minY, maxX, maxY) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (int g = 0; g < coverage.NumGeometries; g++)
        {
            if (coverage.GetGeometryN(g) is not Polygon polygon || polygon.IsEmpty) continue;
            foreach (var ring in polygon.InteriorRings.Prepend(polygon.ExteriorRing))
            {
                var c = ring.CoordinateSequence;
                for (int start = 0; start + 1 < c.Count; start += SegmentsPerRun)
                {
                    var run = new Envelope();
                    for (int k = start; k <= Math.Min(start + SegmentsPerRun, c.Count - 1); k++) run.ExpandToInclude(c.GetX(k), c.GetY(k));
                    minX.Add(run.MinX); minY.Add(run.MinY); maxX.Add(run.MaxX); maxY.Add(run.MaxY);
                }
            }
        }
        _runs = new EnvelopeGrid(minX.ToArray(), minY.ToArray(), maxX.ToArray(), maxY.ToArray());
    }

    /// <summary>The coverage inside the window, as a (Multi)Polygon.</summary>
    public Geometry Clip(Envelope window)
    {
        if (_coverage.IsEmpty) return _coverage;
        var near = new List<int>();
        _runs.Within(window.MinX, window.MinY, window.MaxX, window.MaxY, near);
        var box = ServiceAreaGeometry.Local.ToGeometry(window);
        if (near.Count > 0) return ServiceAreaGeometry.Polygonal(OverlayNGRobust.Overlay(_coverage, box, SpatialFunction.Intersection));
        return _locator.Locate(window.Centre) == Location.Interior ? box : ServiceAreaGeometry.Local.CreateMultiPolygon();
    }
}
