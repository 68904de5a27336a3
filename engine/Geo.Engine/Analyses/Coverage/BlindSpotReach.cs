using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using Geo.Streets.Search;

namespace Geo.Analyses.Coverage;

/// <summary>
/// How far beyond the break a blind spot lies: the travel time between its farthest spot and the station nearest
/// to that spot, in the audit's direction of travel. Along one piece the time to the nearest station is the least of
/// a few straight lines (through either end, or along the piece to a station on it), so its largest value on an
/// interval lies at an end of the interval or where two of those lines cross.
/// </summary>
internal sealed class BlindSpotReach
{
    private readonly StreetGraph _graph;
    private readonly ShortestPathSearch _search;
    private readonly bool _toStation;
    private readonly IReadOnlyList<SnappedStation> _stations;
    private readonly Dictionary<int, List<int>> _onPiece = new();

    /// <param name="search">A finished multi-source search from every station (origin = station index) on <c>graph.SearchGraph(direction)</c>.</param>
    public BlindSpotReach(StreetGraph graph, ShortestPathSearch search, TravelDirection direction, IReadOnlyList<SnappedStation> stations)
    {
        _graph = graph;
        _search = search;
        _toStation = direction == TravelDirection.ToStation;
        _stations = stations;
        for (int j = 0; j < stations.Count; j++)
        {
            int piece = stations[j].Snap.Piece;
            if (!_onPiece.TryGetValue(piece, out var list)) _onPiece[piece] = list = new List<int>();
            list.Add(j);
        }
    }

    /// <summary>
    /// Minutes to the farthest spot of the stretch that has a route to a station, and that station; null when no spot
    /// has one within the search horizon. Pieces with a spot beyond the horizon are counted apart, in metres, so one
    /// one-way street leading out of the data does not hide how far the rest lies.
    /// </summary>
    public (double? Minutes, string? StationId, double NoRouteMeters) Farthest(BlindSpotFinder.Stretch stretch)
    {
        double worst = 0, noRoute = 0;
        int worstStation = -1;
        foreach (var interval in stretch.Intervals)
        {
            var (seconds, station) = Farthest(interval);
            if (!double.IsFinite(seconds)) { noRoute += interval.Length; continue; }
            if (seconds > worst || worstStation < 0) (worst, worstStation) = (seconds, station);
        }
        return worstStation < 0 ? (null, null, noRoute) : (worst / 60, _stations[worstStation].Station.Id, noRoute);
    }

    /// <summary>A line t(x) = At + Slope·x over metres x along the piece, valid on [Lo, Hi], reached by station Origin.</summary>
    private readonly record struct Reach(double At, double Slope, double Lo, double Hi, int Origin)
    {
        public double Seconds(double x) => x >= Lo - 1e-9 && x <= Hi + 1e-9 ? At + Slope * x : double.PositiveInfinity;
    }

    private (double Seconds, int Station) Farthest(ReachedInterval interval)
    {
        var pieces = _graph.Pieces;
        int s = interval.Piece;
        double length = Math.Max(pieces.LengthMeters[s], 1e-9);
        double forward = pieces.ForwardSeconds[s] / length, backward = pieces.BackwardSeconds[s] / length;
        bool twoWay = pieces.CanTravelBackward(s);
        var lines = new List<Reach>(4);
        double atStart = _search.SecondsTo(pieces.FromVertex[s]), atEnd = _search.SecondsTo(pieces.ToVertex[s]);
        if (_toStation)
        {
            // A rider at x rides forwards to the end, or (two-way) backwards to the start.
            if (double.IsFinite(atEnd)) lines.Add(new Reach(atEnd + length * forward, -forward, 0, length, _search.OriginOf(pieces.ToVertex[s])));
            if (twoWay && double.IsFinite(atStart)) lines.Add(new Reach(atStart, backward, 0, length, _search.OriginOf(pieces.FromVertex[s])));
        }
        else
        {
            if (double.IsFinite(atStart)) lines.Add(new Reach(atStart, forward, 0, length, _search.OriginOf(pieces.FromVertex[s])));
            if (twoWay && double.IsFinite(atEnd)) lines.Add(new Reach(atEnd + length * backward, -backward, 0, length, _search.OriginOf(pieces.ToVertex[s])));
        }
        foreach (int j in _onPiece.GetValueOrDefault(s) ?? new List<int>())
        {
            double p = _stations[j].Snap.MetersAlong;
            // Spots before the station's point and spots after it, each only where the one-way rule allows.
            double before = _toStation ? forward : backward, after = _toStation ? backward : forward;
            if (double.IsFinite(before)) lines.Add(new Reach(p * before, -before, 0, p, j));
            if (double.IsFinite(after)) lines.Add(new Reach(-p * after, after, p, length, j));
        }

        var xs = new List<double> { interval.From, interval.To };
        for (int a = 0; a < lines.Count; a++)
        {
            if (lines[a].Lo > interval.From && lines[a].Lo < interval.To) xs.Add(lines[a].Lo);
            if (lines[a].Hi > interval.From && lines[a].Hi < interval.To) xs.Add(lines[a].Hi);
            for (int b = a + 1; b < lines.Count; b++)
            {
                double dSlope = lines[a].Slope - lines[b].Slope;
                if (Math.Abs(dSlope) < 1e-12) continue;
                double x = (lines[b].At - lines[a].At) / dSlope;
                if (x > interval.From && x < interval.To) xs.Add(x);
            }
        }
        double worst = double.NegativeInfinity;
        int station = -1;
        foreach (double x in xs)
        {
            double best = double.PositiveInfinity;
            int origin = -1;
            foreach (var line in lines)
            {
                double t = line.Seconds(x);
                if (t < best) (best, origin) = (t, line.Origin);
            }
            if (best > worst) (worst, station) = (best, origin);
        }
        return (worst, station);
    }
}
