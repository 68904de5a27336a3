using System.Diagnostics;
using Geo.Analyses.Coverage;
using Geo.Analyses.Demand;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.Siting;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses;

/// <summary>
/// A cancelled analysis stops its loops (per station, per candidate, per break) and throws, instead of running to
/// the end: what lets the server stop the work of a request that timed out or whose client went away.
/// </summary>
public sealed class CancellationTests
{
    private static readonly Lazy<(StreetDataset City, StreetSnapper Walk)> Setup = new(() =>
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 20_000, Stations: 300, Seed: 7));
        return (city, new StreetSnapper(StreetGraphBuilder.Build(city, TravelProfile.BuiltIn("walk"))));
    });

    /// <summary>Runs the work, cancels it after a moment, and returns how long it took to stop after the cancel.</summary>
    private static TimeSpan StopsAfterCancel(Action<CancellationToken> work)
    {
        using var cancel = new CancellationTokenSource();
        var clock = new Stopwatch();
        var run = Task.Run(() => work(cancel.Token));
        Thread.Sleep(150);
        Assert.False(run.IsCompleted, "the work finished before it could be cancelled; the test needs more of it");
        clock.Start();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        return clock.Elapsed;
    }

    [Fact]
    public void ServiceAreas_Run_cancelled_stops_between_stations()
    {
        var (city, walk) = Setup.Value;
        var stopped = StopsAfterCancel(c => ServiceAreaAnalysis.Run(walk, city.Stations, new ServiceAreaOptions(new[] { 15.0, 30, 45 }, Overlap: false), c));
        Assert.True(stopped < TimeSpan.FromSeconds(2), $"stopped {stopped.TotalMilliseconds:0} ms after the cancel");
    }

    [Fact]
    public void CoverageAudit_Run_cancelled_stops()
    {
        var (city, walk) = Setup.Value;
        var stopped = StopsAfterCancel(c => CoverageAudit.Run(walk, city.Stations, city.Subdistricts, null, new AuditOptions(45), cancellation: c));
        Assert.True(stopped < TimeSpan.FromSeconds(2), $"stopped {stopped.TotalMilliseconds:0} ms after the cancel");
    }

    [Fact]
    public void SitingAnalysis_Prepare_cancelled_stops_between_candidates()
    {
        var (city, walk) = Setup.Value;
        var candidates = CandidateGrid.Stations(walk.Graph, 100);
        var stopped = StopsAfterCancel(c => SitingAnalysis.Prepare(walk, city.Stations, candidates, DemandUnits.StreetKm(walk.Graph), new SitingOptions(10), c));
        Assert.True(stopped < TimeSpan.FromSeconds(2), $"stopped {stopped.TotalMilliseconds:0} ms after the cancel");
    }

    [Fact]
    public void WhatIf_With_a_cancelled_token_does_no_work()
    {
        var (city, walk) = Setup.Value;
        var small = city.Stations.Take(5).ToList();
        var baseline = CoverageAudit.Run(walk, small, city.Subdistricts, null, new AuditOptions(5));
        var whatIf = new CoverageWhatIf(baseline, walk, null);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => whatIf.With(city.Stations.Skip(5).Take(50).ToList(), cancel.Token));
    }
}
