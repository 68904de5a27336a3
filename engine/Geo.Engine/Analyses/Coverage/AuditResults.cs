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

    /// <summary>The unit's city blocks (faces of the street network), km², and their part served (see <see cref="ServedLand"/>).</summary>
    public double LandKm2 { get; init; }

    public double ServedLandKm2 { get; init; }

    /// <summary>Served land: the share of the unit's block area whose frontage the circle reaches.</summary>
    public double LandShare => LandKm2 > 0 ? ServedLandKm2 / LandKm2 : 0;

    /// <summary>The unit this one lies in (a planning cell's district), when reporting nests.</summary>
    public string? Parent { get; init; }

    /// <summary>The share of the unit the street data holds: below 1 for units cut by the data's edge, whose figures are of the part held.</summary>
    public double HeldShare { get; init; } = 1;

    public double UncoveredKm2 => AreaKm2 - CoveredKm2;
    public double UncoveredStreetKm => StreetKm - CoveredStreetKm;
    public double AreaShare => AreaKm2 > 0 ? CoveredKm2 / AreaKm2 : 0;
    public double StreetShare => StreetKm > 0 ? CoveredStreetKm / StreetKm : 0;
    public double DemandShare => Demand > 0 ? CoveredDemand / Demand : 0;
}

/// <summary>
/// A connected stretch of street no station reaches within the break (盲区), inside one subdistrict (or cell).
/// Ranked by uncovered demand (<see cref="Rank"/> from 1), or a fragment (<see cref="Rank"/> 0) when shorter than the
/// audit's smallest blind spot. <see cref="Id"/> is B&lt;rank&gt; or F&lt;n&gt; in every output. <see cref="Area"/> is the
/// stretch widened like a service area less what is covered, and may be empty; <see cref="Streets"/> is the stretch
/// itself. <see cref="NearestStationMinutes"/> is the time between its farthest spot and the station nearest that spot.
/// </summary>
public sealed record BlindSpot(
    int Rank, Geometry Area, double StreetKm, double Demand, double Lon, double Lat, string? Subdistrict,
    double? NearestStationMinutes, string? NearestStationId)
{
    public string Id { get; init; } = "";
    public bool IsFragment => Rank == 0;
    public long? SubdistrictId { get; init; }
    public Geometry Streets { get; init; } = Area;

    /// <summary>What every output draws: the area, or the streets themselves where the area is empty.</summary>
    public Geometry Shape => Area.IsEmpty ? Streets : Area;

    /// <summary>
    /// Street km of the blind spot on pieces where some spot has no route to any station within the search horizon
    /// (a one-way leading out of the data, an island): the nearest-station time is of the rest.
    /// </summary>
    public double NoRouteKm { get; init; }

    /// <summary>How far the farthest spot lies beyond the break, in minutes.</summary>
    public double? BeyondBreakMinutes { get; init; }
}

public sealed record AuditTotals(
    double AreaKm2, double CoveredKm2, double StreetKm, double CoveredStreetKm, double Demand, double CoveredDemand, int Stations, int Unsnapped)
{
    public double AreaShare => AreaKm2 > 0 ? CoveredKm2 / AreaKm2 : 0;
    public double StreetShare => StreetKm > 0 ? CoveredStreetKm / StreetKm : 0;
    public double DemandShare => Demand > 0 ? CoveredDemand / Demand : 0;

    /// <summary>Block area of all units, km², and its served part.</summary>
    public double LandKm2 { get; init; }

    public double ServedLandKm2 { get; init; }

    public double LandShare => LandKm2 > 0 ? ServedLandKm2 / LandKm2 : 0;
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

    /// <summary>What the units are (区/县, 街道, 社区 or 网格), so no output calls a planning cell a subdistrict.</summary>
    public Geo.Data.Subdistricts.UnitKind UnitKind { get; init; } = Geo.Data.Subdistricts.UnitKind.PlanningCell;

    /// <summary>Which way the break was measured (service areas, coverage, nearest stations, pairing).</summary>
    public Streets.TravelDirection Direction { get; init; } = Streets.TravelDirection.ToStation;

    /// <summary>Uncovered stretches shorter than <see cref="MinBlindSpotMeters"/>: counted and drawn, not ranked.</summary>
    public IReadOnlyList<BlindSpot> Fragments { get; init; } = Array.Empty<BlindSpot>();

    public double MinBlindSpotMeters { get; init; } = AuditOptions.DefaultMinBlindSpotMeters;

    /// <summary>Ranked blind spots, then fragments: every uncovered stretch once.</summary>
    public IEnumerable<BlindSpot> AllBlindSpots => BlindSpots.Concat(Fragments);

    /// <summary>The headline's phrase for the direction, e.g. "to the station".</summary>
    public string DirectionText => Streets.TravelDirections.Describe(Direction);

    /// <summary>The subdistricts and their gaps in graph coordinates, as the audit cut them, for a what-if to start from.</summary>
    internal IReadOnlyList<Geometry> SubdistrictsLocal { get; init; } = Array.Empty<Geometry>();

    internal IReadOnlyList<Geometry> GapsLocal { get; init; } = Array.Empty<Geometry>();

    /// <summary>The uncovered stretches behind <see cref="BlindSpots"/> and <see cref="Fragments"/>, and the id each got.</summary>
    internal IReadOnlyList<BlindSpotFinder.Stretch> Stretches { get; init; } = Array.Empty<BlindSpotFinder.Stretch>();

    internal IReadOnlyList<string> StretchIds { get; init; } = Array.Empty<string>();

    /// <summary>The subdistricts as the blind spots were cut at them.</summary>
    internal UnitBorders? Borders { get; init; }

    /// <summary>
    /// Only the figures per unit were asked for (the report by planning cell): every unit's gap is empty and there are
    /// no blind spots, as none were worked out.
    /// </summary>
    public bool FiguresOnly { get; init; }
}
