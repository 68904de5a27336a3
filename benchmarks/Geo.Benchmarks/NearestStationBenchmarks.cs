using BenchmarkDotNet.Attributes;
using Geo.Analyses.Navigation;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Benchmarks;

/// <summary>
/// 驿站导航 queries on a synthetic city with 1,000 stations (whose hours are the generator's mix of 24/7, long days and
/// office hours): each operation is one rider's full answer (snap, lookup or search, route and steps) on one core.
/// The city's size comes from GEO_NAV_VERTICES (default 30,000; 300,000 for the quoted figures).
/// </summary>
[MemoryDiagnoser]
public class NearestStationBenchmarks
{
    private const int Riders = 1000;
    private StationNavigator _navigator = null!;
    private (double Lon, double Lat)[] _riders = null!;
    private StreetGraph _reversed = null!;
    private PointArrivals _arrivals = null!;
    private static readonly DateTime Evening = new(2026, 12, 2, 21, 30, 0);

    public static IEnumerable<int> Sizes() =>
        new[] { int.TryParse(Environment.GetEnvironmentVariable("GEO_NAV_VERTICES"), out int v) ? v : 30_000 };

    [ParamsSource(nameof(Sizes))]
    public int Vertices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dataset = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: Vertices, Stations: 1000));
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));
        _navigator = new StationNavigator(snapper, dataset.Stations);
        _reversed = snapper.Graph.Reversed();
        _arrivals = new PointArrivals(snapper.Graph, Enumerable.Range(0, dataset.Stations.Count).Select(_navigator.SnapOf).ToArray());
        var random = new Random(1);
        var extent = snapper.LonLatExtent;
        _riders = Enumerable.Range(0, Riders * 3)
            .Select(_ => (extent.MinX + random.NextDouble() * extent.Width, extent.MinY + random.NextDouble() * extent.Height))
            .Where(p => snapper.Snap(p.Item1, p.Item2).IsSnapped).Take(Riders).ToArray();
        // The labellings are built once per open set and then shared; the first query of a set pays for it.
        _navigator.Nearest(_riders[0].Lon, _riders[0].Lat, new NearestStationQuery());
        _navigator.Nearest(_riders[0].Lon, _riders[0].Lat, new NearestStationQuery(At: Evening));
    }

    [Benchmark(OperationsPerInvoke = Riders, Description = "k=1, hours not looked at")]
    public double NearestOne() => Run(new NearestStationQuery());

    [Benchmark(OperationsPerInvoke = Riders, Description = "k=1, open at 21:30")]
    public double NearestOneOpen() => Run(new NearestStationQuery(At: Evening));

    [Benchmark(OperationsPerInvoke = Riders, Description = "k=3, open at 21:30")]
    public double NearestThreeOpen() => Run(new NearestStationQuery(K: 3, At: Evening));

    [Benchmark(Description = "labelling for a new open set (1,000 stations)")]
    public double Labelling()
    {
        var open = _navigator.OpenAt(null);
        open[0] = !open[0];
        return new NearestStationLabelling(_reversed, _arrivals, open).SecondsFrom(0);
    }

    private double Run(NearestStationQuery query)
    {
        double total = 0;
        foreach (var (lon, lat) in _riders)
        {
            var answer = _navigator.Nearest(lon, lat, query);
            if (answer.Routes.Count > 0) total += answer.Routes[0].Route.Seconds;
        }
        return total;
    }
}
