namespace Geo.Cluster.Grains;

/// <summary>A city's answer to a <see cref="CityRequest"/>: status, the headers a client needs, and the body as sent.</summary>
[GenerateSerializer, Immutable]
public sealed record CityAnswer(
    [property: Id(0)] int Status,
    [property: Id(1)] Dictionary<string, string> Headers,
    [property: Id(2)] byte[] Body);
