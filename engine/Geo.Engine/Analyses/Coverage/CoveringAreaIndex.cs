using Geo.Streets;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Which of a set of areas covers a point (its interior or its boundary), for hundreds of thousands of points on every
/// core at once. Each area's ring segments are kept in horizontal bands, and a point counts ray crossings with the
/// segments of its band only, with the same exact crossing counter as NetTopologySuite's point-in-area locators, so
/// the answer is theirs; unlike a prepared geometry, nothing is built on first use, so the threads share one index
/// without taking a lock per point.
/// </summary>
public sealed class CoveringAreaIndex
{
    private const int SegmentsPerBand = 4;
    private readonly BandedRings?[] _areas;
    // The areas' envelopes in a flat grid (NetTopologySuite's tree took most of the time of a lookup), item k being
    // area _indexed[k]: empty areas are left out.
    private readonly EnvelopeGrid _envelopes;
    private readonly int[] _indexed;
    [ThreadStatic] private static List<int>? t_found;

    public CoveringAreaIndex(IReadOnlyList<Geometry> areas)
    {
        _areas = new BandedRings?[areas.Count];
        var indexed = new List<int>();
        var envelopes = new List<Envelope>();
        for (int i = 0; i < areas.Count; i++)
        {
            if (areas[i].IsEmpty) continue;
            _areas[i] = new BandedRings(areas[i]);
            indexed.Add(i);
            envelopes.Add(areas[i].EnvelopeInternal);
        }
        _envelopes = EnvelopeGrid.Of(envelopes);
        _indexed = indexed.ToArray();
    }

    /// <summary>How many areas were given (empty ones included): the indices run from 0 to Count - 1.</summary>
    public int Count => _areas.Length;

    /// <summary>The lowest index of an area covering (x, y), or -1 when none does.</summary>
    public int First(double x, double y)
    {
        var point = new Coordinate(x, y);
        var found = t_found ??= new List<int>();
        _envelopes.Within(x, y, x, y, found);
        int first = -1;
        foreach (int k in found)
        {
            int i = _indexed[k];
            if ((first < 0 || i < first) && _areas[i]!.Covers(point)) first = i;
        }
        return first;
    }

    /// <summary>One area's ring segments, each listed in every band its height range touches.</summary>
    private sealed class BandedRings
    {
        private readonly Envelope _envelope;
        private readonly double _bandHeight;
        private readonly int _bands;
        private readonly int[] _bandStart;
        private readonly Coordinate[] _from, _to;

        public BandedRings(Geometry area)
        {
            _envelope = area.EnvelopeInternal;
            var segments = new List<(Coordinate From, Coordinate To)>();
            foreach (var ring in Rings(area))
            {
                var c = ring.Coordinates;
                for (int k = 1; k < c.Length; k++) segments.Add((c[k - 1], c[k]));
            }
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

        public bool Covers(Coordinate p)
        {
            if (!_envelope.Covers(p)) return false;
            int band = Band(p.Y);
            var counter = new RayCrossingCounter(p);
            for (int k = _bandStart[band]; k < _bandStart[band + 1]; k++)
            {
                counter.CountSegment(_from[k], _to[k]);
                if (counter.IsOnSegment) return true;
            }
            return counter.Location != Location.Exterior;
        }

        // Rounding is monotone, so a segment spanning y is listed in the band y falls in.
        private (int Low, int High) BandsOf(Coordinate from, Coordinate to) => (Band(Math.Min(from.Y, to.Y)), Band(Math.Max(from.Y, to.Y)));

        private int Band(double y) => (int)Math.Clamp(Math.Floor((y - _envelope.MinY) / _bandHeight), 0, _bands - 1);

        private static IEnumerable<LineString> Rings(Geometry area)
        {
            for (int g = 0; g < area.NumGeometries; g++)
            {
                if (area.GetGeometryN(g) is not Polygon polygon || polygon.IsEmpty) continue;
                yield return polygon.ExteriorRing;
                foreach (var hole in polygon.InteriorRings) yield return hole;
            }
        }
    }
}
