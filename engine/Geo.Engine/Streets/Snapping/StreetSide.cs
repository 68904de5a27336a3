namespace Geo.Streets.Snapping;

/// <summary>Which side of a street piece a point lies on, looking along the piece's drawn direction.</summary>
public enum StreetSide
{
    On,
    Left,
    Right,
}
