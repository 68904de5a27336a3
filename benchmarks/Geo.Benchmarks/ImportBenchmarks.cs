using BenchmarkDotNet.Attributes;
using Geo.Data.Osm;

namespace Geo.Benchmarks;

/// <summary>Importing each real shared OSM extract (PBF to the in-memory dataset, sha256 included).</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    [Params("chengdu-center", "shanghai-center", "liechtenstein", "andorra")]
    public string Extract { get; set; } = "chengdu-center";

    [Benchmark(Description = "import PBF")]
    public int Import() => new OsmPbfImporter().Import(BenchmarkData.ExtractPath(Extract)).Dataset.Streets.Count;
}
