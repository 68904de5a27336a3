using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

/// <summary>
/// The Lagrangian bound against brute force on small seeded instances (every K-subset tried): it never falls below the
/// optimum, a candidate it drops is in no choice as good as the incumbent, one it fixes is in every such choice, and
/// maximal covering that settles candidates by it still finds and proves the optimum.
/// </summary>
public class LagrangianBoundTests
{
    public static TheoryData<int, int> Cases()
    {
        var cases = new TheoryData<int, int>();
        for (int seed = 1; seed <= 12; seed++) cases.Add(seed, 2 + seed % 3);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bound_is_never_below_the_brute_force_optimum(int seed, int k)
    {
        var instance = RandomInstances.Make(seed, candidates: 11, units: 40, reach: 0.25);
        double optimum = RandomInstances.BestCoverage(instance, k);
        double incumbent = instance.CoverageOf(LazyGreedy.Maximal(instance, k).Chosen);

        var run = LagrangianBound.Maximal(instance, k, incumbent, 0, TimeSpan.FromSeconds(5));

        Assert.True(run.Bound >= optimum - 1e-9, $"bound {run.Bound} below the optimum {optimum}");
        Assert.True(run.Bound <= instance.ReachableWeight + 1e-9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dropped_and_fixed_candidates_agree_with_every_subset(int seed, int k)
    {
        var instance = RandomInstances.Make(seed + 100, candidates: 11, units: 40, reach: 0.2);
        // A weak incumbent settles little; the optimum itself settles most, and is the hardest test of the rule.
        double optimum = RandomInstances.BestCoverage(instance, k);

        var run = LagrangianBound.Maximal(instance, k, optimum, 0, TimeSpan.FromSeconds(5));

        foreach (var subset in RandomInstances.Subsets(instance.Candidates, k))
        {
            double value = instance.CoverageOf(subset);
            if (value < optimum - 1e-9) continue;
            foreach (int j in subset) Assert.False(run.Dropped[j], $"candidate {j} dropped, but {string.Join(",", subset)} reaches the optimum {optimum}");
            for (int j = 0; j < instance.Candidates; j++)
            {
                if (run.Fixed[j]) Assert.Contains(j, subset);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_choice_found_on_the_way_is_K_candidates_beating_the_incumbent_and_not_the_optimum(int seed, int k)
    {
        var instance = RandomInstances.Make(seed + 300, candidates: 12, units: 60, reach: 0.2);
        double optimum = RandomInstances.BestCoverage(instance, k);
        // A poor incumbent (the k candidates reaching least) leaves room for the relaxation's choices to beat it.
        var poor = Enumerable.Range(0, instance.Candidates).OrderBy(j => instance.Sets[j].Length).Take(k).ToList();

        var run = LagrangianBound.Maximal(instance, k, instance.CoverageOf(poor), 0, TimeSpan.FromSeconds(5));

        Assert.NotNull(run.Choice);
        Assert.Equal(k, run.Choice!.Distinct().Count());
        Assert.All(run.Choice!, j => Assert.InRange(j, 0, instance.Candidates - 1));
        double value = instance.CoverageOf(run.Choice!);
        Assert.True(value > instance.CoverageOf(poor), $"choice {value} not above the incumbent");
        Assert.True(value <= optimum + 1e-9, $"choice {value} above the brute-force optimum {optimum}");
    }

    [Fact]
    public void A_large_instance_worked_on_every_core_gives_the_same_bound_and_settling_every_time()
    {
        // Enough candidate-group links (about 300,000) for the steps to run in ranges on every core, with more
        // workers than cores so that ranges finish in any order: sums across ranges must not depend on it.
        var instance = RandomInstances.Make(77, candidates: 150, units: 5000, reach: 0.4, existing: 0);
        long links = instance.Groups.Sum(g => (long)g.Candidates.Length);
        Assert.True(links > 200_000, $"only {links} links");
        double incumbent = instance.CoverageOf(LazyGreedy.Maximal(instance, 6).Chosen);
        ThreadPool.GetMinThreads(out int workers, out int ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), ports);
        try
        {
            // No time limit that could cut one run shorter than another: the steps stop by their own rules.
            var runs = Enumerable.Range(0, 3).Select(_ => LagrangianBound.Maximal(instance, 6, incumbent, 0, TimeSpan.FromMinutes(5))).ToList();

            Assert.All(runs, r => Assert.True(r.Bound >= incumbent - 1e-9, $"bound {r.Bound} below a feasible choice's {incumbent}"));
            Assert.All(runs, r => Assert.Equal(runs[0].Bound, r.Bound));
            Assert.All(runs, r => Assert.Equal(runs[0].Iterations, r.Iterations));
            Assert.All(runs, r => Assert.Equal(runs[0].Dropped, r.Dropped));
            Assert.All(runs, r => Assert.Equal(runs[0].Fixed, r.Fixed));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, ports);
        }
    }

    [Fact]
    public void Disjoint_candidates_are_bounded_exactly_and_the_rest_settled()
    {
        // Four candidates reaching disjoint units worth 8, 5, 3 and 1: the relaxation is exact, K = 2 builds 8 and 5.
        var weights = new double[] { 8, 5, 3, 1 };
        var sets = new[] { new[] { 0 }, new[] { 1 }, new[] { 2 }, new[] { 3 } };
        var instance = new CoverageInstance(weights, sets, new bool[4]);

        var run = LagrangianBound.Maximal(instance, 2, 13, 0, TimeSpan.FromSeconds(5));

        Assert.Equal(13, run.Bound, 6);
        Assert.Equal(new[] { false, false, true, true }, run.Dropped);
        Assert.Equal(new[] { true, true, false, false }, run.Fixed);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Maximal_covering_settling_by_the_bound_still_proves_the_optimum(int seed, int k)
    {
        var instance = RandomInstances.Make(seed + 200, candidates: 12, units: 50, reach: 0.15, existing: 0.2);
        double optimum = RandomInstances.BestCoverage(instance, k);

        var solution = MaximalCovering.Solve(instance, k, new SolverOptions(TimeSpan.FromSeconds(20)));

        Assert.Equal(optimum, solution.Coverage, 9);
        Assert.Equal(k, solution.Sites.Select(s => s.Candidate).Distinct().Count());
        Assert.True(solution.ProvenOptimal);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void An_accepted_gap_is_a_proven_one(double gap)
    {
        var instance = RandomInstances.Make(7, candidates: 12, units: 60, reach: 0.3, existing: 0);
        double optimum = RandomInstances.BestCoverage(instance, 3);

        var solution = MaximalCovering.Solve(instance, 3, new SolverOptions(TimeSpan.FromSeconds(20), AcceptedGap: gap));

        Assert.True(solution.BestBound >= optimum - 1e-9, $"bound {solution.BestBound} below the optimum {optimum}");
        Assert.True(solution.Coverage >= (1 - gap) * optimum - 1e-9, $"coverage {solution.Coverage} more than {gap:P0} below the optimum {optimum}");
        Assert.True(solution.Gap <= gap + 1e-12);
        if (solution.ProvenOptimal) Assert.Equal(optimum, solution.Coverage, 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bound_comes_close_to_the_linear_programme_it_relaxes(int seed, int k)
    {
        var instance = RandomInstances.Make(seed + 500, candidates: 30, units: 200, reach: 0.1);
        // Incumbent 0: nothing to stop at, so the steps run until they stall.
        var run = LagrangianBound.Maximal(instance, k, 0, 0, TimeSpan.FromSeconds(20));
        double linear = LinearProgrammeBound(instance, k);

        // Every set of prices bounds the linear programme from above, and the best ones meet it.
        Assert.True(run.Bound >= linear - 1e-6, $"bound {run.Bound} below the linear programme's {linear}");
        Assert.True(run.Bound <= linear + 0.002 * instance.TotalWeight, $"bound {run.Bound} far above the linear programme's {linear}");
    }

    [Theory]
    [InlineData(1, 12)]
    [InlineData(2, 25)]
    public void Bound_meets_the_linear_programme_where_overlapping_reaches_make_plain_steps_stall(int seed, int k)
    {
        var instance = OverlappingDiscs(seed);
        var run = LagrangianBound.Maximal(instance, k, 0, 0, TimeSpan.FromSeconds(20));
        double linear = LinearProgrammeBound(instance, k);

        Assert.True(run.Bound >= linear - 1e-6, $"bound {run.Bound} below the linear programme's {linear}");
        Assert.True(run.Bound <= linear * 1.0005, $"bound {run.Bound} more than 0.05 % above the linear programme's {linear}");
    }

    /// <summary>
    /// A city in miniature: candidates every 2 units of a 40 × 40 square of demand points with random weights, each
    /// reaching the points within 5 units, so every point lies in a dozen reaches and the reaches overlap as real
    /// service areas do.
    /// </summary>
    private static CoverageInstance OverlappingDiscs(int seed)
    {
        var random = new Random(seed);
        const int side = 40;
        var weights = Enumerable.Range(0, side * side).Select(_ => random.NextDouble()).ToArray();
        var sets = new List<int[]>();
        for (int cx = 1; cx < side; cx += 2)
        {
            for (int cy = 1; cy < side; cy += 2)
            {
                sets.Add(Enumerable.Range(0, side * side)
                    .Where(u => (u % side - cx) * (u % side - cx) + (u / side - cy) * (u / side - cy) <= 25).ToArray());
            }
        }
        return new CoverageInstance(weights, sets.ToArray(), new bool[weights.Length]);
    }

    /// <summary>Covered demand of the covering model with sites and groups between 0 and 1, solved by GLOP.</summary>
    private static double LinearProgrammeBound(CoverageInstance instance, int k)
    {
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("GLOP");
        var site = Enumerable.Range(0, instance.Candidates).Select(j => solver.MakeNumVar(0, 1, $"x{j}")).ToArray();
        var sites = solver.MakeConstraint(k, k);
        foreach (var x in site) sites.SetCoefficient(x, 1);
        var objective = solver.Objective();
        for (int u = 0; u < instance.Units; u++)
        {
            if (instance.CoveredByExisting[u]) continue;
            var covered = solver.MakeNumVar(0, 1, $"y{u}");
            objective.SetCoefficient(covered, instance.Weights[u]);
            var link = solver.MakeConstraint(double.NegativeInfinity, 0);
            link.SetCoefficient(covered, 1);
            for (int j = 0; j < instance.Candidates; j++)
            {
                if (instance.Sets[j].Contains(u)) link.SetCoefficient(site[j], -1);
            }
        }
        objective.SetMaximization();
        Assert.Equal(Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL, solver.Solve());
        return instance.ExistingWeight + objective.Value();
    }
}
