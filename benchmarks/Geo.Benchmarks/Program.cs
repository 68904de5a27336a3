using BenchmarkDotNet.Running;
using Geo.Benchmarks;

if (args.Length > 0 && args[0] == "figures")
{
    GraphFigures.Print(args.Length > 1 ? args[1] : null);
    return;
}
if (args.Length == 2 && args[0] == "audit-stages")
{
    AuditStages.Print(args[1]);
    return;
}
if (args.Length == 4 && args[0] == "compare-service-areas")
{
    ServiceAreaComparison.Run(args[1], args[2], int.Parse(args[3]));
    return;
}
if (args.Length == 4 && args[0] == "qgis-inputs")
{
    QgisInputs.Write(args[1], int.Parse(args[2]), args[3]);
    return;
}
if (args.Length == 3 && args[0] == "station-steps")
{
    StationSteps.Print(args[1], int.Parse(args[2]));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(GraphBenchmarks).Assembly).Run(args);
