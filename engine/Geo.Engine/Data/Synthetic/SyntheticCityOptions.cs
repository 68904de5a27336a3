namespace Geo.Data.Synthetic;

/// <summary>The size and seed of a generated city; the same options always give the same city.</summary>
public sealed record SyntheticCityOptions(
    int Vertices = 300_000,
    int Stations = 1_000,
    int Seed = 42,
    double CentreLon = 104.066,
    double CentreLat = 30.657)
{
    public void Validate()
    {
        if (Vertices is < 400 or > 5_000_000) throw new GeoInputException($"--vertices must be between 400 and 5,000,000, got {Vertices}");
        if (Stations is < 0 or > 100_000) throw new GeoInputException($"--stations must be between 0 and 100,000, got {Stations}");
    }

    /// <summary>Real boundaries the city is laid over (街道 with their names and codes), instead of made-up ones.</summary>
    public IReadOnlyList<Geo.Data.Model.Subdistrict>? Frame { get; init; }

    /// <summary>Where the frame came from, recorded in the dataset's source.</summary>
    public string FrameName { get; init; } = "";

    public string Canonical => FormattableString.Invariant($"synthetic:vertices={Vertices},stations={Stations},seed={Seed},centre={CentreLon},{CentreLat}")
        + (Frame is null ? "" : $",frame={FrameName}");
}
