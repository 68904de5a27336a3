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
    /// <param name="handover">
    /// What the caller can start on before the whole audit is done (writing layers, drawing the map), each part given
    /// as soon as it is known: the service areas first, the audit by unit with its pairing last.
    /// </param>
    public static PlanningAudit Audit(StreetSnapper snapper, PlanningInputs inputs, AuditOptions options, CancellationToken cancellation = default,
        ServiceAreaResult? serviceAreas = null, AuditHandover? handover = null)
    {
        // The areas drawn while the inputs were read serve an audit on the same graph at the same break, widening and direction.
        if (serviceAreas is null && inputs.ServiceAreasDrawing is var (drawnOn, drawnFor, drawing) && ReferenceEquals(drawnOn, snapper)
            && drawnFor.Minutes == options.Minutes && drawnFor.LateralMeters == options.LateralMeters && drawnFor.Direction == options.Direction)
        {
            serviceAreas = drawing.GetAwaiter().GetResult();
        }
        options.Validate();
        // The city blocks need only the graph: worked out on the side while the stations' service areas take the cores.
        if (serviceAreas is null) CityBlocks.Prefetch(snapper.Graph);
        var areas = serviceAreas ?? ServiceAreaAnalysis.Run(snapper, inputs.Stations.Stations, CoverageAudit.ServiceAreaOptionsFor(snapper.Graph, options), cancellation);
        handover?.ServiceAreas?.Invoke(areas);

        // The pairing needs only the service areas: started first, beside the audit by unit, so that its layers (a
        // city's street pieces, one row each) are written while the audits are worked out. The report by planning
        // cell follows the audit by unit; it is its figures (a table and a layer of the cells): no gap polygons or
        // blind spots are worked out for it.
        var pairing = areas.Snapped.Count == 0 ? Task.FromResult<PairingResult?>(null) : Task.Run<PairingResult?>(() =>
        {
            cancellation.ThrowIfCancellationRequested();
            var paired = PairingAnalysis.Run(snapper, areas.Snapped.Select(s => s.Station).ToList(), inputs.Units.Subdistricts, inputs.Dataset.Pois,
                CoverageAudit.PairingOptionsFor(areas, options.Direction, new PairingOptions { MaxSnapMeters = snapper.MaxDistanceMeters }), inputs.UnitsDescription);
            handover?.Pairing?.Invoke(paired);
            return paired;
        });
        var cellsAudit = Task.FromResult<AuditResult?>(null);
        try
        {
            var audit = CoverageAudit.Run(snapper, inputs.Stations.Stations, inputs.Units.Subdistricts, inputs.Demand, options,
                inputs.Stations.Headline, inputs.UnitsDescription, inputs.Warnings, cancellation, areas) with { UnitKind = inputs.Units.Kind };
            handover?.Coverage?.Invoke(audit);
            if (inputs.CellsInUnits is { Count: > 0 } cells)
            {
                cellsAudit = Task.Run<AuditResult?>(() => CoverageAudit.Run(snapper, inputs.Stations.Stations, cells, inputs.Demand, options, inputs.Stations.Headline,
                    inputs.CellsDescription, cancellation: cancellation, serviceAreas: areas, figuresOnly: true) with { UnitKind = UnitKind.PlanningCell });
            }
            if (pairing.GetAwaiter().GetResult() is { } paired) audit = CoverageAudit.WithPairing(audit, paired);
            handover?.ByUnit?.Invoke(audit);
            var byCell = cellsAudit.GetAwaiter().GetResult();
            return new PlanningAudit(audit, byCell);
        }
        catch
        {
            // Never leave the pairing or the cell report computing on: wait for them, and report this failure rather than theirs.
            ((IAsyncResult)pairing).AsyncWaitHandle.WaitOne();
            ((IAsyncResult)cellsAudit).AsyncWaitHandle.WaitOne();
            throw;
        }
    }
}
