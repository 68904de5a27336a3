using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Which of a set of areas covers a point (its interior or its boundary), for hundreds of thousands of points on every
/// core at once. Each area's ring segments are kept in horizontal bands, and a point counts ray crossings with the
/// segments of its band only, by the exact crossing rules of NetTopologySuite's point-in-area locators
/// (<see cref="BandedRings"/>), so the answer is theirs; unlike a prepared geometry, nothing is built on first use, so
/// the threads share one index without taking a lock per point.
/// </summary>
public sealed class CoveringAreaIndex
{
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
}
