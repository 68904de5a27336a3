using System.Diagnostics;
using System.Globalization;
using Geo.Analyses.Coverage;
using Geo.Analyses.Pairing;
using Geo.Data;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Data.Subdistricts;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Benchmarks;

/// <summary>
/// One audit of a dataset's own stations (15 minutes, e-bike), stage by stage, with the process's CPU seconds beside
/// the wall seconds: on a shared machine the CPU seconds compare two builds where wall time cannot.
/// `dotnet run -c Release --project benchmarks/Geo.Benchmarks -- audit-stages city.gpkg`
/// </summary>
public static class AuditStages
{
    public static void Print(string gpkg)
    {
        var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        void Lap(string stage)
        {
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stage,-12} cpu {(process.TotalProcessorTime - cpu).TotalSeconds,7:0.00} s   wall {wall.Elapsed.TotalSeconds,7:0.00} s"));
            cpu = process.TotalProcessorTime;
            wall.Restart();
        }

        using var store = FeatureStores.Open(gpkg, create: false);
        var dataset = DatasetLayers.Read(store);
        Lap("read");
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));
        Lap("graph");
        var units = SubdistrictSource.Load(null, store, dataset, snapper.Graph);
        var audit = CoverageAudit.Run(snapper, dataset.Stations, units.Subdistricts, null, new AuditOptions(15));
        Lap("coverage");
        var pairing = PairingAnalysis.Run(snapper, audit.ServiceAreas.Snapped.Select(s => s.Station).ToList(), units.Subdistricts, dataset.Pois,
            CoverageAudit.PairingOptionsFor(audit, new PairingOptions()), units.Description);
        audit = CoverageAudit.WithPairing(audit, pairing);
        Lap("pairing");
        var streets = DatasetLayers.ToLayers(dataset).First(l => l.Name == DatasetLayers.Streets);
        streets.CopyOf = new LayerCopy(gpkg, DatasetLayers.Streets);
        string output = Path.Combine(Path.GetTempPath(), $"geo-audit-stages-{Guid.NewGuid():N}.gpkg");
        new GeoPackageStore(output, create: true).WriteLayers(AuditLayers.ToLayers(audit).Append(streets).ToList());
        File.Delete(output);
        Lap("write gpkg");
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {process.PeakWorkingSet64 / 1e6:0} MB"));
    }
}
