using System.Globalization;
using Geo.Analyses.Reach;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Reach;

/// <summary>
/// Runs the engine from one origin and compares it with <see cref="ReferenceNetwork"/>: the junctions <c>reach</c>
/// lists and their times, the street length of the service area, and the times towards the origin on the reversed
/// graph with the street length reached that way (the default direction of service areas, the audit, pairing and siting). Collects every disagreement rather than stopping at the first.
/// </summary>
internal sealed class ReferenceComparison
{
    /// <summary>Times may differ by this much (float edge costs against the reference's doubles).</summary>
    public const double SecondsTolerance = 0.01;

    private readonly StreetGraph _graph, _reversed;
    private readonly StreetSnapper _snapper;
    private readonly ShortestPathSearch _search, _reversedSearch;
    private readonly ReachedStreets _reached, _reachedTowards;

    public ReferenceComparison(StreetGraph graph)
    {
        _graph = graph;
        _reversed = graph.SearchGraph(TravelDirection.ToStation);
        _snapper = new StreetSnapper(graph);
        _search = new ShortestPathSearch(graph);
        _reversedSearch = new ShortestPathSearch(_reversed);
        _reached = new ReachedStreets(graph, TravelDirection.FromStation);
        _reachedTowards = new ReachedStreets(graph, TravelDirection.ToStation);
        Reference = new ReferenceNetwork(graph);
    }

    public ReferenceNetwork Reference { get; }
    public StreetSnapper Snapper => _snapper;
    public List<string> Failures { get; } = new();
    public int Compared { get; private set; }

    /// <summary>The exact lon/lat of a junction as the street layer stores it (not the graph's float copy).</summary>
    public (double Lon, double Lat) JunctionLonLat(int node)
    {
        if (_junctionLonLat is null)
        {
            _junctionLonLat = new();
            foreach (var street in _graph.Pieces.Source)
            {
                _junctionLonLat.TryAdd(street.FromNodeId, (street.Geometry.StartPoint.X, street.Geometry.StartPoint.Y));
                _junctionLonLat.TryAdd(street.ToNodeId, (street.Geometry.EndPoint.X, street.Geometry.EndPoint.Y));
            }
        }
        return _junctionLonLat[Reference.OsmId(node)];
    }

    private Dictionary<long, (double, double)>? _junctionLonLat;

    /// <summary>A point in graph metres as lon/lat.</summary>
    public (double Lon, double Lat) LonLat(double x, double y) => _graph.Projection.Unproject(_graph.OriginX + x, _graph.OriginY + y);

    /// <summary>The point along a piece of the reference at a distance from its start, in graph metres.</summary>
    public (double X, double Y) Along(int piece, double meters)
    {
        var p = Reference.Pieces[piece];
        double walked = 0;
        for (int i = 0; i + 1 < p.X.Length; i++)
        {
            double dx = p.X[i + 1] - p.X[i], dy = p.Y[i + 1] - p.Y[i], len = Math.Sqrt(dx * dx + dy * dy);
            if (walked + len >= meters && len > 0) return (p.X[i] + (meters - walked) / len * dx, p.Y[i] + (meters - walked) / len * dy);
            walked += len;
        }
        return (p.X[^1], p.Y[^1]);
    }

    /// <summary>Compares everything from an origin the reference places at <paramref name="start"/>.</summary>
    public void From(string label, double lon, double lat, ReferenceNetwork.Start start, double minutes)
    {
        Compared++;
        string where = string.Create(CultureInfo.InvariantCulture, $"{label} ({lon:0.0000000}, {lat:0.0000000}), {minutes:0.##} min");
        double limit = minutes * 60;
        if (start.Distance > _snapper.MaxDistanceMeters)
        {
            var refused = _snapper.Snap(lon, lat);
            if (refused.IsSnapped) Failures.Add($"{where}: snapped although the nearest street is {start.Distance:0.0} m away");
            else if (Math.Abs(refused.DistanceMeters - start.Distance) > 1e-6)
                Failures.Add($"{where}: unsnapped distance {refused.DistanceMeters:0.000} m, nearest street {start.Distance:0.000} m");
            return;
        }

        var reach = Reachability.From(_snapper, lon, lat, minutes, _search);
        if (Math.Abs(reach.Origin.DistanceMeters - start.Distance) > 1e-3)
            Failures.Add($"{where}: snapped {reach.Origin.DistanceMeters:0.0000} m away, nearest street {start.Distance:0.0000} m");
        var expected = Reference.Dijkstra(start, limit);
        var found = reach.Vertices.ToDictionary(v => v.OsmNodeId, v => v.Seconds);
        for (int n = 0; n < Reference.NodeCount; n++)
        {
            long id = Reference.OsmId(n);
            bool reached = found.TryGetValue(id, out double seconds);
            if (!reached) seconds = double.PositiveInfinity;
            Check(where, "reach", id, seconds, expected[n], limit);
        }

        double meters = _reached.Collect(_search, reach.Origin, new[] { limit })[0].Sum(i => i.Length);
        double expectedMeters = Reference.StreetMeters(start, expected, limit);
        if (Math.Abs(meters - expectedMeters) > 0.05 + 1e-6 * expectedMeters)
            Failures.Add($"{where}: service area from the point {meters / 1000:0.00000} street km, reference {expectedMeters / 1000:0.00000}");

        _reversedSearch.Run(reach.Origin.Seeds(_reversed, 0, towardsPoint: true), limit);
        var towards = Reference.Dijkstra(start, limit, towardsStart: true);
        for (int v = 0; v < _reversed.VertexCount; v++)
        {
            Check(where, "towards", _reversed.VertexOsmId[v], _reversedSearch.SecondsTo(v), towards[Reference.NodeOf(_reversed.VertexOsmId[v])], limit);
        }
        double towardsMeters = _reachedTowards.Collect(_reversedSearch, reach.Origin, new[] { limit })[0].Sum(i => i.Length);
        double expectedTowards = Reference.StreetMeters(start, towards, limit, towardsStart: true);
        if (Math.Abs(towardsMeters - expectedTowards) > 0.05 + 1e-6 * expectedTowards)
            Failures.Add($"{where}: service area towards the point {towardsMeters / 1000:0.00000} street km, reference {expectedTowards / 1000:0.00000}");
    }

    private void Check(string where, string what, long osmId, double seconds, double expected, double limit)
    {
        if (double.IsFinite(seconds) && double.IsFinite(expected))
        {
            if (Math.Abs(seconds - expected) > SecondsTolerance) Failures.Add($"{where}: {what} node {osmId} at {seconds:0.000} s, reference {expected:0.000} s");
        }
        else if (double.IsFinite(seconds) != double.IsFinite(expected))
        {
            // Only a junction right at the limit may fall on either side of it.
            double time = double.IsFinite(seconds) ? seconds : expected;
            if (limit - time > SecondsTolerance) Failures.Add($"{where}: {what} node {osmId} {(double.IsFinite(seconds) ? "reached" : "missed")}, reference {(double.IsFinite(expected) ? expected.ToString("0.000", CultureInfo.InvariantCulture) : "unreached")}");
        }
    }

    /// <summary>Fails with the first disagreements, if any.</summary>
    public void AssertAgreed()
    {
        Assert.True(Compared > 0, "nothing was compared");
        Assert.True(Failures.Count == 0, $"{Failures.Count} disagreements over {Compared} origins:\n" + string.Join("\n", Failures.Take(15)));
    }
}
