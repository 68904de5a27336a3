using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// The city blocks of the synthetic Chengdu-sized city (600,000 street pieces) for the e-bike graph the audit
/// uses: the whole build, and its stages (making the pieces planar, walking the faces, assembling the polygons); and
/// each block's reached share of frontage with every street reached. Seconds per run, so a few runs each.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CityBlocksBenchmarks
{
    private StreetGraph _graph = null!;
    private PlanarEdges _planar = null!;
    private List<int[]> _rings = null!;
    private IReadOnlyList<Polygon> _blocks = null!;
    private List<ReachedInterval> _everyStreet = null!;

    [GlobalSetup]
    public void Setup()
    {
        _graph = StreetGraphBuilder.Build(BenchmarkData.Load(BenchmarkData.SyntheticCity), TravelProfile.BuiltIn("ebike"));
        _planar = StreetCrossings.Planar(_graph.Pieces);
        _rings = PlanarFaces.Rings(_planar);
        _blocks = CityBlocks.Of(_graph).Blocks;
        _everyStreet = Enumerable.Range(0, _graph.Pieces.Count).Select(p => new ReachedInterval(p, 0, _graph.Pieces.LengthMeters[p])).ToList();
    }

    [Benchmark(Description = "city blocks")]
    public int Blocks() => CityBlocks.Find(_graph).Count;

    [Benchmark(Description = "planar edges (crossings)")]
    public int Planar() => StreetCrossings.Planar(_graph.Pieces).EdgeCount;

    [Benchmark(Description = "face rings")]
    public int Rings() => PlanarFaces.Rings(_planar).Count;

    [Benchmark(Description = "served shares, every street reached")]
    public double ServedShares() => ServedLand.ServedShares(_graph, _blocks, _everyStreet).Sum();

    [Benchmark(Description = "block polygons")]
    public int Polygons() => FacePolygons.Build(_planar, _rings, ServiceAreaGeometry.Local).Count;
}
