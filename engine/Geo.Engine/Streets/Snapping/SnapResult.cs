using Geo.Streets.Search;

namespace Geo.Streets.Snapping;

/// <summary>
/// Where a point joins the street network: a piece, how far along it (metres and fraction), how far the point
/// was from it and on which side. When the point joins at a junction or dead end, <see cref="Vertex"/> names it and
/// the fraction is exactly 0 or 1 of a piece meeting there. When <see cref="IsSnapped"/> is false,
/// <see cref="Reason"/> says why and <see cref="DistanceMeters"/> is the distance to the nearest usable street
/// (+∞ when none was measured).
/// </summary>
public sealed record SnapResult(
    bool IsSnapped,
    int Piece,
    double MetersAlong,
    double Fraction,
    double DistanceMeters,
    double X,
    double Y,
    StreetSide Side,
    string? Reason,
    int Vertex = -1)
{
    public static SnapResult NotSnapped(string reason, double distanceMeters = double.PositiveInfinity) =>
        new(false, -1, 0, 0, distanceMeters, double.NaN, double.NaN, StreetSide.On, reason);

    /// <summary>True when the point joins the network at a junction or dead end rather than part-way along a piece.</summary>
    public bool AtVertex => IsSnapped && Vertex >= 0;

    /// <summary>
    /// The vertices a search starts from: at a junction, the junction itself at 0 s, so the search leaves (or, on the
    /// reversed graph, arrives) by every street the profile may use there; part-way along a piece, the piece's two
    /// ends, each at the travel time from the snapped point, in the directions the profile allows.
    /// <paramref name="towardsPoint"/> gives seeds for a search on the reversed graph (travel times to the point
    /// rather than from it).
    /// </summary>
    public IEnumerable<SearchSeed> Seeds(StreetGraph graph, int origin = 0, bool towardsPoint = false)
    {
        if (!IsSnapped) yield break;
        if (Vertex >= 0)
        {
            yield return new SearchSeed(Vertex, 0, origin);
            yield break;
        }
        var pieces = graph.Pieces;
        bool twoWay = pieces.CanTravelBackward(Piece);
        double forward = pieces.ForwardSeconds[Piece], backward = pieces.BackwardSeconds[Piece];
        // From the point, the start is behind (backward) and the end ahead; towards the point, the other way round.
        if (towardsPoint || twoWay) yield return new SearchSeed(pieces.FromVertex[Piece], Fraction * (towardsPoint ? forward : backward), origin);
        if (!towardsPoint || twoWay) yield return new SearchSeed(pieces.ToVertex[Piece], (1 - Fraction) * (towardsPoint ? backward : forward), origin);
    }

    /// <summary>The seeds for a search in the given direction of travel (on <c>graph.SearchGraph(direction)</c>).</summary>
    public IEnumerable<SearchSeed> Seeds(StreetGraph graph, int origin, TravelDirection direction) =>
        Seeds(graph, origin, towardsPoint: direction == TravelDirection.ToStation);
}
