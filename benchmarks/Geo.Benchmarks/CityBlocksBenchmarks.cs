using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// The city blocks of the synthetic Chengdu-sized city (600,000 street pieces) for the e-bike graph the audit
/// uses: the whole build, and its stages (making the pieces planar, walking the faces, assembling the polygons); each
/// block's reached share of frontage with every street reached; and, per each of the 100 generated subdistricts, the
/// street length inside it, cut at its border, and the served land of its blocks (the blocks' shares worked out once,
/// in the setup). Seconds per run, so a few runs each.
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
    private Geometry[] _units = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dataset = BenchmarkData.Load(BenchmarkData.SyntheticCity);
        _graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));
        _planar = StreetCrossings.Planar(_graph.Pieces);
        _rings = PlanarFaces.Rings(_planar);
        _blocks = CityBlocks.Of(_graph).Blocks;
        _everyStreet = Enumerable.Range(0, _graph.Pieces.Count).Select(p => new ReachedInterval(p, 0, _graph.Pieces.LengthMeters[p])).ToList();
        _units = dataset.Subdistricts.Select(s => _graph.ToLocal(s.Geometry)).ToArray();
        ServedLand.ByArea(_graph, _units, _everyStreet);
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

    [Benchmark(Description = "street km per subdistrict")]
    public double StreetKm() => StreetShares.ByArea(_graph, _units, _everyStreet).Covered.Sum();

    [Benchmark(Description = "served land per subdistrict")]
    public double ServedLandKm2() => ServedLand.ByArea(_graph, _units, _everyStreet).ServedKm2.Sum();
}
