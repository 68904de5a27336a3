namespace Geo.Data.Model;

/// <summary>Which travel modes may use a street piece, decided once at import from its OSM tags.</summary>
[Flags]
public enum StreetAccess
{
    None = 0,
    Walk = 1,
    Ebike = 2,
    Car = 4,
}
