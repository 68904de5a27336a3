using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Navigation;

/// <summary>
/// Point-to-point routes and travel matrices over one profile's streets: each source is one forward search that
/// stops when every destination's time is certain, so a matrix row costs one search, not one route per pair.
/// Thread-safe: each thread keeps its own search arrays.
/// </summary>
public sealed class StreetRouting
{
    private readonly StreetSnapper _snapper;
    private readonly ThreadLocal<TreeSearch> _search;

    public StreetRouting(StreetSnapper snapper)
    {
        _snapper = snapper;
        _search = new ThreadLocal<TreeSearch>(() => new TreeSearch(snapper.Graph));
    }

    public StreetSnapper Snapper => _snapper;

    /// <summary>The fastest route from one snapped point to another; null when the second cannot be reached.</summary>
    public StreetRoute? Route(SnapResult from, SnapResult to, string? destination = null)
    {
        var arrivals = new PointArrivals(_snapper.Graph, new[] { to });
        var found = NearestTargets.Find(_search.Value!, from, arrivals, _ => true, 1, double.PositiveInfinity);
        return found.Count == 0 ? null : RouteDescription.Describe(_snapper.Graph, found[0].Spans, from, to, destination);
    }

    public TravelMatrix Matrix(IReadOnlyList<SnapResult> sources, IReadOnlyList<SnapResult> destinations)
    {
        var arrivals = new PointArrivals(_snapper.Graph, destinations);
        var seconds = new double?[sources.Count][];
        var meters = new double?[sources.Count][];
        int reachable = destinations.Count(d => d.IsSnapped);
        for (int i = 0; i < sources.Count; i++)
        {
            seconds[i] = new double?[destinations.Count];
            meters[i] = new double?[destinations.Count];
            if (!sources[i].IsSnapped) continue;
            foreach (var (target, spans) in NearestTargets.Find(_search.Value!, sources[i], arrivals, _ => true, reachable, double.PositiveInfinity))
            {
                seconds[i][target] = spans.Sum(s => s.Seconds);
                meters[i][target] = spans.Sum(s => s.Meters);
            }
        }
        return new TravelMatrix(seconds, meters);
    }
}
