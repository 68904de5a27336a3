using System.Globalization;
using Geo.Analyses.Siting;

namespace Geo.Cli.Commands;

/// <summary>The siting answer as the planner reads it on the terminal: chosen sites in order, then objective, bound and gap.</summary>
internal static class SitingReport
{
    public static IEnumerable<string> Lines(SitingSolution s, string demand, Func<ChosenSite, (double Lon, double Lat)>? where = null)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"existing stations cover {s.ExistingCoverage:0.###} of {s.TotalDemand:0.###} {demand} ({s.ExistingShare * 100:0.##} %); every candidate built would reach {100 * s.ReachableCoverage / Math.Max(s.TotalDemand, 1e-300):0.##} %");
        // An exported instance knows its candidates by id only: no place columns then.
        yield return where is null
            ? "order  site                        marginal     cumulative   covered %"
            : "order  site                      lon         lat        marginal     cumulative   covered %";
        foreach (var site in s.Sites)
        {
            string place = where?.Invoke(site) is var (lon, lat) ? string.Create(c, $"  {lon,10:0.000000}  {lat,10:0.000000}") : "";
            yield return string.Create(c, $"{site.Order,5}  {site.Id,-24}{place}  {site.Marginal,11:0.###}  {site.Cumulative,12:0.###}  {site.CumulativeShare * 100,9:0.##}");
        }
        string objective = s.Problem == "MCLP" ? string.Create(c, $"covered demand {s.Objective:0.####}") : string.Create(c, $"{s.Objective:0} new sites");
        string bound = s.Problem == "MCLP" ? string.Create(c, $"upper bound {s.BestBound:0.####}") : string.Create(c, $"lower bound {s.BestBound:0} sites");
        yield return string.Create(c, $"{s.Problem} by {s.Method}: {objective}, {bound}, gap {s.Gap * 100:0.###} %{(s.ProvenOptimal ? " (proven optimal)" : "")}");
        string lagrangian = s.Lagrangian is { } l ? string.Create(c, $"; Lagrangian bound {l.Bound:0.####} after {l.Iterations} steps in {l.Milliseconds} ms ({l.DroppedCount} candidates dropped, {l.FixedCount} fixed)") : "";
        string exact = s.Exact is { } e ? $"; {e.Solver} {e.Status} in {e.Milliseconds} ms" : "";
        yield return string.Create(c, $"greedy {s.Greedy.Value:0.####} in {s.Greedy.Milliseconds} ms{lagrangian}{exact}");
    }
}
