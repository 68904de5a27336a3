using BenchmarkDotNet.Attributes;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Benchmarks;

/// <summary>Foundation figures: import, graph build, and one 15-minute e-bike reach from a central point.</summary>
[MemoryDiagnoser]
public class GraphBenchmarks
{
    private StreetDataset _dataset = null!;
    private StreetGraph _graph = null!;
    private StreetSnapper _snapper = null!;
    private ShortestPathSearch _search = null!;
    private SnapResult _origin = null!;

    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = BenchmarkData.SyntheticCity;

    public static IEnumerable<string> Datasets => BenchmarkData.Names;

    [GlobalSetup]
    public void Setup()
    {
        _dataset = BenchmarkData.Load(Dataset);
        _graph = StreetGraphBuilder.Build(_dataset, TravelProfile.BuiltIn("ebike"));
        _snapper = new StreetSnapper(_graph);
        _origin = BenchmarkData.CentralOrigin(_snapper);
        _search = new ShortestPathSearch(_graph);
    }

    [Benchmark(Description = "build e-bike graph")]
    public int BuildGraph() => StreetGraphBuilder.Build(_dataset, TravelProfile.BuiltIn("ebike")).EdgeCount;

    [Benchmark(Description = "15-min e-bike reach")]
    public int Reach15MinutesEbike()
    {
        _search.Run(_origin.Seeds(_graph), 15 * 60);
        return _search.Settled.Count;
    }
}
