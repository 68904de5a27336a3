using BenchmarkDotNet.Attributes;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Benchmarks;

/// <summary>
/// The stages of the audit on the synthetic Chengdu-sized city, one at a time: one central station's 15-minute e-bike
/// cells (stamping, the diagonal pass, tracing), merging 1,000 stations' reached intervals, the streets' convex hull
/// that keeps units within the data, and reading and writing the 600,000 streets of a GeoPackage (writing encodes
/// every feature, or copies the dataset's rows).
/// </summary>
[MemoryDiagnoser]
public class AuditStageBenchmarks
{
    private StreetSnapper _snapper = null!;
    private CellGrid _grid = null!;
    private ReachedInterval[] _reached = null!;
    private CellMask _stamped = null!;
    private CellMask _fixed = null!;
    private List<ReachedInterval> _allStations = null!;
    private FeatureLayer _streets = null!;
    private string _folder = null!;
    private double _lateral;

    [GlobalSetup]
    public void Setup()
    {
        var dataset = BenchmarkData.Load(BenchmarkData.SyntheticCity);
        _snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));
        var graph = _snapper.Graph;
        _lateral = graph.Profile.LateralMeters;
        _grid = ServiceAreaAnalysis.GridFor(graph, _lateral, _lateral / ServiceAreaOptions.CellsPerLateral);
        var search = new ShortestPathSearch(graph);
        var reached = new ReachedStreets(graph, TravelDirection.FromStation);
        var centre = BenchmarkData.CentralOrigin(_snapper);
        search.Run(centre.Seeds(graph, 0, TravelDirection.FromStation), 900);
        _reached = reached.Collect(search, centre, new double[] { 900 })[0].ToArray();
        _stamped = Stamp();
        _fixed = Copy(_stamped);
        _fixed.RemoveDiagonals();

        _allStations = new List<ReachedInterval>();
        foreach (var station in dataset.Stations.Take(1000))
        {
            var snap = _snapper.Snap(station.Geometry);
            if (!snap.IsSnapped) continue;
            search.Run(snap.Seeds(graph, 0, TravelDirection.FromStation), 900);
            _allStations.AddRange(reached.Collect(search, snap, new double[] { 900 })[0]);
        }

        _folder = Path.Combine(Path.GetTempPath(), $"geo-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _streets = DatasetLayers.ToLayers(dataset).First(l => l.Name == DatasetLayers.Streets);
        new GeoPackageStore(Path.Combine(_folder, "city.gpkg"), create: true).WriteLayers(new[] { _streets });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    private CellMask Stamp()
    {
        var window = CellMask.Around(_grid, _snapper.Graph.Pieces, _reached, _lateral);
        var mask = new CellMask(_grid, window.Column0, window.Row0, window.Width, window.Height);
        mask.Stamp(_snapper.Graph.Pieces, _reached, _lateral);
        return mask;
    }

    private static CellMask Copy(CellMask mask)
    {
        var copy = new CellMask(mask.Grid, mask.Column0, mask.Row0, mask.Width, mask.Height);
        mask.Cells.CopyTo(copy.Cells, 0);
        return copy;
    }

    [Benchmark(Description = "one station: stamp its 15-min cells")]
    public int StampCells() => Stamp().Width;

    [Benchmark(Description = "the streets' convex hull, every point to NetTopologySuite")]
    public int HullOfEveryPoint()
    {
        var pieces = _snapper.Graph.Pieces;
        var points = Enumerable.Range(0, pieces.PointX.Length).Select(i => new NetTopologySuite.Geometries.Coordinate(pieces.PointX[i], pieces.PointY[i])).ToArray();
        return new NetTopologySuite.Algorithm.ConvexHull(points, new NetTopologySuite.Geometries.GeometryFactory()).GetConvexHull().NumPoints;
    }

    [Benchmark(Description = "the streets' convex hull, as units are kept within the data")]
    public int DataHull() => Geo.Data.Subdistricts.UnitsWithinData.DataHull(_snapper.Graph).NumPoints;

    [Benchmark(Description = "one station: diagonal pass")]
    public int RemoveDiagonals()
    {
        var mask = Copy(_stamped);
        mask.RemoveDiagonals();
        return mask.Width;
    }

    [Benchmark(Description = "one station: trace cells into polygons")]
    public int Trace() => CellTracer.Trace(_fixed).NumPoints;

    [Benchmark(Description = "1,000 stations: merge reached intervals")]
    public int MergeIntervals() => ServiceAreaAnalysis.MergeIntervals(_allStations).Count;

    [Benchmark(Description = "read 600k streets from a GeoPackage")]
    public int ReadStreets() => new GeoPackageStore(Path.Combine(_folder, "city.gpkg"), create: false).ReadLayer(DatasetLayers.Streets).Features.Count;

    [Benchmark(Description = "write 600k streets: encode every feature")]
    public long WriteStreets() => Write(null);

    [Benchmark(Description = "write 600k streets: copy the dataset's rows")]
    public long CopyStreets() => Write(new LayerCopy(Path.Combine(_folder, "city.gpkg"), DatasetLayers.Streets));

    private long Write(LayerCopy? copy)
    {
        string path = Path.Combine(_folder, $"out-{Guid.NewGuid():N}.gpkg");
        _streets.CopyOf = copy;
        new GeoPackageStore(path, create: true).WriteLayers(new[] { _streets });
        long size = new FileInfo(path).Length;
        File.Delete(path);
        return size;
    }
}
