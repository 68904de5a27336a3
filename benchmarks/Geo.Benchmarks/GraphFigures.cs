using System.Diagnostics;
using System.Globalization;
using Geo.Data;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Benchmarks;

/// <summary>
/// Prints the figures that are sizes rather than times (bytes per directed edge) and a one-shot breakdown of a
/// dataset load: `dotnet run -c Release --project benchmarks/Geo.Benchmarks -- figures [dataset.gpkg]`.
/// </summary>
public static class GraphFigures
{
    public static void Print(string? gpkg)
    {
        Console.WriteLine("dataset | profile | vertices | directed edges | routing bytes/edge | with geometry bytes/edge | islands");
        foreach (var name in BenchmarkData.Names)
        {
            var dataset = BenchmarkData.Load(name);
            foreach (var profile in TravelProfile.BuiltInNames)
            {
                var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn(profile));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} | {profile} | {graph.VertexCount} | {graph.EdgeCount} | {graph.RoutingBytes / (double)graph.EdgeCount:0.0} | {(graph.RoutingBytes + graph.Pieces.GeometryBytes) / (double)graph.EdgeCount:0.0} | {graph.ComponentCount}"));
            }
        }
        if (gpkg is null) return;

        var clock = Stopwatch.StartNew();
        using var store = FeatureStores.Open(gpkg, create: false);
        var streets = store.ReadLayer(DatasetLayers.Streets);
        Console.WriteLine($"read streets layer: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var dataset2 = DatasetLayers.Read(store);
        Console.WriteLine($"read whole dataset: {clock.ElapsedMilliseconds} ms ({streets.Features.Count} streets)");
        clock.Restart();
        var g = StreetGraphBuilder.Build(dataset2, TravelProfile.BuiltIn("ebike"));
        Console.WriteLine($"build graph: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var snapper = new StreetSnapper(g);
        Console.WriteLine($"build snapper: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var search = new ShortestPathSearch(g);
        search.Run(snapper.SnapProjected(0, 0).Seeds(g), 900);
        Console.WriteLine($"one reach: {clock.Elapsed.TotalMilliseconds:0.0} ms ({search.Settled.Count} junctions)");
    }
}
