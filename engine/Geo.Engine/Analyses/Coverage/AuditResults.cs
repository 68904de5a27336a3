using Geo.Analyses.ServiceAreas;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>One subdistrict's coverage within the break; areas in lon/lat, figures in km², km and demand units.</summary>
public sealed record SubdistrictCoverage(
    long Id, string Name, Geometry Boundary, Geometry Gap,
    double AreaKm2, double CoveredKm2, double StreetKm, double CoveredStreetKm, double Demand, double CoveredDemand,
    int StationsInside, double? WorstMinutes)
{
    /// <summary>The stations paired with this subdistrict (结对子), when the audit ran a pairing.</summary>
    public IReadOnlyList<string> PairedStations { get; init; } = Array.Empty<string>();

    public double UncoveredKm2 => AreaKm2 - CoveredKm2;
    public double UncoveredStreetKm => StreetKm - CoveredStreetKm;
    public double AreaShare => AreaKm2 > 0 ? CoveredKm2 / AreaKm2 : 0;
    public double StreetShare => StreetKm > 0 ? CoveredStreetKm / StreetKm : 0;
    public double DemandShare => Demand > 0 ? CoveredDemand / Demand : 0;
}

/// <summary>A connected stretch of street network no station reaches within the break (盲区), ranked by uncovered demand.</summary>
public sealed record BlindSpot(
    int Rank, Geometry Area, double StreetKm, double Demand, double Lon, double Lat, string? Subdistrict,
    double? NearestStationMinutes, string? NearestStationId);

public sealed record AuditTotals(
    double AreaKm2, double CoveredKm2, double StreetKm, double CoveredStreetKm, double Demand, double CoveredDemand, int Stations, int Unsnapped)
{
    public double AreaShare => AreaKm2 > 0 ? CoveredKm2 / AreaKm2 : 0;
    public double StreetShare => StreetKm > 0 ? CoveredStreetKm / StreetKm : 0;
    public double DemandShare => Demand > 0 ? CoveredDemand / Demand : 0;
}

public sealed record AuditResult(
    string Profile,
    double Minutes,
    string StationsFrom,
    string SubdistrictsFrom,
    string DemandFrom,
    ServiceAreaResult ServiceAreas,
    IReadOnlyList<SubdistrictCoverage> Subdistricts,
    IReadOnlyList<BlindSpot> BlindSpots,
    AuditTotals Totals,
    IReadOnlyList<string> Warnings)
{
    public Pairing.PairingResult? Pairing { get; init; }

    /// <summary>The subdistricts and their gaps in graph coordinates, as the audit cut them, for a what-if to start from.</summary>
    internal IReadOnlyList<Geometry> SubdistrictsLocal { get; init; } = Array.Empty<Geometry>();

    internal IReadOnlyList<Geometry> GapsLocal { get; init; } = Array.Empty<Geometry>();

    /// <summary>The uncovered stretches behind <see cref="BlindSpots"/>, unranked.</summary>
    internal IReadOnlyList<BlindSpotFinder.Stretch> Stretches { get; init; } = Array.Empty<BlindSpotFinder.Stretch>();
}
