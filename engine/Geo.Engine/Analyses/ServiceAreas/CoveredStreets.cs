using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// The street intervals some station covers within a break, worked out as service areas do (same searches, same
/// reached intervals, merged) but without drawing polygons: what siting needs to start from the audit's coverage.
/// </summary>
public static class CoveredStreets
{
    public static IReadOnlyList<ReachedInterval> Within(StreetSnapper snapper, IReadOnlyList<Station> stations, double minutes, TravelDirection direction)
    {
        var graph = snapper.Graph;
        var limit = new[] { minutes * 60 };
        var reached = new ReachedInterval[stations.Count][];
        using var workers = new ThreadLocal<(ShortestPathSearch Search, ReachedStreets Streets)>(() =>
            (new ShortestPathSearch(graph.SearchGraph(direction)), new ReachedStreets(graph, direction)));
        Parallel.For(0, stations.Count, i =>
        {
            var snap = snapper.Snap(stations[i].Geometry);
            if (!snap.IsSnapped)
            {
                reached[i] = Array.Empty<ReachedInterval>();
                return;
            }
            var (search, streets) = workers.Value;
            search.Run(snap.Seeds(graph, 0, direction), limit[0]);
            reached[i] = streets.Collect(search, snap, limit)[0];
        });
        return ServiceAreaAnalysis.MergeIntervals(reached.SelectMany(r => r));
    }
}
