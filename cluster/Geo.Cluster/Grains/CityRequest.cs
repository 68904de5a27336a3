namespace Geo.Cluster.Grains;

/// <summary>One HTTP request to a city's API, as the front silo received it, with the <c>/cities/{city}</c> prefix removed.</summary>
[GenerateSerializer, Immutable]
public sealed record CityRequest(
    [property: Id(0)] string Method,
    [property: Id(1)] string Path,
    [property: Id(2)] string Query,
    [property: Id(3)] string? ContentType,
    [property: Id(4)] byte[] Body,
    [property: Id(5)] Dictionary<string, string> Headers);
