namespace Geo.Analyses.Pairing;

/// <summary>
/// What a planner checks first: subdistricts without a station inside, stations outside every subdistrict, the
/// longest pairing, the subdistricts left unpaired, and whether the cap could be met at all.
/// </summary>
public sealed record PairingSummary(
    IReadOnlyList<int> SubdistrictsWithoutStation,
    IReadOnlyList<int> StationsOutside,
    PairingRow? Longest,
    IReadOnlyList<int> Unpaired,
    bool CapsBound,
    bool Feasible);
