using System.Globalization;

namespace Geo.Analyses.Siting;

/// <summary>
/// How large an exact covering model may be before it is not built at all. Its size is the number of links between
/// candidates and the demand groups they reach (the covering constraints' non-zeros), after merging and dominance.
/// SCIP holds about 280 bytes per link: the 10-minute instance of the 300,000-junction city with K = 50 has 34 million
/// links, took 9.5 GB and 85 s of a 60 s limit, and found nothing better than greedy. Above the limit the heuristic's
/// answer and bound stand, and the status says why.
/// </summary>
internal static class ExactModelSize
{
    /// <summary>About 0.6 GB in SCIP; the real extracts' instances have 0.1 million links, a city's once the bound has settled most candidates 0.2 million.</summary>
    public const long MaxLinks = 2_000_000;

    /// <summary>Why the model is not built, or null when it is small enough.</summary>
    public static string? TooLarge(CandidateDominance.Reduced reduced)
    {
        long links = 0;
        foreach (var (candidates, _) in reduced.Groups) links += candidates.Length;
        if (links <= MaxLinks) return null;
        int kept = reduced.Kept.Count(k => k);
        return string.Create(CultureInfo.InvariantCulture,
            $"not run: {kept:N0} candidates linked {links:N0} times to {reduced.Groups.Count:N0} demand groups, more than the {MaxLinks:N0} links an exact model may hold in memory");
    }
}
