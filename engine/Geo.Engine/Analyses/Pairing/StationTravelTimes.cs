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
public static class StationTravelTimes
{
    /// <summary>seconds[subdistrict, station]; +∞ where the two are not joined within the limit.</summary>
    public static double[,] Compute(StreetGraph graph, IReadOnlyList<SnapResult> stations,
        IReadOnlyList<PairingSubdistrict> subdistricts, double limitSeconds, TravelDirection direction = TravelDirection.ToStation)
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
            search.Run(reference.Seeds(graph, 0, towardsPoint: !toStation), limitSeconds);
            for (int j = 0; j < stations.Count; j++)
            {
                double best = toStation
                    ? (stations[j].IsSnapped ? AlongPiece.Seconds(graph.Pieces, reference, stations[j].Piece, stations[j].Fraction) : double.PositiveInfinity)
                    : AlongPiece.Seconds(graph.Pieces, stations[j], reference.Piece, reference.Fraction);
                foreach (var seed in stationSeeds[j])
                {
                    best = Math.Min(best, seed.Seconds + search.SecondsTo(seed.Vertex));
                }
                seconds[i, j] = best <= limitSeconds ? best : double.PositiveInfinity;
            }
            return search;
        }, _ => { });
        return seconds;
    }
}
