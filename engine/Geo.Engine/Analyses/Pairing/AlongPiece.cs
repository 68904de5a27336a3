using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Travel between a snapped point and another spot of the same street piece without leaving it, which a search
/// between the piece's end junctions cannot see.
/// </summary>
public static class AlongPiece
{
    /// <summary>Seconds from <paramref name="from"/> to the spot at <paramref name="toFraction"/> of <paramref name="piece"/>; +∞ when on another piece or against a one-way.</summary>
    public static double Seconds(StreetPieces pieces, SnapResult from, int piece, double toFraction)
    {
        if (!from.IsSnapped || from.Piece != piece) return double.PositiveInfinity;
        double forward = pieces.ForwardSeconds[piece];
        if (toFraction >= from.Fraction) return (toFraction - from.Fraction) * forward;
        return pieces.CanTravelBackward(piece) ? (from.Fraction - toFraction) * pieces.BackwardSeconds[piece] : double.PositiveInfinity;
    }
}
