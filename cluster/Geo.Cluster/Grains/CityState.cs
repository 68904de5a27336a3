namespace Geo.Cluster.Grains;

/// <summary>Where a city's loading stands on the silo that holds it.</summary>
[GenerateSerializer]
public enum CityState
{
    NotLoaded,
    Loading,
    Ready,
    Failed,
}

/// <summary>A city's state for one profile, with why it failed, which silo holds it and how long loading took.</summary>
[GenerateSerializer, Immutable]
public sealed record CityStatus(
    [property: Id(0)] string City,
    [property: Id(1)] string Profile,
    [property: Id(2)] CityState State,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string Silo,
    [property: Id(5)] double? LoadSeconds);
