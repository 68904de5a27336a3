using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Data.Synthetic;

namespace Geo.Benchmarks;

/// <summary>
/// The datasets benchmarks run on: the synthetic Chengdu-sized city (300,000 junctions, 1,000 stations; generated,
/// and every figure from it says so) and the real shared OSM extracts beside the repository.
/// </summary>
public static class BenchmarkData
{
    public const string SyntheticCity = "synthetic-300k";

    public static IEnumerable<string> Names => new[] { SyntheticCity, "chengdu-center", "shanghai-center", "liechtenstein", "andorra" };

    private static readonly Dictionary<string, StreetDataset> Cache = new();

    public static StreetDataset Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            var dataset = name == SyntheticCity
                ? Geo.Data.Synthetic.SyntheticCity.Generate(new SyntheticCityOptions())
                : new OsmPbfImporter().Import(ExtractPath(name)).Dataset;
            Cache[name] = dataset;
            return dataset;
        }
    }

    public static string ExtractPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", name + ".osm.pbf");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{name}.osm.pbf not found in a shared/datasets folder above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Distinct junctions of the main network, drawn at random with a fixed seed: the stations of the side-by-side
    /// comparisons, the same for every peer and every run.
    /// </summary>
    public static List<int> RandomJunctions(Geo.Streets.StreetGraph graph, int count)
    {
        var random = new Random(7);
        var junctions = new List<int>();
        while (junctions.Count < count)
        {
            int v = random.Next(graph.VertexCount);
            if (graph.ComponentOf[v] == 0 && !junctions.Contains(v)) junctions.Add(v);
        }
        return junctions;
    }

    /// <summary>
    /// A central origin: the junction nearest the middle of the data from which a 15-minute e-bike ride reaches at
    /// least 1 % of the network (in the mountains or among one-ways the very nearest one can be a dead end).
    /// </summary>
    public static Geo.Streets.Snapping.SnapResult CentralOrigin(Geo.Streets.Snapping.StreetSnapper snapper)
    {
        var graph = snapper.Graph;
        var search = new Geo.Streets.Search.ShortestPathSearch(graph);
        var byDistance = Enumerable.Range(0, graph.VertexCount)
            .OrderBy(v => (double)graph.VertexX[v] * graph.VertexX[v] + (double)graph.VertexY[v] * graph.VertexY[v]);
        foreach (int v in byDistance)
        {
            var snap = snapper.SnapProjected(graph.VertexX[v], graph.VertexY[v]);
            search.Run(snap.Seeds(graph), 900);
            if (search.Settled.Count >= graph.VertexCount / 100) return snap;
        }
        throw new InvalidOperationException("no junction reaches 1 % of the network in 15 minutes");
    }
}
