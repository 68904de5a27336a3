using Geo.Analyses;
using Geo.Data.Synthetic;
using Geo.MapViewer.Session;

namespace Geo.Tests.MapViewer;

[CollectionDefinition("Memory measurements", DisableParallelization = true)]
public sealed class MemoryMeasurementCollection;

/// <summary>
/// The cache's size estimates against what a result really keeps alive on the heap, measured with full collections
/// before and after it is made (run alone, so other tests' allocations do not blur the figure).
/// </summary>
[Collection("Memory measurements")]
public sealed class ResultSizeTests
{
    [Theory]
    [InlineData("ebike", 10.0)]
    [InlineData("walk", 20.0)]
    public void Audit_estimate_is_within_a_factor_of_two_of_the_retained_heap(string profile, double minutes)
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 6000, Stations: 30, Seed: 4));
        var inputs = new ViewerInputs("city", city, city.Stations, "stations", city.Subdistricts, "subdistricts", null, profile, 5, 300, Array.Empty<string>());
        var session = new ViewerSession(inputs);
        session.Audit(profile, 5);    // builds the graph, snapping index and pairing structures shared by every audit
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var audit = session.Audit(profile, minutes);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(audit);
        double measured = after - before, estimated = ResultSizes.Of(audit);
        Assert.True(estimated > measured / 2 && estimated < measured * 2, $"estimated {estimated / 1e6:0.00} MB, measured {measured / 1e6:0.00} MB");
    }
}
