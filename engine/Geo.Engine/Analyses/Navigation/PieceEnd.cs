using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Navigation;

/// <summary>Which end of its snapped piece a search seed stands for, so the partial stretch to or from the point can be drawn.</summary>
public enum PieceEnd : byte
{
    Start,
    End,
    /// <summary>The seed is the point itself (a point on a junction): no partial stretch.</summary>
    AtPoint,
}

/// <summary>The partial stretches between a snapped point and the ends of its piece.</summary>
public static class PartialStretch
{
    public static PieceEnd EndOf(StreetGraph graph, SnapResult snap, SearchSeed seed, bool towardsPoint)
    {
        if (snap.AtVertex && seed.Vertex == snap.Vertex) return PieceEnd.AtPoint;
        var pieces = graph.Pieces;
        int from = pieces.FromVertex[snap.Piece], to = pieces.ToVertex[snap.Piece];
        double forward = pieces.ForwardSeconds[snap.Piece], backward = pieces.BackwardSeconds[snap.Piece];
        double toStart = snap.Fraction * (towardsPoint ? forward : backward);
        if (seed.Vertex == from && (from != to || Math.Abs(seed.Seconds - toStart) < 1e-9)) return PieceEnd.Start;
        if (seed.Vertex == to) return PieceEnd.End;
        return PieceEnd.AtPoint;
    }

    /// <summary>From a snapped point out to the end of its piece a seed stands for (the rider's first stretch).</summary>
    public static RouteSpan? Leaving(StreetGraph graph, SnapResult snap, PieceEnd end, double seconds) => end switch
    {
        PieceEnd.Start => new RouteSpan(snap.Piece, snap.MetersAlong, 0, seconds),
        PieceEnd.End => new RouteSpan(snap.Piece, snap.MetersAlong, graph.Pieces.LengthMeters[snap.Piece], seconds),
        _ => null,
    };

    /// <summary>From the end of its piece a seed stands for in to a snapped point (the last stretch to a station).</summary>
    public static RouteSpan? Arriving(StreetGraph graph, SnapResult snap, PieceEnd end, double seconds) => end switch
    {
        PieceEnd.Start => new RouteSpan(snap.Piece, 0, snap.MetersAlong, seconds),
        PieceEnd.End => new RouteSpan(snap.Piece, graph.Pieces.LengthMeters[snap.Piece], snap.MetersAlong, seconds),
        _ => null,
    };

    /// <summary>
    /// Straight along one piece from one snapped point to another, when both lie on it and the profile may travel
    /// that way; null otherwise (the route then leaves the piece through a junction).
    /// </summary>
    public static RouteSpan? Direct(StreetGraph graph, SnapResult from, SnapResult to)
    {
        if (!from.IsSnapped || !to.IsSnapped || from.Piece != to.Piece) return null;
        var pieces = graph.Pieces;
        int p = from.Piece;
        bool forwards = to.Fraction >= from.Fraction;
        if (!forwards && !pieces.CanTravelBackward(p)) return null;
        double seconds = Math.Abs(to.Fraction - from.Fraction) * (forwards ? pieces.ForwardSeconds[p] : pieces.BackwardSeconds[p]);
        return new RouteSpan(p, from.MetersAlong, to.MetersAlong, seconds);
    }

    /// <summary>Where a street edge runs, as a span: forward code c ≥ 0 is piece c from its start, ~c piece c from its end.</summary>
    public static RouteSpan Edge(StreetGraph graph, int forwardSegmentCode, double seconds)
    {
        if (forwardSegmentCode >= 0) return new RouteSpan(forwardSegmentCode, 0, graph.Pieces.LengthMeters[forwardSegmentCode], seconds);
        int p = ~forwardSegmentCode;
        return new RouteSpan(p, graph.Pieces.LengthMeters[p], 0, seconds);
    }
}
