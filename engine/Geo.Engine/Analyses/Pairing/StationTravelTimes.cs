using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Travel times from every station to every subdistrict's reference point: one bounded search per reference point on
/// the reversed graph (times <em>to</em> the point), read at each station's junction seeds. Searches run in parallel,
/// one reusable search per thread.
/// </summary>
public static class StationTravelTimes
{
    /// <summary>seconds[subdistrict, station]; +∞ where the station cannot reach the reference point within the limit.</summary>
    public static double[,] Compute(StreetGraph graph, IReadOnlyList<SnapResult> stations,
        IReadOnlyList<PairingSubdistrict> subdistricts, double limitSeconds)
    {
        var reversed = graph.Reversed();
        var stationSeeds = stations.Select(s => s.Seeds(graph).ToArray()).ToArray();
        var seconds = new double[subdistricts.Count, stations.Count];
        Parallel.For(0, subdistricts.Count, () => new ShortestPathSearch(reversed), (i, _, search) =>
        {
            var reference = subdistricts[i].ReferenceSnap;
            if (!reference.IsSnapped)
            {
                for (int j = 0; j < stations.Count; j++) seconds[i, j] = double.PositiveInfinity;
                return search;
            }
            search.Run(reference.Seeds(reversed, 0, towardsPoint: true), limitSeconds);
            for (int j = 0; j < stations.Count; j++)
            {
                double best = AlongPiece.Seconds(graph.Pieces, stations[j], reference.Piece, reference.Fraction);
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
