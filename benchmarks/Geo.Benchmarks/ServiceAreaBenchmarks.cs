using BenchmarkDotNet.Attributes;
using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Benchmarks;

/// <summary>
/// Service areas, 15 minutes by e-bike: one station's polygon, and 1,000 stations with merged coverage, on the
/// synthetic Chengdu-sized city (its own 1,000 stations) and on the real Chengdu extract (1,000 random junctions).
/// </summary>
[MemoryDiagnoser]
public class ServiceAreaBenchmarks
{
    private StreetSnapper _snapper = null!;
    private List<Station> _stations = null!;
    private List<Station> _one = null!;
    private static readonly ServiceAreaOptions Fifteen = new(new double[] { 15 }, Overlap: false);

    [Params(BenchmarkData.SyntheticCity, "chengdu-center")]
    public string Dataset { get; set; } = BenchmarkData.SyntheticCity;

    [GlobalSetup]
    public void Setup()
    {
        var dataset = BenchmarkData.Load(Dataset);
        _snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));
        var graph = _snapper.Graph;
        if (dataset.Stations.Count >= 1000)
        {
            _stations = dataset.Stations.Take(1000).ToList();
        }
        else
        {
            var random = new Random(1);
            _stations = Enumerable.Range(0, 1000).Select(i =>
            {
                int v;
                do v = random.Next(graph.VertexCount); while (graph.ComponentOf[v] != 0);
                var (lon, lat) = graph.VertexLonLat(v);
                return new Station($"v{i}", null, new NetTopologySuite.Geometries.Point(lon, lat) { SRID = 4326 });
            }).ToList();
        }
        var centre = BenchmarkData.CentralOrigin(_snapper);
        var (x, y) = graph.Pieces.PointAlong(centre.Piece, centre.MetersAlong);
        var point = graph.ToLonLat(new NetTopologySuite.Geometries.Point(x, y));
        _one = new List<Station> { new("centre", null, (NetTopologySuite.Geometries.Point)point) };
    }

    [Benchmark(Description = "one station, 15-min e-bike polygon")]
    public double OneStation() => ServiceAreaAnalysis.Run(_snapper, _one, Fifteen).Areas[0].AreaKm2;

    [Benchmark(Description = "1,000 stations, 15-min e-bike, merged")]
    public double ThousandStations() => ServiceAreaAnalysis.Run(_snapper, _stations, Fifteen).Coverage[0].AreaKm2;
}
