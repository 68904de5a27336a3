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
/// A window the boundary crosses is overlaid with the coverage less its holes far from the window: the overlay would
/// skip those holes (they lie outside its clipping envelope) but still index them to label the window's edges, which
/// for a city's coverage of hundreds of holes was most of the cost. The result is the same geometry, vertex for vertex.
/// </summary>
internal sealed class CoverageWindows
{
    /// <summary>Boundary segments are indexed in runs of this many: a window near a run is overlaid.</summary>
    private const int SegmentsPerRun = 16;

    private readonly Geometry _coverage;
    private readonly EnvelopeGrid _runs;
    private readonly IndexedPointInAreaLocator _locator;

    /// <summary>Every hole as (its polygon, its place among the polygon's holes), indexed by envelope in <see cref="_holeIndex"/>.</summary>
    private readonly (int Polygon, int Hole)[] _holes;
    private readonly EnvelopeGrid _holeIndex;
    private readonly double _longestSegment;

    public CoverageWindows(Geometry coverage)
    {
        _coverage = coverage;
        _locator = new IndexedPointInAreaLocator(coverage);
        var (minX, minY, maxX, maxY) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var holes = new List<(int, int)>();
        var holeEnvelopes = new List<Envelope>();
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
                for (int k = 0; k + 1 < c.Count; k++)
                {
                    _longestSegment = Math.Max(_longestSegment, Math.Max(Math.Abs(c.GetX(k + 1) - c.GetX(k)), Math.Abs(c.GetY(k + 1) - c.GetY(k))));
                }
            }
            for (int h = 0; h < polygon.NumInteriorRings; h++)
            {
                // Envelopes worked out here, once: the rings are shared by the windows' geometries on many threads.
                holes.Add((g, h));
                holeEnvelopes.Add(polygon.GetInteriorRingN(h).EnvelopeInternal);
            }
            _ = polygon.ExteriorRing.EnvelopeInternal;
            _ = polygon.EnvelopeInternal;
        }
        _ = coverage.EnvelopeInternal;
        _runs = new EnvelopeGrid(minX.ToArray(), minY.ToArray(), maxX.ToArray(), maxY.ToArray());
        _holes = holes.ToArray();
        _holeIndex = EnvelopeGrid.Of(holeEnvelopes);
    }

    /// <summary>The coverage inside the window, as a (Multi)Polygon.</summary>
    public Geometry Clip(Envelope window)
    {
        if (_coverage.IsEmpty) return _coverage;
        var near = new List<int>();
        _runs.Within(window.MinX, window.MinY, window.MaxX, window.MaxY, near);
        var box = ServiceAreaGeometry.Local.ToGeometry(window);
        if (near.Count > 0) return ServiceAreaGeometry.Polygonal(OverlayNGRobust.Overlay(WithHolesNear(window), box, SpatialFunction.Intersection));
        return _locator.Locate(window.Centre) == Location.Interior ? box : ServiceAreaGeometry.Local.CreateMultiPolygon();
    }

    /// <summary>
    /// The coverage with every shell but only the holes that could reach the overlay's clipping envelope: the window
    /// grown by a tenth of its size (the overlay's safety margin), then by the longest segment (a segment crossing
    /// it widens the envelope by at most its length), then by a tenth again: about a quarter of the window and 1.2
    /// segments, here half the window and two segments. The shells stay, so the coverage's envelope, and with it the
    /// overlay's, is unchanged; a hole left out meets neither.
    /// </summary>
    internal Geometry WithHolesNear(Envelope window)
    {
        if (_holes.Length == 0 || _coverage is not (Polygon or MultiPolygon)) return _coverage;
        double margin = 2 * _longestSegment + 0.5 * Math.Max(window.Width, window.Height) + 1;
        var near = new List<int>();
        _holeIndex.Within(window.MinX - margin, window.MinY - margin, window.MaxX + margin, window.MaxY + margin, near);
        if (near.Count == _holes.Length) return _coverage;
        near.Sort();
        var kept = new List<LinearRing>[_coverage.NumGeometries];
        foreach (int i in near) (kept[_holes[i].Polygon] ??= new List<LinearRing>()).Add((LinearRing)((Polygon)_coverage.GetGeometryN(_holes[i].Polygon)).GetInteriorRingN(_holes[i].Hole));
        var factory = _coverage.Factory;
        var polygons = new Polygon[_coverage.NumGeometries];
        for (int g = 0; g < polygons.Length; g++)
        {
            var polygon = (Polygon)_coverage.GetGeometryN(g);
            polygons[g] = polygon.NumInteriorRings == (kept[g]?.Count ?? 0) ? polygon
                : factory.CreatePolygon(polygon.Shell, kept[g]?.ToArray() ?? Array.Empty<LinearRing>());
        }
        return _coverage is Polygon ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }
}
