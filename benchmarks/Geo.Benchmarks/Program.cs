using BenchmarkDotNet.Running;
using Geo.Benchmarks;

if (args.Length > 0 && args[0] == "figures")
{
    GraphFigures.Print(args.Length > 1 ? args[1] : null);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(GraphBenchmarks).Assembly).Run(args);
