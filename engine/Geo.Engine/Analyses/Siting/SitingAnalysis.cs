using System.Diagnostics;
using Geo.Analyses.Demand;
using Geo.Data.Model;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Siting;

/// <summary>
/// Sets up a siting question on the streets: snaps the existing stations and the candidates, leaves out candidates
/// that stand where a station already is, and works out which demand units every site covers within the break.
/// Existing stations are fixed: their coverage is counted before any new site is chosen.
/// </summary>
public static class SitingAnalysis
{
    public static SitingProblem Prepare(StreetSnapper snapper, IReadOnlyList<Station> existing, IReadOnlyList<Station> candidates,
        DemandUnits demand, SitingOptions options, CancellationToken cancellation = default)
    {
        options.Validate();
        if (candidates.Count == 0) throw new GeoInputException("the candidate layer is empty: give candidate sites (a layer, pois:<query> or grid:<spacing>)");
        var graph = snapper.Graph;
        var warnings = new List<string>();
        var existingSites = Snap(snapper, existing, existing: true, warnings, cancellation);
        if (existing.Count > 0 && existingSites.Count == 0)
        {
            throw new GeoInputException($"none of the {existing.Count} existing stations is within {snapper.MaxDistanceMeters:0} m of a street usable by {graph.Profile.Name} ({warnings[^1]}); give usable stations, or --stations none to site from scratch");
        }
        var snappedCandidates = Snap(snapper, candidates, existing: false, warnings, cancellation);
        var candidateSites = new List<Site>();
        int atStations = 0;
        foreach (var c in snappedCandidates)
        {
            if (existingSites.Any(e => Math.Abs(e.Snap.X - c.Snap.X) <= SitingOptions.SameSiteMeters && Math.Abs(e.Snap.Y - c.Snap.Y) <= SitingOptions.SameSiteMeters)) atStations++;
            else candidateSites.Add(c);
        }
        if (atStations > 0) warnings.Add($"{atStations} candidates stand where a station already is and were left out");
        if (candidateSites.Count == 0)
        {
            throw new GeoInputException(snappedCandidates.Count == 0
                ? $"none of the {candidates.Count} candidates is within {snapper.MaxDistanceMeters:0} m of a street usable by {graph.Profile.Name}"
                : $"all {snappedCandidates.Count} candidates stand where stations already are: there is nowhere new to choose");
        }
        if (demand.UnsnappedCount > 0)
        {
            warnings.Add($"{demand.UnsnappedCount} demand points (weight {demand.UnsnappedWeight:0.##}) are farther than {snapper.MaxDistanceMeters:0} m from a usable street and are left out of the total demand");
        }

        var clock = Stopwatch.StartNew();
        var all = existingSites.Concat(candidateSites).Select(s => s.Snap).ToList();
        var sets = CoverageSets.Build(graph, demand, all, options.Minutes * 60, options.Direction, cancellation);
        var coveredByExisting = new bool[demand.Count];
        for (int i = 0; i < existingSites.Count; i++) foreach (int u in sets[i]) coveredByExisting[u] = true;
        var instance = new CoverageInstance(demand.Weight, sets[existingSites.Count..], coveredByExisting, candidateSites.Select(c => c.Id).ToArray());
        return new SitingProblem(graph.Profile.Name, options, existingSites, candidateSites, demand, instance, warnings, clock.ElapsedMilliseconds);
    }

    private static List<Site> Snap(StreetSnapper snapper, IReadOnlyList<Station> stations, bool existing, List<string> warnings, CancellationToken cancellation)
    {
        var snaps = new SnapResult[stations.Count];
        Parallel.For(0, stations.Count, new ParallelOptions { CancellationToken = cancellation }, i => snaps[i] = snapper.Snap(stations[i].Geometry));
        var sites = new List<Site>(stations.Count);
        int unsnapped = 0;
        string? example = null;
        for (int i = 0; i < stations.Count; i++)
        {
            if (snaps[i].IsSnapped) sites.Add(new Site(stations[i].Id, stations[i].Name, stations[i].Geometry, snaps[i], existing));
            else
            {
                unsnapped++;
                example ??= $"{stations[i].Id}: {snaps[i].Reason}";
            }
        }
        if (unsnapped > 0) warnings.Add($"{unsnapped} {(existing ? "existing stations" : "candidates")} left out, too far from a usable street (e.g. {example})");
        return sites;
    }
}
