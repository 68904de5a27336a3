using Geo.Analyses.Coverage;
using Geo.Analyses.Demand;
using Geo.Analyses.Pairing;
using Geo.Analyses.ServiceAreas;
using Geo.Coordinates;
using Geo.Data.Features;
using Geo.Data.Model;
using Geo.Data.Stations;
using Geo.Data.Subdistricts;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Workflow;

/// <summary>
/// The planner's loop, written once for the command line and the map viewer alike: read the stations, units and
/// demand → (the caller builds the street graph) → coverage by unit and by planning cell → pairing. Siting starts
/// from the same stations (<see cref="Siting.SitingAnalysis"/>).
/// </summary>
public static class PlanningWorkflow
{
    /// <param name="cellMeters">Planning cells (网格) reported inside real units, or null for none.</param>
    public static PlanningInputs Read(IFeatureStore store, StreetDataset dataset, StreetSnapper snapper, string? stationsSpec, string? unitsSpec,
        IReadOnlyList<string> demandSpecs, InputCrs crs, double? cellMeters = 1000)
    {
        var stations = StationChoice.Choose(stationsSpec, store, dataset, crs);
        var loaded = SubdistrictSource.Load(unitsSpec, store, dataset, snapper.Graph, crs);
        var warnings = loaded.Warnings.ToList();
        IReadOnlyList<Subdistrict>? cells = null;
        string cellsDescription = "";
        if (loaded.Kind != UnitKind.PlanningCell)
        {
            loaded = loaded with { Subdistricts = UnitsWithinData.Clip(loaded.Subdistricts, snapper.Graph, warnings) };
            if (cellMeters is { } meters)
            {
                var squares = SubdistrictSource.Load($"cells:{meters.ToString(System.Globalization.CultureInfo.InvariantCulture)}m", store, dataset, snapper.Graph);
                cells = NestedCells.Within(loaded.Subdistricts, squares.Subdistricts, snapper.Graph);
                cellsDescription = $"{squares.Description} inside {loaded.Description}";
            }
        }
        var demand = demandSpecs.Count == 0 ? null : DemandSource.Load(demandSpecs, store, dataset, snapper.LonLatExtent, crs);
        if (demand is not null) warnings.AddRange(demand.Warnings);
        return new PlanningInputs(dataset, stations, loaded, cells, demand?.Points, warnings) { CellsDescription = cellsDescription };
    }

    /// <summary>Coverage by unit with the station ↔ unit pairing, and by planning cell from the same service areas.</summary>
    /// <param name="serviceAreas">The stations' service areas at the audit's break, when the caller has drawn them already.</param>
    public static PlanningAudit Audit(StreetSnapper snapper, PlanningInputs inputs, AuditOptions options, CancellationToken cancellation = default,
        ServiceAreaResult? serviceAreas = null)
    {
        var audit = CoverageAudit.Run(snapper, inputs.Stations.Stations, inputs.Units.Subdistricts, inputs.Demand, options,
            inputs.Stations.Headline, inputs.UnitsDescription, inputs.Warnings, cancellation, serviceAreas) with { UnitKind = inputs.Units.Kind };
        // The pairing and the report by planning cell both start from the audit by unit and share nothing else: side by
        // side, each fills the cores the other leaves idle in its sequential stretches.
        var areas = audit.ServiceAreas;
        var cellsAudit = inputs.CellsInUnits is { Count: > 0 } cells
            ? Task.Run<AuditResult?>(() => CoverageAudit.Run(snapper, inputs.Stations.Stations, cells, inputs.Demand, options, inputs.Stations.Headline,
                inputs.CellsDescription, cancellation: cancellation, serviceAreas: areas) with { UnitKind = UnitKind.PlanningCell })
            : Task.FromResult<AuditResult?>(null);
        try
        {
            if (audit.ServiceAreas.Snapped.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var pairing = PairingAnalysis.Run(snapper, audit.ServiceAreas.Snapped.Select(s => s.Station).ToList(), inputs.Units.Subdistricts,
                    inputs.Dataset.Pois, CoverageAudit.PairingOptionsFor(audit, new PairingOptions { MaxSnapMeters = snapper.MaxDistanceMeters }), inputs.UnitsDescription);
                audit = CoverageAudit.WithPairing(audit, pairing);
            }
        }
        catch
        {
            // Never leave the cell report computing on: wait for it, and report this failure rather than its.
            ((IAsyncResult)cellsAudit).AsyncWaitHandle.WaitOne();
            throw;
        }
        var byCell = cellsAudit.GetAwaiter().GetResult();
        return new PlanningAudit(audit, byCell);
    }
}
