using Geo.Analyses.Coverage;
using Geo.Analyses.Workflow;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Workflow;

/// <summary>
/// Reading a planning run's inputs while its stations' service areas are drawn gives the audit that drawing them
/// afterwards gives, by unit and by planning cell; a failure to read the units is the one reported, with the drawing stopped.
/// </summary>
public sealed class PlanningWorkflowTests
{
    [Fact]
    public void Read_drawingWhileTheUnitsAreRead_givesTheSameAudit()
    {
        using var folder = new TempFolder();
        var (store, dataset, snapper) = City(folder);
        using var _ = store;
        var options = new AuditOptions(10);

        var after = PlanningWorkflow.Audit(snapper, PlanningWorkflow.Read(store, dataset, snapper, null, null, Array.Empty<string>(), InputCrs.Wgs84), options);
        var inputs = PlanningWorkflow.Read(store, dataset, snapper, null, null, Array.Empty<string>(), InputCrs.Wgs84, drawFor: options);
        Assert.NotNull(inputs.ServiceAreasDrawing);
        Assert.Same(inputs.ServiceAreasDrawing.Value.Areas.GetAwaiter().GetResult(), PlanningWorkflow.Audit(snapper, inputs, options).ByUnit.ServiceAreas);
        var during = PlanningWorkflow.Audit(snapper, inputs, options);

        Assert.NotNull(after.ByCell);
        Assert.Equal(AuditTables.CoverageCsv(after.ByUnit), AuditTables.CoverageCsv(during.ByUnit));
        Assert.Equal(AuditTables.CoverageCsv(after.ByCell!), AuditTables.CoverageCsv(during.ByCell!));
        Assert.Equal(AuditTables.BlindSpotsCsv(after.ByUnit), AuditTables.BlindSpotsCsv(during.ByUnit));
        Assert.True(after.ByUnit.ServiceAreas.Coverage[0].Area.EqualsExact(during.ByUnit.ServiceAreas.Coverage[0].Area));
    }

    [Fact]
    public void Audit_handover_givesEachPartOnceAsTheFinalAuditHasIt_serviceAreasFirstAndTheAuditByUnitLast()
    {
        using var folder = new TempFolder();
        var (store, dataset, snapper) = City(folder);
        using var _ = store;
        var given = new System.Collections.Concurrent.ConcurrentQueue<(string Part, object Value)>();

        var planned = PlanningWorkflow.Audit(snapper, PlanningWorkflow.Read(store, dataset, snapper, null, null, Array.Empty<string>(), InputCrs.Wgs84),
            new AuditOptions(10), handover: new AuditHandover
            {
                ServiceAreas = areas => given.Enqueue(("areas", areas)),
                Pairing = pairing => given.Enqueue(("pairing", pairing)),
                Coverage = audit => given.Enqueue(("coverage", audit)),
                ByUnit = audit => given.Enqueue(("unit", audit)),
            });

        var parts = given.ToList();
        Assert.Equal(new[] { "areas", "coverage", "pairing", "unit" }, parts.Select(p => p.Part).Order(StringComparer.Ordinal));
        Assert.Equal("areas", parts[0].Part);
        Assert.Equal("unit", parts[^1].Part);
        Assert.Same(planned.ByUnit.ServiceAreas, parts.Single(p => p.Part == "areas").Value);
        Assert.Same(planned.ByUnit.Pairing, parts.Single(p => p.Part == "pairing").Value);
        Assert.Same(planned.ByUnit, parts.Single(p => p.Part == "unit").Value);
        var coverage = (AuditResult)parts.Single(p => p.Part == "coverage").Value;
        Assert.Null(coverage.Pairing);
        Assert.NotNull(planned.ByUnit.Pairing);
        Assert.Equal(AuditTables.BlindSpotsCsv(planned.ByUnit), AuditTables.BlindSpotsCsv(coverage));
        Assert.Equal(planned.ByUnit.Totals, coverage.Totals);
        Assert.NotNull(planned.ByCell);
        Assert.True(planned.ByCell!.FiguresOnly);
    }

    [Fact]
    public void Audit_atAnotherBreakThanDrawn_drawsItsOwn()
    {
        using var folder = new TempFolder();
        var (store, dataset, snapper) = City(folder);
        using var _ = store;

        var drawnAtTen = PlanningWorkflow.Read(store, dataset, snapper, null, null, Array.Empty<string>(), InputCrs.Wgs84, drawFor: new AuditOptions(10));
        var atFive = PlanningWorkflow.Audit(snapper, drawnAtTen, new AuditOptions(5)).ByUnit;
        var alone = PlanningWorkflow.Audit(snapper, PlanningWorkflow.Read(store, dataset, snapper, null, null, Array.Empty<string>(), InputCrs.Wgs84), new AuditOptions(5)).ByUnit;

        Assert.Equal(AuditTables.CoverageCsv(alone), AuditTables.CoverageCsv(atFive));
        Assert.True(alone.ServiceAreas.Coverage[0].Area.EqualsExact(atFive.ServiceAreas.Coverage[0].Area));
    }

    [Fact]
    public void Read_unknownUnitsWhileDrawing_reportsTheUnits()
    {
        using var folder = new TempFolder();
        var (store, dataset, snapper) = City(folder);
        using var _ = store;

        var error = Assert.Throws<GeoInputException>(() =>
            PlanningWorkflow.Read(store, dataset, snapper, null, "no_such_layer", Array.Empty<string>(), InputCrs.Wgs84, drawFor: new AuditOptions(10)));
        Assert.Contains("no_such_layer", error.Message);
    }

    private static (Geo.Data.Features.IFeatureStore Store, StreetDataset Dataset, StreetSnapper Snapper) City(TempFolder folder)
    {
        string path = folder.File("city.gpkg");
        new GeoPackageStore(path, create: true).WriteLayers(DatasetLayers.ToLayers(SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2500, Stations: 40, Seed: 8))));
        var store = FeatureStores.Open(path, create: false);
        var dataset = DatasetLayers.Read(store);
        return (store, dataset, new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"))));
    }
}
