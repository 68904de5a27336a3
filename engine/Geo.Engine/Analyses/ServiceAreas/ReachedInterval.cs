namespace Geo.Analyses.ServiceAreas;

/// <summary>The stretch of a street piece reached within a break: metres from the piece's start, <c>From &lt; To</c>.</summary>
public readonly record struct ReachedInterval(int Piece, double From, double To)
{
    public double Length => To - From;
}
