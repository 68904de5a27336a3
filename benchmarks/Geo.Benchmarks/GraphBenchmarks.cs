using BenchmarkDotNet.Attributes;
using Geo.Data.Model;
using Geo.Data.Osm;
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
        var (lon, lat) = BenchmarkData.Centre(_dataset);
        _origin = _snapper.Snap(lon, lat);
        if (!_origin.IsSnapped) _origin = _snapper.SnapProjected(0, 0);
        _search = new ShortestPathSearch(_graph);
    }

    [Benchmark(Description = "import PBF")]
    public int Import() => Dataset == BenchmarkData.SyntheticCity ? 0 : new OsmPbfImporter().Import(BenchmarkData.ExtractPath(Dataset)).Dataset.Streets.Count;

    [Benchmark(Description = "build e-bike graph")]
    public int BuildGraph() => StreetGraphBuilder.Build(_dataset, TravelProfile.BuiltIn("ebike")).EdgeCount;

    [Benchmark(Description = "15-min e-bike reach")]
    public int Reach15MinutesEbike()
    {
        _search.Run(_origin.Seeds(_graph), 15 * 60);
        return _search.Settled.Count;
    }
}
