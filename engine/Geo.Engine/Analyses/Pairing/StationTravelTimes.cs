using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Travel times between every station and every subdistrict's reference point, in the chosen direction: one bounded
/// search per reference point (on the graph for times from the point to the stations, on the reversed graph for
/// times from the stations to it), read at each station's junction seeds. Searches run in parallel, one reusable
/// search per thread.
/// </summary>
/// <remarks>
/// A pairing without a cap needs only a few entries per subdistrict: its own stations' times, or its nearest
/// station's when it has none. Given those, each search starts at a short limit and doubles it until they are
/// settled: a 60-minute search of a whole city for each subdistrict is mostly wasted. An entry within the limit a
/// search stopped at is the same number the full search gives (Dijkstra settles those vertices with the same sums).
/// </remarks>
public static class StationTravelTimes
{
    /// <summary>The first limit tried when only some entries are needed.</summary>
    public const double FirstLimitSeconds = 10 * 60;

    /// <summary>
    /// seconds[subdistrict, station]; +∞ where the two are not joined within the limit. With <paramref name="needed"/>,
    /// row i is exact for the stations needed[i] lists (for its nearest stations when the list is empty) and may hold
    /// +∞ for farther ones; without it, every entry is exact.
    /// </summary>
    public static double[,] Compute(StreetGraph graph, IReadOnlyList<SnapResult> stations,
        IReadOnlyList<PairingSubdistrict> subdistricts, double limitSeconds, TravelDirection direction = TravelDirection.ToStation,
        IReadOnlyList<IReadOnlyList<int>>? needed = null)
    {
        bool toStation = direction == TravelDirection.ToStation;
        // Riders travel from the reference point to the station: search forwards from the point, and finish each
        // station's trip along its own piece. The other way: search the reversed graph from the point.
        var searchGraph = graph.SearchGraph(toStation ? TravelDirection.FromStation : TravelDirection.ToStation);
        var stationSeeds = stations.Select(s => s.Seeds(graph, 0, towardsPoint: toStation).ToArray()).ToArray();
        var seconds = new double[subdistricts.Count, stations.Count];
        Parallel.For(0, subdistricts.Count, () => new ShortestPathSearch(searchGraph), (i, _, search) =>
        {
            var reference = subdistricts[i].ReferenceSnap;
            if (!reference.IsSnapped)
            {
                for (int j = 0; j < stations.Count; j++) seconds[i, j] = double.PositiveInfinity;
                return search;
            }
            for (double limit = needed is null ? limitSeconds : Math.Min(FirstLimitSeconds, limitSeconds); ; limit = Math.Min(2 * limit, limitSeconds))
            {
                search.Run(reference.Seeds(graph, 0, towardsPoint: !toStation), limit);
                for (int j = 0; j < stations.Count; j++)
                {
                    double best = toStation
                        ? (stations[j].IsSnapped ? AlongPiece.Seconds(graph.Pieces, reference, stations[j].Piece, stations[j].Fraction) : double.PositiveInfinity)
                        : AlongPiece.Seconds(graph.Pieces, stations[j], reference.Piece, reference.Fraction);
                    foreach (var seed in stationSeeds[j])
                    {
                        best = Math.Min(best, seed.Seconds + search.SecondsTo(seed.Vertex));
                    }
                    seconds[i, j] = best <= limit ? best : double.PositiveInfinity;
                }
                if (limit >= limitSeconds || Settles(seconds, i, needed![i], stations)) return search;
            }
        }, _ => { });
        return seconds;
    }

    /// <summary>
    /// Whether a row found within a shorter limit already holds what is needed: a time for every listed station that
    /// can have one (a station off the streets never does), or with none listed, a time for any station at all (the
    /// nearest are then within the limit, ties included).
    /// </summary>
    private static bool Settles(double[,] seconds, int row, IReadOnlyList<int> needed, IReadOnlyList<SnapResult> stations)
    {
        if (needed.Count == 0)
        {
            for (int j = 0; j < stations.Count; j++) if (double.IsFinite(seconds[row, j])) return true;
            return false;
        }
        foreach (int j in needed) if (stations[j].IsSnapped && !double.IsFinite(seconds[row, j])) return false;
        return true;
    }
}
