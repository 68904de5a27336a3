using System.Collections.Concurrent;
using System.Globalization;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Navigation;

/// <summary>
/// Takes riders to the nearest open station. The stations are snapped and their opening hours read once; for each
/// distinct set of open stations a <see cref="NearestStationLabelling"/> is built once and then answers every k = 1
/// question by a snap, a lookup and a walk back along its tree. k &gt; 1 runs a forward search from the rider that stops
/// as soon as the k nearest are certain. Thread-safe: queries may run in parallel.
/// </summary>
public sealed class StationNavigator
{
    private const int MaxCachedLabellings = 32;
    private readonly StreetSnapper _snapper;
    private readonly SnapResult[] _snaps;
    private readonly OpeningHours?[] _hours;
    private readonly bool[] _hoursUnreadable;
    private readonly PointArrivals _arrivals;
    private readonly Lazy<StreetGraph> _reversed;
    private readonly ConcurrentDictionary<OpenSet, Lazy<NearestStationLabelling>> _labellings = new();
    private readonly ThreadLocal<TreeSearch> _forward;

    public StationNavigator(StreetSnapper snapper, IReadOnlyList<Station> stations)
    {
        _snapper = snapper;
        Stations = stations;
        var graph = snapper.Graph;
        _snaps = new SnapResult[stations.Count];
        _hours = new OpeningHours?[stations.Count];
        _hoursUnreadable = new bool[stations.Count];
        var unsnapped = new List<(Station, string)>();
        var badHours = new List<(Station, string)>();
        for (int i = 0; i < stations.Count; i++)
        {
            var s = stations[i];
            _snaps[i] = snapper.Snap(s.Geometry.X, s.Geometry.Y);
            if (!_snaps[i].IsSnapped) unsnapped.Add((s, _snaps[i].Reason!));
            if (string.IsNullOrWhiteSpace(s.OpeningHours)) continue;
            try
            {
                _hours[i] = OpeningHours.Parse(s.OpeningHours);
            }
            catch (GeoInputException e)
            {
                _hoursUnreadable[i] = true;
                badHours.Add((s, e.Message));
            }
        }
        Unsnapped = unsnapped;
        UnreadableHours = badHours;
        _arrivals = new PointArrivals(graph, _snaps);
        _reversed = new Lazy<StreetGraph>(graph.Reversed);
        _forward = new ThreadLocal<TreeSearch>(() => new TreeSearch(graph));
    }

    public StreetSnapper Snapper => _snapper;
    public StreetGraph Graph => _snapper.Graph;
    public IReadOnlyList<Station> Stations { get; }

    /// <summary>Stations too far from any usable street, with the reason; they are never offered.</summary>
    public IReadOnlyList<(Station Station, string Reason)> Unsnapped { get; }

    /// <summary>Stations whose opening hours cannot be read, with what is wrong: never taken as open when hours are asked about.</summary>
    public IReadOnlyList<(Station Station, string Problem)> UnreadableHours { get; }

    public SnapResult SnapOf(int station) => _snaps[station];
    public OpeningHours? HoursOf(int station) => _hours[station];

    /// <summary>
    /// Which stations a rider may be sent to at a local time (null: all snapped ones). A station without hours is
    /// always open; one whose hours cannot be read is not.
    /// </summary>
    public bool[] OpenAt(DateTime? at)
    {
        var open = new bool[Stations.Count];
        for (int i = 0; i < open.Length; i++)
        {
            open[i] = _snaps[i].IsSnapped && (at is null || (!_hoursUnreadable[i] && (_hours[i]?.IsOpenAt(at.Value) ?? true)));
        }
        return open;
    }

    /// <summary>The labelling for a set of open stations, built on first use and kept for the next query with the same set.</summary>
    public NearestStationLabelling Labelling(bool[] open)
    {
        var key = new OpenSet(open);
        if (_labellings.Count > MaxCachedLabellings && !_labellings.ContainsKey(key)) _labellings.Clear();
        return _labellings.GetOrAdd(key, k => new Lazy<NearestStationLabelling>(() => new NearestStationLabelling(_reversed.Value, _arrivals, k.Open))).Value;
    }

    public NearestStationsAnswer Nearest(double lon, double lat, NearestStationQuery query) => Nearest(_snapper.Snap(lon, lat), query);

    public NearestStationsAnswer Nearest(SnapResult from, NearestStationQuery query)
    {
        query.Validate();
        if (!from.IsSnapped) return new NearestStationsAnswer(from, query.At, Array.Empty<StationRoute>(), from.Reason, null);
        var open = OpenAt(query.At);
        double limit = query.MaxMinutes * 60;
        var found = query.K == 1 ? NearestByLabelling(from, open, limit) : NearestBySearch(from, open, query.K, limit);
        var routes = found.Select((f, i) => new StationRoute(i + 1, Stations[f.Station], _snaps[f.Station],
            RouteDescription.Describe(Graph, f.Spans, from, _snaps[f.Station], Stations[f.Station].Name ?? Stations[f.Station].Id))).ToList();
        if (routes.Count > 0) return new NearestStationsAnswer(from, query.At, routes, null, null);
        return NoOpenStation(from, query, limit);
    }

    private NearestStationsAnswer NoOpenStation(SnapResult from, NearestStationQuery query, double limit)
    {
        string minutes = query.MaxMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        string profile = Graph.Profile.Name;
        var any = NearestByLabelling(from, OpenAt(null), double.PositiveInfinity);
        if (any.Count == 0)
        {
            return new NearestStationsAnswer(from, query.At, Array.Empty<StationRoute>(),
                $"no station can be reached by {profile} from this point at all (its street is cut off from every station)", null);
        }
        var (station, seconds) = (any[0].Station, any[0].Spans.Sum(s => s.Seconds));
        var s = Stations[station];
        string label = s.Name is null ? s.Id : $"{s.Name} ({s.Id})";
        string away = string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.0} min");
        if (query.At is { } at && seconds <= limit)
        {
            var opens = _hoursUnreadable[station] ? null : _hours[station]?.NextOpening(at);
            string when = _hoursUnreadable[station] ? "its opening hours cannot be read"
                : opens is { } o ? $"it opens {o:yyyy-MM-dd HH:mm}" : "it does not open in the coming week";
            return new NearestStationsAnswer(from, at, Array.Empty<StationRoute>(),
                $"no station is open within {minutes} min by {profile} at {at:yyyy-MM-dd HH:mm}; the nearest, {label}, {away} away, is closed: {when}",
                new ClosedStation(s, seconds, opens));
        }
        return new NearestStationsAnswer(from, query.At, Array.Empty<StationRoute>(),
            $"no {(query.At is null ? "" : "open ")}station within {minutes} min by {profile}; the nearest station, {label}, is {away} away", null);
    }

    private List<(int Station, List<RouteSpan> Spans)> NearestByLabelling(SnapResult from, bool[] open, double limit)
    {
        var labelling = Labelling(open);
        var graph = Graph;
        double best = double.PositiveInfinity;
        SearchSeed? via = null;
        RouteSpan? direct = null;
        int directStation = -1;
        foreach (var seed in from.Seeds(graph))
        {
            double t = seed.Seconds + labelling.SecondsFrom(seed.Vertex);
            if (t < best) (best, via) = (t, seed);
        }
        foreach (int t in _arrivals.OnPiece(from.Piece))
        {
            if (!open[t] || PartialStretch.Direct(graph, from, _snaps[t]) is not { } span || span.Seconds > best) continue;
            if (span.Seconds < best || directStation < 0) (best, direct, directStation) = (span.Seconds, span, t);
        }
        if (best > limit || double.IsPositiveInfinity(best)) return new();
        if (direct is { } d && d.Seconds <= best && directStation >= 0) return new() { (directStation, new List<RouteSpan> { d }) };
        var spans = new List<RouteSpan>();
        var seedUsed = via!.Value;
        if (PartialStretch.Leaving(graph, from, PartialStretch.EndOf(graph, from, seedUsed, towardsPoint: false), seedUsed.Seconds) is { } first) spans.Add(first);
        labelling.AppendRoute(seedUsed.Vertex, spans);
        return new() { (labelling.StationFrom(seedUsed.Vertex), spans) };
    }

    private List<(int Station, List<RouteSpan> Spans)> NearestBySearch(SnapResult from, bool[] open, int k, double limit) =>
        NearestTargets.Find(_forward.Value!, from, _arrivals, t => open[t], k, limit);

    /// <summary>A set of open stations as a dictionary key.</summary>
    private sealed class OpenSet : IEquatable<OpenSet>
    {
        private readonly int _hash;

        public OpenSet(bool[] open)
        {
            Open = open;
            var hash = new HashCode();
            for (int i = 0; i < open.Length; i++) if (open[i]) hash.Add(i);
            _hash = hash.ToHashCode();
        }

        public bool[] Open { get; }
        public bool Equals(OpenSet? other) => other is not null && _hash == other._hash && Open.AsSpan().SequenceEqual(other.Open);
        public override bool Equals(object? obj) => Equals(obj as OpenSet);
        public override int GetHashCode() => _hash;
    }
}
