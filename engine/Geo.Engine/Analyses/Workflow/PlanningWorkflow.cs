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
    /// <param name="drawFor">
    /// An audit's options: its stations' service areas are then drawn on the other cores as soon as the stations are
    /// read, while the units, cells and demand are (<see cref="PlanningInputs.ServiceAreasDrawing"/>).
    /// </param>
    public static PlanningInputs Read(IFeatureStore store, StreetDataset dataset, StreetSnapper snapper, string? stationsSpec, string? unitsSpec,
        IReadOnlyList<string> demandSpecs, InputCrs crs, double? cellMeters = 1000, AuditOptions? drawFor = null)
    {
        var stations = StationChoice.Choose(stationsSpec, store, dataset, crs);
        if (drawFor is null) return ReadUnits(store, dataset, snapper, stations, unitsSpec, demandSpecs, crs, cellMeters);
        drawFor.Validate();
        var stop = new CancellationTokenSource();
        var drawing = Task.Run(() => ServiceAreaAnalysis.Run(snapper, stations.Stations, CoverageAudit.ServiceAreaOptionsFor(snapper.Graph, drawFor), stop.Token));
        try
        {
            return ReadUnits(store, dataset, snapper, stations, unitsSpec, demandSpecs, crs, cellMeters) with { ServiceAreasDrawing = (snapper, drawFor, drawing) };
        }
        catch
        {
            // Reading the units failed: the drawing stops, and this failure is the one reported.
            stop.Cancel();
            ((IAsyncResult)drawing).AsyncWaitHandle.WaitOne();
            throw;
        }
    }

    private static PlanningInputs ReadUnits(IFeatureStore store, StreetDataset dataset, StreetSnapper snapper, ChosenStations stations, string? unitsSpec,
        IReadOnlyList<string> demandSpecs, InputCrs crs, double? cellMeters)
    {
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
    /// <param name="byUnitDone">
    /// Given the audit by unit, pairing included, as soon as it is complete, while the report by planning cell may
    /// still be worked out: a caller can start writing it.
    /// </param>
    public static PlanningAudit Audit(StreetSnapper snapper, PlanningInputs inputs, AuditOptions options, CancellationToken cancellation = default,
        ServiceAreaResult? serviceAreas = null, Action<AuditResult>? byUnitDone = null)
    {
        // The areas drawn while the inputs were read serve an audit on the same graph at the same break, widening and direction.
        if (serviceAreas is null && inputs.ServiceAreasDrawing is var (drawnOn, drawnFor, drawing) && ReferenceEquals(drawnOn, snapper)
            && drawnFor.Minutes == options.Minutes && drawnFor.LateralMeters == options.LateralMeters && drawnFor.Direction == options.Direction)
        {
            serviceAreas = drawing.GetAwaiter().GetResult();
        }
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
            byUnitDone?.Invoke(audit);
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
