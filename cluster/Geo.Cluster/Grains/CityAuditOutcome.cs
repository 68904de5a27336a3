namespace Geo.Cluster.Grains;

/// <summary>
/// One city's audit written to PostGIS by the silo holding the city: where, its headline figures, or why it failed.
/// The extent (lon/lat) places the city's row in the summary table.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CityAuditOutcome(
    [property: Id(0)] string City,
    [property: Id(1)] string Profile,
    [property: Id(2)] double Minutes,
    [property: Id(3)] bool Written,
    [property: Id(4)] string? Schema,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string Silo,
    [property: Id(7)] int Stations,
    [property: Id(8)] double StreetKm,
    [property: Id(9)] double CoveredStreetKm,
    [property: Id(10)] double LandShare,
    [property: Id(11)] int BlindSpots,
    [property: Id(12)] double Seconds,
    [property: Id(13)] double[]? Extent)
{
    public double StreetShare => StreetKm > 0 ? CoveredStreetKm / StreetKm : 0;
}
