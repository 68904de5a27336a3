using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// An area's ring segments in horizontal bands, each segment listed in every band its height range touches: a point
/// is located by counting crossings (<see cref="RayCrossings"/>) with the few segments of its band, with nothing
/// allocated for it. Read-only once built, so many threads may locate points at once.
/// </summary>
internal sealed class BandedRings
{
    private const int SegmentsPerBand = 4;

    private readonly Envelope _envelope;
    private readonly double _bandHeight;
    private readonly int _bands;
    private readonly int[] _bandStart;
    private readonly Coordinate[] _from, _to;

    public BandedRings(Geometry area)
        : this(area.EnvelopeInternal, Segments(area))
    {
    }

    /// <param name="envelope">The area's envelope.</param>
    /// <param name="segments">Every segment of the area's rings.</param>
    public BandedRings(Envelope envelope, IReadOnlyList<(Coordinate From, Coordinate To)> segments)
    {
        _envelope = envelope;
        int bands = _bands = Math.Max(1, segments.Count / SegmentsPerBand);
        _bandHeight = _envelope.Height > 0 ? _envelope.Height / bands : 1;
        var counts = new int[bands + 1];
        foreach (var (from, to) in segments)
        {
            var (low, high) = BandsOf(from, to);
            for (int b = low; b <= high; b++) counts[b + 1]++;
        }
        for (int b = 0; b < bands; b++) counts[b + 1] += counts[b];
        _bandStart = counts;
        _from = new Coordinate[counts[bands]];
        _to = new Coordinate[counts[bands]];
        var next = counts[..bands];
        foreach (var (from, to) in segments)
        {
            var (low, high) = BandsOf(from, to);
            for (int b = low; b <= high; b++)
            {
                _from[next[b]] = from;
                _to[next[b]++] = to;
            }
        }
    }

    /// <summary>Whether the area covers the point: its interior or its boundary.</summary>
    public bool Covers(Coordinate p) => Locate(p) != Location.Exterior;

    /// <summary>The point's location: <see cref="Location.Interior"/>, <see cref="Location.Boundary"/> or <see cref="Location.Exterior"/>.</summary>
    public Location Locate(Coordinate p)
    {
        if (_envelope.IsNull || !_envelope.Covers(p)) return Location.Exterior;
        int band = Band(p.Y);
        var crossings = new RayCrossings(p);
        for (int k = _bandStart[band]; k < _bandStart[band + 1]; k++)
        {
            crossings.Count(_from[k], _to[k]);
            if (crossings.OnSegment) break;
        }
        return crossings.Location;
    }

    // Rounding is monotone, so a segment spanning y is listed in the band y falls in.
    private (int Low, int High) BandsOf(Coordinate from, Coordinate to) => (Band(Math.Min(from.Y, to.Y)), Band(Math.Max(from.Y, to.Y)));

    private int Band(double y) => (int)Math.Clamp(Math.Floor((y - _envelope.MinY) / _bandHeight), 0, _bands - 1);

    private static List<(Coordinate From, Coordinate To)> Segments(Geometry area)
    {
        var segments = new List<(Coordinate From, Coordinate To)>();
        for (int g = 0; g < area.NumGeometries; g++)
        {
            if (area.GetGeometryN(g) is not Polygon polygon || polygon.IsEmpty) continue;
            foreach (var ring in polygon.InteriorRings.Prepend(polygon.ExteriorRing))
            {
                var c = ring.Coordinates;
                for (int k = 1; k < c.Length; k++) segments.Add((c[k - 1], c[k]));
            }
        }
        return segments;
    }
}
