using Geo.Analyses.Demand;
using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Data.Stations;
using Geo.Data.Subdistricts;

namespace Geo.Analyses.Workflow;

/// <summary>
/// What a planning run works on, read once: the dataset, the stations and where they come from, the units coverage
/// is reported by (and the planning cells inside them, when reporting nests), and the demand.
/// </summary>
public sealed record PlanningInputs(
    StreetDataset Dataset,
    ChosenStations Stations,
    SubdistrictSource.Loaded Units,
    IReadOnlyList<Subdistrict>? CellsInUnits,
    IReadOnlyList<DemandPoint>? Demand,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How the nested cells were made, e.g. "1000 m planning cells (网格) inside …".</summary>
    public string CellsDescription { get; init; } = "";

    public string UnitsDescription => Units.Description;

    /// <summary>
    /// The stations' service areas for an audit, when <see cref="PlanningWorkflow.Read"/> was asked to start drawing
    /// them: on which street graph and for which audit options.
    /// </summary>
    public (Geo.Streets.Snapping.StreetSnapper Snapper, Coverage.AuditOptions Options, Task<ServiceAreaResult> Areas)? ServiceAreasDrawing { get; init; }

    /// <summary>Inputs already read elsewhere (stations and units as given), with no cells nested.</summary>
    public static PlanningInputs Of(StreetDataset dataset, IReadOnlyList<Station> stations, string stationsFrom, IReadOnlyList<Subdistrict> units, string unitsFrom) =>
        new(dataset, new ChosenStations(stations, stationsFrom), new SubdistrictSource.Loaded(units, unitsFrom, Array.Empty<string>()), null, null, Array.Empty<string>());
}

/// <summary>An audit by the units, with its pairing, and by the planning cells inside them when reporting nests.</summary>
public sealed record PlanningAudit(Coverage.AuditResult ByUnit, Coverage.AuditResult? ByCell);

/// <summary>
/// The parts of a <see cref="PlanningWorkflow.Audit"/> given to its caller as soon as each is known, so that writing
/// and drawing them can start while the rest is worked out: the stations' service areas; the pairing; the audit by
/// unit before its pairing is joined (what needs only the coverage, such as a map); the audit by unit with it.
/// Each is given once, on whichever thread worked it out: the service areas first, the audit by unit with its pairing
/// last, the pairing and the coverage between them as each is ready.
/// </summary>
public sealed record AuditHandover
{
    public Action<ServiceAreaResult>? ServiceAreas { get; init; }

    public Action<Pairing.PairingResult>? Pairing { get; init; }

    public Action<Coverage.AuditResult>? Coverage { get; init; }

    public Action<Coverage.AuditResult>? ByUnit { get; init; }
}
