using Geo.Streets.Search;

namespace Geo.Streets.Snapping;

/// <summary>
/// Where a point joins the street network: a piece, how far along it (metres and fraction), how far the point
/// was from it and on which side. When <see cref="IsSnapped"/> is false, <see cref="Reason"/> says why.
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
    string? Reason)
{
    public static SnapResult NotSnapped(string reason) =>
        new(false, -1, 0, 0, double.PositiveInfinity, double.NaN, double.NaN, StreetSide.On, reason);

    /// <summary>
    /// The vertices a search starts from: the piece's two ends, each at the travel time from the snapped point,
    /// in the directions the profile allows. <paramref name="towardsPoint"/> gives seeds for a search on the
    /// reversed graph (travel times to the point rather than from it).
    /// </summary>
    public IEnumerable<SearchSeed> Seeds(StreetGraph graph, int origin, TravelDirection direction) =>
        Seeds(graph, origin, towardsPoint: direction == TravelDirection.ToStation);

    public IEnumerable<SearchSeed> Seeds(StreetGraph graph, int origin = 0, bool towardsPoint = false)
    {
        if (!IsSnapped) yield break;
        var pieces = graph.Pieces;
        double forward = pieces.ForwardSeconds[Piece];
        bool twoWay = pieces.CanTravelBackward(Piece);
        double toStart = Fraction * forward, toEnd = (1 - Fraction) * forward;
        bool startReachable = towardsPoint || twoWay || Fraction == 0;
        bool endReachable = !towardsPoint || twoWay || Fraction == 1;
        if (startReachable) yield return new SearchSeed(pieces.FromVertex[Piece], toStart, origin);
        if (endReachable) yield return new SearchSeed(pieces.ToVertex[Piece], toEnd, origin);
    }
}
