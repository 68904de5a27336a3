using Geo.Analyses.Siting;

namespace Geo.Tests.Analyses.Siting;

public class CoveringSolverTests
{
    private static readonly SolverOptions Exact = new(TimeSpan.FromSeconds(20));
    private static readonly SolverOptions[] BothExact = { Exact, Exact with { Solver = ExactSolver.CpSat } };
    private static readonly SolverOptions GreedyOnly = new(TimeSpan.Zero, Exact: false);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void MaximalCovering_smallRandomInstance_equalsBruteForceOptimum(int seed)
    {
        var instance = RandomInstances.Make(seed);
        double optimum = RandomInstances.BestCoverage(instance, 3);

        foreach (var options in BothExact)
        {
            var solution = MaximalCovering.Solve(instance, 3, options);

            Assert.Equal(optimum, solution.Coverage, 9);
            Assert.Equal(3, solution.Sites.Count);
            Assert.True(solution.ProvenOptimal, $"{options.Solver}: not proven");
            Assert.Equal(0, solution.Gap);
            Assert.Equal(solution.Coverage, solution.BestBound, 9);
        }
    }

    [Theory]
    [InlineData(11, 0.6)]
    [InlineData(12, 0.7)]
    [InlineData(13, 0.8)]
    [InlineData(14, 0.9)]
    [InlineData(15, 1.0)]
    public void SetCovering_smallRandomInstance_equalsBruteForceFewest(int seed, double shareOfReachable)
    {
        var instance = RandomInstances.Make(seed, reach: 0.25);
        double target = shareOfReachable * instance.ReachableWeight / instance.TotalWeight;

        int fewest = RandomInstances.FewestSites(instance, target * instance.TotalWeight);

        foreach (var options in BothExact)
        {
            var solution = SetCovering.Solve(instance, target, options);

            Assert.Equal(fewest, solution.Sites.Count);
            Assert.True(instance.Reaches(solution.Coverage, target * instance.TotalWeight));
            Assert.True(solution.ProvenOptimal, $"{options.Solver}: not proven");
            Assert.Equal(0, solution.Gap);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void MaximalCovering_greedyOnly_boundIsAtLeastTheOptimumAndGapNeverNegative(int seed)
    {
        var instance = RandomInstances.Make(seed, reach: 0.3);

        var solution = MaximalCovering.Solve(instance, 3, GreedyOnly);

        double optimum = RandomInstances.BestCoverage(instance, 3);
        Assert.InRange(solution.Gap, 0, 1);
        Assert.True(solution.BestBound >= optimum - 1e-9, $"bound {solution.BestBound} below the optimum {optimum}");
        Assert.True(solution.Coverage <= optimum + 1e-9);
        Assert.Contains(solution.Method, new[] { "greedy", "greedy + swaps", "Lagrangian heuristic + swaps" });
        Assert.Equal(3, solution.Sites.Select(s => s.Candidate).Distinct().Count());
        Assert.True(solution.Coverage >= solution.Greedy.Value - 1e-9, "swaps never lose coverage");
        if (solution.ProvenOptimal) Assert.Equal(0, solution.Gap);
        else Assert.True(solution.Gap > 0);
    }

    [Fact]
    public void SetCovering_greedyOnly_fewestBoundNeverAboveTheTrueFewest()
    {
        for (int seed = 31; seed < 37; seed++)
        {
            var instance = RandomInstances.Make(seed, reach: 0.25);
            double target = 0.9 * instance.ReachableWeight / instance.TotalWeight;
            var solution = SetCovering.Solve(instance, target, GreedyOnly);
            int fewest = RandomInstances.FewestSites(instance, target * instance.TotalWeight);
            Assert.InRange(solution.BestBound, 0, fewest);
            Assert.True(solution.Gap >= 0);
            Assert.True(solution.Sites.Count >= fewest);
        }
    }

    [Fact]
    public void MaximalCovering_coverageCurve_neverDecreases()
    {
        var instance = RandomInstances.Make(41, candidates: 20, units: 60);

        var solution = MaximalCovering.Solve(instance, 8, Exact);

        var curve = solution.Curve;
        Assert.Equal(9, curve.Count);
        Assert.Equal(instance.ExistingWeight, curve[0]);
        for (int i = 1; i < curve.Count; i++) Assert.True(curve[i] >= curve[i - 1], $"curve drops at {i}: {curve[i - 1]} -> {curve[i]}");
        Assert.Equal(solution.Coverage, curve[^1], 9);
        Assert.All(solution.Sites, s => Assert.True(s.Marginal >= 0));
    }

    [Fact]
    public void MaximalCovering_moreExistingCoverage_neverLowersCoverage()
    {
        var instance = RandomInstances.Make(51);
        var more = (bool[])instance.CoveredByExisting.Clone();
        foreach (int u in instance.Sets[0]) more[u] = true;
        var withStation = new CoverageInstance(instance.Weights, instance.Sets, more);

        var before = MaximalCovering.Solve(instance, 3, Exact);
        var after = MaximalCovering.Solve(withStation, 3, Exact);

        Assert.True(after.ExistingCoverage >= before.ExistingCoverage);
        Assert.True(after.Coverage >= before.Coverage - 1e-9);
    }

    [Fact]
    public void MaximalCovering_handMade_picksTheTwoDisjointLargeSets()
    {
        // Units 0..5 weigh 1; candidate 0 covers 0-2, 1 covers 3-5, 2 covers 1-4 (greedy's first pick, not optimal).
        var instance = new CoverageInstance(Enumerable.Repeat(1.0, 6).ToArray(),
            new[] { new[] { 0, 1, 2 }, new[] { 3, 4, 5 }, new[] { 1, 2, 3, 4 } }, new bool[6]);

        var greedy = MaximalCovering.Solve(instance, 2, GreedyOnly);
        Assert.Equal(5, greedy.Greedy.Value);
        Assert.Equal(6, greedy.Coverage);    // one swap (2 out, 1 in) finds the optimum
        Assert.Equal("greedy + swaps", greedy.Method);
        Assert.Equal(2, greedy.Sites.Count);

        foreach (var options in BothExact)
        {
            var exact = MaximalCovering.Solve(instance, 2, options);
            Assert.Equal(6, exact.Coverage);
            Assert.Equal(new[] { 0, 1 }, exact.Sites.Select(s => s.Candidate).Order());
            Assert.True(exact.ProvenOptimal);
            Assert.Contains(exact.Method, new[] { "greedy + swaps", options.UsesScip ? "SCIP" : "CP-SAT" });
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void MaximalCovering_addNotPositive_saysSo(int k)
    {
        var e = Assert.Throws<GeoInputException>(() => MaximalCovering.Solve(RandomInstances.Make(1), k, Exact));
        Assert.Contains("--add must be at least 1", e.Message);
    }

    [Fact]
    public void MaximalCovering_addMoreThanCandidates_saysHowManyThereAre()
    {
        var e = Assert.Throws<GeoInputException>(() => MaximalCovering.Solve(RandomInstances.Make(1), 13, Exact));
        Assert.Contains("12 candidates", e.Message);
    }

    [Fact]
    public void SetCovering_targetAboveReachable_givesTheMaximum()
    {
        // Units weigh 1 each; only units 0 and 1 of 4 can ever be covered: the maximum is 50 %.
        var instance = new CoverageInstance(new[] { 1.0, 1, 1, 1 }, new[] { new[] { 0 }, new[] { 1 } }, new bool[4]);

        var e = Assert.Throws<GeoInputException>(() => SetCovering.Solve(instance, 0.95, Exact));

        Assert.Contains("95 %", e.Message);
        Assert.Contains("at most 50 %", e.Message);
    }

    [Fact]
    public void Solvers_noCandidates_sayThereAreNone()
    {
        var instance = new CoverageInstance(new[] { 1.0 }, Array.Empty<int[]>(), new bool[1]);

        Assert.Contains("no candidate", Assert.Throws<GeoInputException>(() => MaximalCovering.Solve(instance, 1, Exact)).Message);
        Assert.Contains("no candidate", Assert.Throws<GeoInputException>(() => SetCovering.Solve(instance, 0.5, Exact)).Message);
    }

    [Fact]
    public void SetCovering_existingAlreadyReachTarget_addsNoSite()
    {
        var instance = new CoverageInstance(new[] { 3.0, 1 }, new[] { new[] { 1 } }, new[] { true, false });

        var solution = SetCovering.Solve(instance, 0.75, Exact);

        Assert.Empty(solution.Sites);
        Assert.Equal(0, solution.Gap);
    }

    [Fact]
    public void CoverageInstanceFile_roundTrip_keepsEverything()
    {
        using var folder = new TempFolder();
        var instance = RandomInstances.Make(61);

        CoverageInstanceFile.Write(folder.File("i.json"), instance, 4);
        var (read, k) = CoverageInstanceFile.Read(folder.File("i.json"));

        Assert.Equal(4, k);
        Assert.Equal(instance.Weights, read.Weights);
        Assert.Equal(instance.CoveredByExisting, read.CoveredByExisting);
        Assert.Equal(instance.Sets.Select(s => string.Join(",", s)), read.Sets.Select(s => string.Join(",", s)));
        Assert.Equal(MaximalCovering.Solve(instance, 4, Exact).Coverage, MaximalCovering.Solve(read, 4, Exact).Coverage, 9);
    }

    [Fact]
    public void MaximalCovering_fractionalWeights_equalsBruteForceOptimum()
    {
        // Street-km weights are fractional: CP-SAT scales them to integers, SCIP takes them as they are.
        var integral = RandomInstances.Make(71);
        var random = new Random(71);
        var instance = new CoverageInstance(integral.Weights.Select(w => w * 0.137 + random.NextDouble() / 1000).ToArray(), integral.Sets, integral.CoveredByExisting);
        double optimum = RandomInstances.BestCoverage(instance, 3);

        foreach (var options in BothExact)
        {
            var solution = MaximalCovering.Solve(instance, 3, options);
            Assert.Equal(optimum, solution.Coverage, 9);
            Assert.True(solution.BestBound >= optimum - 1e-9);
            Assert.InRange(solution.Gap, 0, 1e-6);
        }
    }
}
