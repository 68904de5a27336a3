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

    /// <summary>A central origin: the junction of the main network nearest the middle of the data's extent.</summary>
    public static Geo.Streets.Snapping.SnapResult CentralOrigin(Geo.Streets.Snapping.StreetSnapper snapper)
    {
        var graph = snapper.Graph;
        int best = -1;
        double bestDistance = double.MaxValue;
        for (int v = 0; v < graph.VertexCount; v++)
        {
            double d = (double)graph.VertexX[v] * graph.VertexX[v] + (double)graph.VertexY[v] * graph.VertexY[v];
            if (graph.ComponentOf[v] == 0 && d < bestDistance) (best, bestDistance) = (v, d);
        }
        return snapper.SnapProjected(graph.VertexX[best], graph.VertexY[best]);
    }
}
