using Geo.Analyses;
using Geo.Data.Synthetic;
using Geo.MapViewer.Session;
using Xunit.Abstractions;

namespace Geo.Tests.MapViewer;

/// <summary>
/// The cache's size estimates against what a result really keeps alive on the heap: the objects reachable from the
/// result and not from the session that made it (so the shared graph, snapping index and dataset are not counted).
/// </summary>
public sealed class ResultSizeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ebike", 10.0)]
    [InlineData("walk", 20.0)]
    public void Audit_estimate_is_within_a_factor_of_two_of_the_retained_heap(string profile, double minutes)
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 6000, Stations: 30, Seed: 4));
        var inputs = new ViewerInputs("city", city, city.Stations, "stations", city.Subdistricts, "subdistricts", null, profile, 5, 300, Array.Empty<string>())
        {
            Planning = Geo.Analyses.Workflow.PlanningInputs.Of(city, city.Stations, "stations", city.Subdistricts, "subdistricts"),
        };
        var session = new ViewerSession(inputs);
        session.Audit(profile, 5);    // builds the graph, snapping index and pairing structures shared by every audit
        var heap = new ReachableHeap();
        heap.Exclude(session);
        var audit = session.Audit(profile, minutes);
        double measured = heap.Bytes(audit), estimated = ResultSizes.Of(audit);
        output.WriteLine($"{profile} {minutes} min: estimated {estimated / 1e6:0.00} MB, reachable {measured / 1e6:0.00} MB");
        Assert.True(estimated > measured / 2 && estimated < measured * 2, $"estimated {estimated / 1e6:0.00} MB, measured {measured / 1e6:0.00} MB");
    }
}
