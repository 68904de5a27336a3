using Geo.Streets;
using Geo.Streets.Search;

namespace Geo.Analyses.Navigation;

/// <summary>
/// For every junction, the travel time to the nearest of a set of stations and the way there, from one multi-source
/// search out of all those stations on the reversed graph (riders travel to the station, so one-ways count in their
/// direction). Its shortest-path tree, walked from a junction, is the route to that junction's nearest station.
/// Read-only once built; shared by every query asking with the same set of open stations.
/// </summary>
public sealed class NearestStationLabelling
{
    private readonly TreeSearch _tree;
    private readonly StreetGraph _reversed;
    private readonly PointArrivals _arrivals;

    public NearestStationLabelling(StreetGraph reversed, PointArrivals arrivals, IReadOnlyList<bool> open)
    {
        _reversed = reversed;
        _arrivals = arrivals;
        _tree = new TreeSearch(reversed);
        _tree.Start(Seeds(arrivals, open), double.PositiveInfinity);
        _tree.RunAll();
    }

    /// <summary>Travel time from a junction to its nearest station, +∞ where none can be reached.</summary>
    public double SecondsFrom(int vertex) => _tree.SecondsTo(vertex);

    /// <summary>The arrival (see <see cref="PointArrivals"/>) the route from a junction ends with; -1 where none is reached.</summary>
    public int ArrivalFrom(int vertex)
    {
        if (double.IsPositiveInfinity(_tree.SecondsTo(vertex))) return -1;
        int v = vertex;
        while (_tree.ParentVertex(v) >= 0) v = _tree.ParentVertex(v);
        return _tree.Seeds[-_tree.ParentVertex(v) - 1].Origin;
    }

    /// <summary>The nearest station (target index of <see cref="PointArrivals"/>) from a junction; -1 where none is reached.</summary>
    public int StationFrom(int vertex)
    {
        int arrival = ArrivalFrom(vertex);
        return arrival < 0 ? -1 : _arrivals.Target(arrival);
    }

    /// <summary>The stretches from a junction to its nearest station's snapped point, in travel order.</summary>
    public void AppendRoute(int vertex, List<RouteSpan> spans)
    {
        int v = vertex;
        while (_tree.ParentVertex(v) >= 0)
        {
            int e = _tree.ParentEdge(v);
            spans.Add(PartialStretch.Edge(_reversed, ~_reversed.EdgeSegment[e], _reversed.EdgeSeconds[e]));
            v = _tree.ParentVertex(v);
        }
        int arrival = _tree.Seeds[-_tree.ParentVertex(v) - 1].Origin;
        if (_arrivals.LastStretch(arrival) is { } last) spans.Add(last);
    }

    private static IEnumerable<SearchSeed> Seeds(PointArrivals arrivals, IReadOnlyList<bool> open)
    {
        foreach (int v in arrivals.Vertices)
        {
            var (first, end) = arrivals.From(v);
            for (int a = first; a < end; a++)
            {
                if (open[arrivals.Target(a)]) yield return new SearchSeed(v, arrivals.Seconds(a), a);
            }
        }
    }
}
