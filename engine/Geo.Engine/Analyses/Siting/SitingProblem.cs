using Geo.Analyses.Demand;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Siting;

/// <summary>
/// A siting question ready to solve: the existing stations and the candidates as placed on the streets, the demand,
/// and the covering instance built from them (candidate j of the instance is <see cref="Candidates"/>[j]).
/// </summary>
public sealed record SitingProblem(
    string Profile,
    SitingOptions Options,
    IReadOnlyList<Site> Existing,
    IReadOnlyList<Site> Candidates,
    DemandUnits Demand,
    CoverageInstance Instance,
    IReadOnlyList<string> Warnings,
    long CoverageMilliseconds)
{
    public Point PointOf(ChosenSite site) => Candidates[site.Candidate].Geometry;
}
