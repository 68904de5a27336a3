using System.Collections.Concurrent;
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
/// The server's shared state: street graphs per travel profile and audits per (profile, break), each worked out once
/// on first use and then shared by every request. Everything cached here is read-only after it is built.
/// </summary>
public sealed class ViewerSession
{
    private readonly ConcurrentDictionary<string, Lazy<StreetSnapper>> _snappers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string, double), Lazy<AuditResult>> _audits = new();
    private readonly ConcurrentDictionary<(string, double), Lazy<ServiceAreaResult>> _breakAreas = new();
    private readonly ConcurrentDictionary<(string, double, double), Lazy<SitingProblem>> _siting = new();
    private readonly ConcurrentDictionary<(string, double), Lazy<CoverageWhatIf>> _whatIfs = new();

    /// <param name="defaultSnapper">The default profile's snapper when the caller has built it already.</param>
    public ViewerSession(ViewerInputs inputs, StreetSnapper? defaultSnapper = null)
    {
        Inputs = inputs;
        if (defaultSnapper is not null) _snappers[inputs.DefaultProfile] = new Lazy<StreetSnapper>(defaultSnapper);
        Profiles = TravelProfile.BuiltInNames.ToList();
        var extent = new Envelope();
        foreach (var s in inputs.Dataset.Streets) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        foreach (var s in inputs.Subdistricts) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        if (extent.IsNull) throw new GeoInputException($"{inputs.DataName} has no streets: there is nothing to show");
        Extent = extent;
    }

    public ViewerInputs Inputs { get; }

    public IReadOnlyList<string> Profiles { get; }

    /// <summary>The lon/lat extent of the streets and subdistricts; requests outside it (plus a margin) are refused.</summary>
    public Envelope Extent { get; }

    /// <summary>The breaks drawn for one station or the service-area layer: a third, two thirds and all of the break.</summary>
    public static IReadOnlyList<double> BreaksOf(double minutes) =>
        new[] { minutes / 3, minutes * 2 / 3, minutes }.Select(m => Math.Round(m, 2)).Distinct().ToArray();

    public StreetSnapper Snapper(string profile) =>
        _snappers.GetOrAdd(profile, p => new Lazy<StreetSnapper>(() =>
            new StreetSnapper(StreetGraphBuilder.Build(Inputs.Dataset, TravelProfile.Load(p)), Inputs.MaxSnapMeters))).Value;

    /// <summary>The audit of the existing stations, with their pairing, for one profile and break.</summary>
    public AuditResult Audit(string profile, double minutes) =>
        _audits.GetOrAdd((profile.ToLowerInvariant(), minutes), key => new Lazy<AuditResult>(() => RunAudit(key.Item1, key.Item2))).Value;

    /// <summary>Every existing station's service areas at a third, two thirds and all of the break.</summary>
    public ServiceAreaResult BreakAreas(string profile, double minutes) =>
        _breakAreas.GetOrAdd((profile.ToLowerInvariant(), minutes), key => new Lazy<ServiceAreaResult>(() =>
            ServiceAreaAnalysis.Run(Snapper(key.Item1), Inputs.Stations, new ServiceAreaOptions(BreaksOf(key.Item2), Overlap: false, Direction: Inputs.Direction)))).Value;

    /// <summary>Siting runs one at a time: each may use every core and the exact solver.</summary>
    public SemaphoreSlim SitingGate { get; } = new(1, 1);

    /// <summary>
    /// The coverage sets of the existing stations and of street-junction candidates thinned to a spacing. Street
    /// demand is cut where the audit's coverage ends, so siting starts from the audit's covered street length.
    /// </summary>
    public SitingProblem SitingProblem(string profile, double minutes, double spacingMeters) =>
        _siting.GetOrAdd((profile.ToLowerInvariant(), minutes, spacingMeters), key => new Lazy<SitingProblem>(() =>
        {
            var snapper = Snapper(key.Item1);
            var units = Inputs.Demand is { Count: > 0 } points
                ? DemandUnits.FromPoints(snapper, points)
                : DemandUnits.StreetKm(snapper.Graph, Audit(key.Item1, key.Item2).ServiceAreas.CoveredStreets[0]);
            return SitingAnalysis.Prepare(snapper, Inputs.Stations, CandidateGrid.Stations(snapper.Graph, key.Item3), units,
                new SitingOptions(key.Item2, Inputs.Direction));
        })).Value;

    /// <summary>The coverage with extra stations, worked out from the cached audit by what they add.</summary>
    public WhatIfResult WhatIf(string profile, double minutes, IReadOnlyList<Geo.Data.Model.Station> added) => WhatIfBase(profile, minutes).With(added);

    /// <summary>Works out what the first page view needs (audit, what-if base, service areas per break) before serving.</summary>
    public void WarmUp(string profile, double minutes)
    {
        WhatIfBase(profile, minutes);
        BreakAreas(profile, minutes);
    }

    private CoverageWhatIf WhatIfBase(string profile, double minutes) =>
        _whatIfs.GetOrAdd((profile.ToLowerInvariant(), minutes), key => new Lazy<CoverageWhatIf>(() =>
            new CoverageWhatIf(Audit(key.Item1, key.Item2), Snapper(key.Item1), Inputs.Demand))).Value;

    private AuditResult RunAudit(string profile, double minutes) =>
        Geo.Analyses.Workflow.PlanningWorkflow.Audit(Snapper(profile), Inputs.Planning, new AuditOptions(minutes, Direction: Inputs.Direction)).ByUnit;
}
