namespace Geo.Analyses.Siting;

/// <summary>A chosen new site: its place in the order, the demand it adds, and the coverage so far (demand and share of all demand).</summary>
public sealed record ChosenSite(int Order, int Candidate, string Id, double Marginal, double Cumulative, double CumulativeShare);

/// <summary>
/// The answer to a siting question. For maximal covering (<c>MCLP</c>) the objective is covered demand and the bound
/// an upper bound on it; for set covering (<c>LSCP</c>) the objective is the number of new sites and the bound a lower
/// bound on it. The gap is |objective − bound| relative to the objective's side, never negative, 0 when proven optimal.
/// </summary>
public sealed record SitingSolution(
    string Problem,
    IReadOnlyList<ChosenSite> Sites,
    double TotalDemand,
    double ExistingCoverage,
    double ReachableCoverage,
    double Coverage,
    double Objective,
    double BestBound,
    double Gap,
    bool ProvenOptimal,
    string Method,
    GreedyRun Greedy,
    ExactRun? Exact)
{
    /// <summary>The Lagrangian relaxation's run, when maximal covering needed a bound beyond greedy's.</summary>
    public LagrangianRun? Lagrangian { get; init; }

    public double CoverageShare => TotalDemand > 0 ? Coverage / TotalDemand : 0;
    public double ExistingShare => TotalDemand > 0 ? ExistingCoverage / TotalDemand : 0;

    /// <summary>Coverage after 0, 1, … K new sites in the chosen order: the coverage-vs-K curve.</summary>
    public IReadOnlyList<double> Curve => new[] { ExistingCoverage }.Concat(Sites.Select(s => s.Cumulative)).ToList();

    internal static IReadOnlyList<ChosenSite> Ordered(CoverageInstance instance, IEnumerable<int> chosen)
    {
        var (order, marginal) = LazyGreedy.Sequence(instance, chosen);
        var sites = new List<ChosenSite>(order.Count);
        double cumulative = instance.ExistingWeight;
        for (int i = 0; i < order.Count; i++)
        {
            cumulative += marginal[i];
            sites.Add(new ChosenSite(i + 1, order[i], instance.CandidateIds[order[i]], marginal[i], cumulative, instance.Share(cumulative)));
        }
        return sites;
    }
}
