namespace Geo.Analyses.Navigation;

/// <summary>What a rider does where a route passes from one street to the next, read from the streets' geometry.</summary>
public enum Turn
{
    Depart,
    Straight,
    Left,
    Right,
    UTurn,
    Arrive,
}
