using Geo.Analyses.ServiceAreas;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The coverage if the added stations stood as well: new totals, per-subdistrict figures and gaps, the added stations'
/// areas, the blind spots and fragments left, and why their count changed ("B3 split into 2", "B1 covered").
/// </summary>
public sealed record WhatIfResult(
    AuditTotals Totals,
    IReadOnlyList<SubdistrictCoverage> Subdistricts,
    IReadOnlyList<ServiceArea> AddedAreas,
    IReadOnlyList<UnsnappedStation> Unsnapped,
    int BlindSpots)
{
    public int Fragments { get; init; }

    public IReadOnlyList<string> BlindSpotChanges { get; init; } = Array.Empty<string>();

    public WhatIfTimings Timings { get; init; } = new(0, 0, 0, 0);

    /// <summary>The land the added stations cover that no station covered before, in lon/lat: what a map of the what-if draws.</summary>
    public NetTopologySuite.Geometries.Geometry NewlyCovered { get; init; } = NetTopologySuite.Geometries.Polygon.Empty;
}

/// <summary>Where a what-if's time went, in milliseconds: the new service areas, cutting them into subdistricts and gaps, streets and demand, the blind-spot count.</summary>
public sealed record WhatIfTimings(long AreasMs, long OverlayMs, long FiguresMs, long BlindSpotsMs);
