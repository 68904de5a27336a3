using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Finds the subdistricts covering a point (in the subdistricts' own coordinates: the graph's metres for pairing,
/// lon/lat for the audit): an STRtree of their envelopes narrows the
/// candidates, prepared geometries answer the point test. A point within the tolerance of a boundary counts as
/// covered by that subdistrict too, so a station drawn on a shared border is seen on both sides.
/// </summary>
public sealed class SubdistrictLocator
{
    private readonly IReadOnlyList<Geometry> _metric;
    private readonly IPreparedGeometry[] _prepared;
    private readonly STRtree<int> _index = new();
    private readonly double _tolerance;

    public SubdistrictLocator(IReadOnlyList<Geometry> metric, double toleranceMeters)
    {
        _metric = metric;
        _tolerance = toleranceMeters;
        _prepared = new IPreparedGeometry[metric.Count];
        for (int i = 0; i < metric.Count; i++)
        {
            _prepared[i] = PreparedGeometryFactory.Prepare(metric[i]);
            _index.Insert(metric[i].EnvelopeInternal, i);
        }
        _index.Build();
    }

    public IPreparedGeometry Prepared(int subdistrict) => _prepared[subdistrict];

    /// <summary>The lowest index of a subdistrict covering the point, or -1 when none does.</summary>
    public int First(Point point) => Covering(point) is [var first, ..] ? first : -1;

    /// <summary>The indices of the subdistricts covering the point, in ascending order.</summary>
    public List<int> Covering(Point metricPoint)
    {
        var window = new Envelope(metricPoint.Coordinate);
        window.ExpandBy(_tolerance);
        var result = new List<int>();
        foreach (int i in _index.Query(window))
        {
            if (_prepared[i].Covers(metricPoint) || (_tolerance > 0 && _metric[i].IsWithinDistance(metricPoint, _tolerance)))
            {
                result.Add(i);
            }
        }
        result.Sort();
        return result;
    }
}
