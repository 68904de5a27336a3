namespace Geo.Analyses.Navigation;

/// <summary>
/// One stretch of a route along a street piece, in travel order: from <paramref name="FromMeters"/> to
/// <paramref name="ToMeters"/> along the piece's drawn direction (ToMeters &lt; FromMeters when travelled backwards).
/// </summary>
public readonly record struct RouteSpan(int Piece, double FromMeters, double ToMeters, double Seconds)
{
    public double Meters => Math.Abs(ToMeters - FromMeters);
}
