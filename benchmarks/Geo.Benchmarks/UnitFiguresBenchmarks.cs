using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// The audit's per-subdistrict figures on the synthetic Chengdu-sized city (its 100 generated subdistricts, the
/// e-bike graph): street length inside each unit, cut at the borders, and the served land of each unit's blocks,
/// with every street reached. The blocks and their served shares are worked out once in the setup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class UnitFiguresBenchmarks
{
    private StreetGraph _graph = null!;
    private Geometry[] _units = null!;
    private List<ReachedInterval> _everyStreet = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dataset = BenchmarkData.Load(BenchmarkData.SyntheticCity);
        _graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));
        _units = dataset.Subdistricts.Select(s => _graph.ToLocal(s.Geometry)).ToArray();
        _everyStreet = Enumerable.Range(0, _graph.Pieces.Count).Select(p => new ReachedInterval(p, 0, _graph.Pieces.LengthMeters[p])).ToList();
        ServedLand.ByArea(_graph, _units, _everyStreet);
    }

    [Benchmark(Description = "street km per subdistrict")]
    public double StreetKm() => StreetShares.ByArea(_graph, _units, _everyStreet).Covered.Sum();

    [Benchmark(Description = "served land per subdistrict")]
    public double ServedLandKm2() => ServedLand.ByArea(_graph, _units, _everyStreet).ServedKm2.Sum();
}
