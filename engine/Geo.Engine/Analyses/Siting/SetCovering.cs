using System.Globalization;

namespace Geo.Analyses.Siting;

/// <summary>
/// Set covering (LSCP): the fewest new sites that, with the existing stations, cover a target share of all demand.
/// Greedy first, then the exact model (SCIP or CP-SAT) minimising the count, hinted with the greedy choice, within the time limit.
/// </summary>
public static class SetCovering
{
    /// <param name="targetShare">Share of all demand to cover, above 0 and at most 1.</param>
    public static SitingSolution Solve(CoverageInstance instance, double targetShare, SolverOptions options)
    {
        if (instance.Candidates == 0) throw new GeoInputException("there are no candidate sites to choose from");
        if (!double.IsFinite(targetShare) || targetShare <= 0 || targetShare > 1)
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture, $"--target must be a share above 0 % and at most 100 %, got {targetShare * 100:0.##} %"));
        }
        double required = targetShare * instance.TotalWeight;
        if (!instance.Reaches(instance.ReachableWeight, required))
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture,
                $"--target {targetShare * 100:0.##} % cannot be reached: with every one of the {instance.Candidates} candidates built the stations cover at most {instance.Share(instance.ReachableWeight) * 100:0.##} % of demand"));
        }
        var greedy = LazyGreedy.ToTarget(instance, required);
        IReadOnlyList<int> chosen = greedy.Chosen;
        double count = chosen.Count, bound = greedy.FewestSitesBound;
        string method = "greedy";
        ExactRun? exact = null;
        bool proven = count <= bound;
        if (options.Exact && !proven)
        {
            exact = options.UsesScip
                ? MipCoverage.Fewest(instance, required, greedy.Chosen, options.TimeLimit)
                : CpSatCoverage.Fewest(instance, required, greedy.Chosen, options.TimeLimit);
            if (exact.Chosen is { } found && found.Count < count && instance.Reaches(instance.CoverageOf(found), required))
            {
                (chosen, count, method) = (found, found.Count, exact.Solver);
            }
            bound = Math.Max(bound, exact.Bound);
            proven = (exact.Proven && count <= exact.Bound) || count <= bound;
        }
        if (proven) bound = count;
        bound = Math.Min(bound, count);
        double gap = count > 0 ? (count - bound) / count : 0;
        var sites = SitingSolution.Ordered(instance, chosen);
        double coverage = sites.Count > 0 ? sites[^1].Cumulative : instance.ExistingWeight;
        return new SitingSolution("LSCP", sites, instance.TotalWeight, instance.ExistingWeight, instance.ReachableWeight,
            coverage, count, bound, Math.Max(0, gap), proven, method, greedy, exact);
    }
}
