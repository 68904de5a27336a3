using Geo.Data.Model;
using Geo.Streets;

namespace Geo.Analyses.Pairing;

/// <summary>Everything a pairing run found; indices in the rows refer to <see cref="Stations"/> and <see cref="Subdistricts"/>.</summary>
public sealed record PairingResult(
    StreetGraph Graph,
    PairingOptions Options,
    IReadOnlyList<Station> Stations,
    IReadOnlyList<PairingSubdistrict> Subdistricts,
    IReadOnlyList<StationStreet> StationStreets,
    IReadOnlyList<StationPlacement> Placements,
    IReadOnlyList<PairingRow> Rows,
    Territories Territories,
    PairingSummary Summary,
    IReadOnlyList<string> Warnings);
