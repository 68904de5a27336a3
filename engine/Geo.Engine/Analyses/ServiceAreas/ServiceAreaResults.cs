using Geo.Data.Model;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.ServiceAreas;

/// <summary>What one station reaches within one break; <see cref="Area"/> in lon/lat.</summary>
public sealed record ServiceArea(string StationId, string? StationName, double Minutes, string Mode, Geometry Area, double AreaKm2, double StreetKm);

/// <summary>What all stations together reach within one break.</summary>
public sealed record CoverageArea(double Minutes, string Mode, int Stations, Geometry Area, double AreaKm2, double StreetKm);

/// <summary>The part of the covered area that exactly <see cref="StationsReaching"/> stations reach within the break.</summary>
public sealed record OverlapArea(double Minutes, int StationsReaching, Geometry Area, double AreaKm2);

/// <summary>A station left out of the analysis, with the reason (far from any usable street, outside the data …).</summary>
public sealed record UnsnappedStation(Station Station, string Reason);

/// <summary>Where the time of a run went, in milliseconds of wall time.</summary>
public sealed record ServiceAreaTimings(long SnapMs, long StationsMs, long CoverageMs, long OverlapMs);

public sealed record ServiceAreaResult(
    string Profile,
    string Mode,
    IReadOnlyList<double> Minutes,
    IReadOnlyList<ServiceArea> Areas,
    IReadOnlyList<CoverageArea> Coverage,
    IReadOnlyList<OverlapArea> Overlap,
    IReadOnlyList<UnsnappedStation> Unsnapped,
    IReadOnlyList<SnappedStation> Snapped,
    IReadOnlyList<IReadOnlyList<ReachedInterval>> CoveredStreets,
    ServiceAreaTimings Timings)
{
    /// <summary>Which way the breaks were measured.</summary>
    public Streets.TravelDirection Direction { get; init; } = Streets.TravelDirection.ToStation;

    /// <summary>The cells the largest break covers (network mode), for audits that cut gaps out of the same cells.</summary>
    public Cells.CellMask? CoveredCells { get; init; }

    /// <summary>The merged coverage per break in graph coordinates (metres from the graph origin), for exact overlays.</summary>
    public IReadOnlyList<Geometry> CoverageLocal { get; init; } = Array.Empty<Geometry>();

    /// <summary>
    /// This result cut down to its largest break, sharing its polygons and covered streets: an audit at that break
    /// reuses them rather than drawing them again (the covered cells and the overlap are the largest break's already).
    /// </summary>
    public ServiceAreaResult LargestBreakOnly()
    {
        int last = Minutes.Count - 1;
        double minutes = Minutes[last];
        return this with
        {
            Minutes = new[] { minutes },
            Areas = Areas.Where(a => a.Minutes == minutes).ToList(),
            Coverage = new[] { Coverage[last] },
            CoveredStreets = new[] { CoveredStreets[last] },
            CoverageLocal = CoverageLocal.Count == Minutes.Count ? new[] { CoverageLocal[last] } : CoverageLocal,
        };
    }
}
