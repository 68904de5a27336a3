namespace Geo.Streets;

/// <summary>
/// Which way a break is measured. Riders come to a station, so by default a street counts as covered when the time
/// from it to the station is within the break (searched on the reversed graph). From the station outwards is the
/// other choice; the two differ only where one-way streets matter. Service areas, the audit, pairing and siting all
/// take the same direction.
/// </summary>
public enum TravelDirection
{
    ToStation,
    FromStation,
}

public static class TravelDirections
{
    public const string Choices = "to-station|from-station";

    public static TravelDirection Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "to-station" => TravelDirection.ToStation,
        "from-station" => TravelDirection.FromStation,
        _ => throw new GeoInputException($"--direction '{text}' is neither to-station nor from-station"),
    };

    /// <summary>The option's spelling: to-station or from-station.</summary>
    public static string Name(this TravelDirection direction) => direction == TravelDirection.ToStation ? "to-station" : "from-station";

    /// <summary>How a figure measured this way reads in a report: "to the station" or "from the station".</summary>
    public static string Describe(this TravelDirection direction) => direction == TravelDirection.ToStation ? "to the station" : "from the station";
}
