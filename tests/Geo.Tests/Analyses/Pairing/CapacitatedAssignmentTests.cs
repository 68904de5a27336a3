using Geo.Analyses.Pairing;

namespace Geo.Tests.Analyses.Pairing;

public class CapacitatedAssignmentTests
{
    [Fact]
    public void Solve_greedyWouldBeWorse_findsTheLeastTotal()
    {
        // Taking the cheapest pair first (乙→s1, 100) forces 甲→s2 (600): 700. The optimum is 甲→s1 + 乙→s2 = 260.
        var cost = new long?[,] { { 110, 600 }, { 100, 150 } };
        var result = CapacitatedAssignment.Solve(cost, new[] { 1, 1 });

        Assert.True(result.Feasible);
        Assert.Equal(new[] { 0, 1 }, result.StationOf);
        Assert.Equal(260, result.TotalCost);
    }

    [Fact]
    public void Solve_notEnoughRoom_pairsAsManyAsPossibleAndLeavesTheRest()
    {
        var cost = new long?[,] { { 500, null }, { 100, null }, { null, null } };
        var result = CapacitatedAssignment.Solve(cost, new[] { 1, 3 });

        Assert.False(result.Feasible);
        Assert.Equal(new[] { -1, 0, -1 }, result.StationOf);
        Assert.Equal(100, result.TotalCost);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Solve_randomSixByFour_matchesTheBruteForceOptimum(int seed)
    {
        var random = new Random(seed);
        for (int instance = 0; instance < 40; instance++)
        {
            const int n = 6, m = 4;
            var cost = new long?[n, m];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++) cost[i, j] = random.NextDouble() < 0.2 ? null : random.Next(1, 100_000);
            }
            var capacity = Enumerable.Range(0, m).Select(_ => random.Next(0, 4)).ToArray();

            var (bestCount, bestCost) = BruteForce(cost, capacity);
            var result = CapacitatedAssignment.Solve(cost, capacity);

            int count = result.StationOf.Count(j => j >= 0);
            Assert.Equal(bestCount, count);
            Assert.Equal(bestCost, result.TotalCost);
            Assert.Equal(bestCount == n, result.Feasible);
            Assert.Equal(bestCost, Enumerable.Range(0, n).Where(i => result.StationOf[i] >= 0).Sum(i => cost[i, result.StationOf[i]]!.Value));
            for (int j = 0; j < m; j++) Assert.True(result.StationOf.Count(s => s == j) <= capacity[j]);
        }
    }

    /// <summary>Every way of giving each subdistrict a station or none: the most pairs, then the least total.</summary>
    private static (int Count, long Cost) BruteForce(long?[,] cost, int[] capacity)
    {
        int n = cost.GetLength(0), m = cost.GetLength(1);
        var best = (Count: -1, Cost: long.MaxValue);
        var choice = new int[n];
        int combinations = (int)Math.Pow(m + 1, n);
        for (int code = 0; code < combinations; code++)
        {
            int rest = code;
            for (int i = 0; i < n; i++, rest /= m + 1) choice[i] = rest % (m + 1) - 1;
            var load = new int[m];
            bool ok = true;
            int count = 0;
            long total = 0;
            for (int i = 0; i < n && ok; i++)
            {
                int j = choice[i];
                if (j < 0) continue;
                if (cost[i, j] is not long c || ++load[j] > capacity[j]) { ok = false; break; }
                count++;
                total += c;
            }
            if (ok && (count > best.Count || (count == best.Count && total < best.Cost))) best = (count, total);
        }
        return best;
    }
}
