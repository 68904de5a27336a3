using System.Collections.Concurrent;
using Geo.Analyses;
using Geo.Analyses.Coverage;
using Geo.Analyses.Demand;
using Geo.Analyses.Siting;
using Geo.Analyses.Pairing;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.MapViewer.Session;

/// <summary>
/// The server's shared state: street graphs per travel profile (at most one per built-in profile), and results keyed
/// by request values (audits per profile and break, service areas per break, what-if bases, siting problems) in one
/// <see cref="ResultCache"/> within a byte budget. Everything cached is read-only after it is built; what the first
/// page view needs is pinned.
/// </summary>
public sealed class ViewerSession
{
    public const int DefaultCacheMegabytes = 1024;

    private readonly ConcurrentDictionary<string, Lazy<StreetSnapper>> _snappers = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="defaultSnapper">The default profile's snapper when the caller has built it already.</param>
    /// <param name="cacheMegabytes">The budget of <see cref="Cache"/>.</param>
    public ViewerSession(ViewerInputs inputs, StreetSnapper? defaultSnapper = null, int cacheMegabytes = DefaultCacheMegabytes)
    {
        Inputs = inputs;
        FirstView = new FirstView(inputs.DefaultProfile, inputs.DefaultMinutes);
        Cache = new ResultCache(cacheMegabytes * 1024L * 1024);
        if (defaultSnapper is not null) _snappers[inputs.DefaultProfile] = new Lazy<StreetSnapper>(defaultSnapper);
        Profiles = TravelProfile.BuiltInNames.ToList();
        var extent = new Envelope();
        foreach (var s in inputs.Dataset.Streets) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        foreach (var s in inputs.Subdistricts) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        if (extent.IsNull) throw new GeoInputException($"{inputs.DataName} has no streets: there is nothing to show");
        Extent = extent;
    }

    public ViewerInputs Inputs { get; }

    /// <summary>Every result worked out for a request, within the server's cache budget (<c>--cache-mb</c>).</summary>
    public ResultCache Cache { get; }

    public IReadOnlyList<string> Profiles { get; }

    /// <summary>The lon/lat extent of the streets and subdistricts; requests outside it (plus a margin) are refused.</summary>
    public Envelope Extent { get; }

    /// <summary>The breaks drawn for one station or the service-area layer: a third, two thirds and all of the break.</summary>
    public static IReadOnlyList<double> BreaksOf(double minutes) =>
        new[] { minutes / 3, minutes * 2 / 3, minutes }.Select(m => Math.Round(m, 2)).Distinct().ToArray();

    public StreetSnapper Snapper(string profile) =>
        _snappers.GetOrAdd(profile, p => new Lazy<StreetSnapper>(() =>
            new StreetSnapper(StreetGraphBuilder.Build(Inputs.Dataset, TravelProfile.Load(p)), Inputs.MaxSnapMeters))).Value;

    /// <summary>Whether the audit for this profile and break is ready, so asking for it costs nothing.</summary>
    public bool HasAudit(string profile, double minutes) => Cache.Contains(("audit", profile.ToLowerInvariant(), minutes));

    /// <summary>Whether every station's service areas per break for this profile and break are ready.</summary>
    public bool HasBreakAreas(string profile, double minutes) => Cache.Contains(("break-areas", profile.ToLowerInvariant(), minutes));

    /// <summary>The audit of the existing stations, with their pairing, for one profile and break.</summary>
    public AuditResult Audit(string profile, double minutes, CancellationToken cancellation = default) =>
        Cache.GetOrAdd(("audit", profile.ToLowerInvariant(), minutes), c => RunAudit(profile.ToLowerInvariant(), minutes, c),
            ResultSizes.Of, cancellation, FirstView.Is(profile, minutes));

    /// <summary>
    /// Every existing station's service areas at a third, two thirds and all of the break: the service-area tiles,
    /// worked out when they are first asked for.
    /// </summary>
    public ServiceAreaResult BreakAreas(string profile, double minutes, CancellationToken cancellation = default) =>
        Cache.GetOrAdd(("break-areas", profile.ToLowerInvariant(), minutes), c =>
            ServiceAreaAnalysis.Run(Snapper(profile.ToLowerInvariant()), Inputs.Stations, BreakAreaOptions(minutes), c),
            ResultSizes.Of, cancellation, FirstView.Is(profile, minutes));

    /// <summary>
    /// The service areas per break of the stations with this id: taken from <see cref="BreakAreas"/> when those are
    /// ready, else drawn for these stations alone. Both are the same polygons: a station's cells depend on its own
    /// reach and the city's cell grid, never on the other stations.
    /// </summary>
    public ServiceAreaResult StationAreas(string profile, double minutes, string stationId, CancellationToken cancellation = default)
    {
        if (HasBreakAreas(profile, minutes)) return BreakAreas(profile, minutes, cancellation);
        var stations = Inputs.Stations.Where(s => s.Id == stationId).ToList();
        return ServiceAreaAnalysis.Run(Snapper(profile.ToLowerInvariant()), stations, BreakAreaOptions(minutes), cancellation);
    }

    /// <summary>How the map's service areas per break are drawn, for every station at once or for one alone.</summary>
    private ServiceAreaOptions BreakAreaOptions(double minutes) => new(BreaksOf(minutes), Overlap: false, Direction: Inputs.Direction);

    /// <summary>Siting runs one at a time: each may use every core and the exact solver.</summary>
    public SemaphoreSlim SitingGate { get; } = new(1, 1);

    /// <summary>
    /// The coverage sets of the existing stations and of street-junction candidates thinned to a spacing. Street
    /// demand is cut where the audit's coverage ends, so siting starts from the audit's covered street length.
    /// </summary>
    public SitingProblem SitingProblem(string profile, double minutes, double spacingMeters, CancellationToken cancellation = default) =>
        Cache.GetOrAdd(("siting", profile.ToLowerInvariant(), minutes, spacingMeters), c =>
        {
            var snapper = Snapper(profile.ToLowerInvariant());
            var units = Inputs.Demand is { Count: > 0 } points
                ? DemandUnits.FromPoints(snapper, points)
                : DemandUnits.StreetKm(snapper.Graph, Audit(profile, minutes, c).ServiceAreas.CoveredStreets[0]);
            return SitingAnalysis.Prepare(snapper, Inputs.Stations, CandidateGrid.Stations(snapper.Graph, spacingMeters), units,
                new SitingOptions(minutes, Inputs.Direction), c);
        }, ResultSizes.Of, cancellation);

    /// <summary>The coverage with extra stations, worked out from the cached audit by what they add.</summary>
    public WhatIfResult WhatIf(string profile, double minutes, IReadOnlyList<Geo.Data.Model.Station> added, CancellationToken cancellation = default) =>
        WhatIfBase(profile, minutes, cancellation).With(added, cancellation);

    /// <summary>What the first page view needs, and whether it is ready.</summary>
    public FirstView FirstView { get; }

    /// <summary>Works out what the first page view needs (the audit and the what-if base) now.</summary>
    public void WarmUp() => FirstView.Run(WorkOutFirstView);

    /// <summary>
    /// Works out what the first page view needs in the background, on one thread per core; the task faults as that
    /// work does.
    /// </summary>
    public Task WarmUpInBackground()
    {
        var threads = new Geo.MapViewer.Api.ComputeThreads(Environment.ProcessorCount);
        var work = FirstView.RunInBackground(WorkOutFirstView, threads);
        work.ContinueWith(_ => threads.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return work;
    }

    // The service areas per break are not part of it: only their tiles need them (a layer shown when asked for), and
    // a station's popup draws that station's alone.
    private void WorkOutFirstView()
    {
        WhatIfBase(FirstView.Profile, FirstView.Minutes, CancellationToken.None);
        // The audit's passing work leaves the heap at its peak size: compacted once and given back, the server then
        // holds what it keeps, and its memory budget is measured from there.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private CoverageWhatIf WhatIfBase(string profile, double minutes, CancellationToken cancellation)
    {
        AuditResult? audit = null;
        return Cache.GetOrAdd(("whatif-base", profile.ToLowerInvariant(), minutes), c =>
            new CoverageWhatIf(audit = Audit(profile, minutes, c), Snapper(profile.ToLowerInvariant()), Inputs.Demand),
            _ => ResultSizes.OfWhatIfBase(audit!), cancellation, FirstView.Is(profile, minutes));
    }

    private AuditResult RunAudit(string profile, double minutes, CancellationToken cancellation)
    {
        // The audit's circles are the largest of the breaks the map draws: when those are drawn already, not again.
        var areas = BreaksOf(minutes)[^1] == minutes && HasBreakAreas(profile, minutes) ? BreakAreas(profile, minutes, cancellation).LargestBreakOnly() : null;
        return Geo.Analyses.Workflow.PlanningWorkflow.Audit(Snapper(profile), Inputs.Planning, new AuditOptions(minutes, Direction: Inputs.Direction), cancellation, areas).ByUnit;
    }
}
