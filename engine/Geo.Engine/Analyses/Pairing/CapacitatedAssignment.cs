using Google.OrTools.Graph;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Gives each subdistrict one station, each station at most its capacity, minimising the total cost, as a
/// min-cost flow (source → subdistrict → station → sink). When not all can be served it pairs as many as possible
/// and, among those pairings, the cheapest; the rest are left (-1).
/// </summary>
public static class CapacitatedAssignment
{
    public sealed record Result(int[] StationOf, long TotalCost, bool Feasible);

    /// <param name="cost">cost[subdistrict, station] in whole units (centiseconds); null where the station cannot serve it.</param>
    /// <param name="capacity">How many subdistricts each station may still take.</param>
    public static Result Solve(long?[,] cost, IReadOnlyList<int> capacity)
    {
        int n = cost.GetLength(0), m = cost.GetLength(1);
        if (capacity.Count != m) throw new ArgumentException($"{m} stations but {capacity.Count} capacities");
        var stationOf = new int[n];
        Array.Fill(stationOf, -1);
        if (n == 0) return new Result(stationOf, 0, true);

        int source = 0, sink = n + m + 1;
        var flow = new MinCostFlow();
        var arcs = new List<(int Arc, int Subdistrict, int Station)>();
        for (int i = 0; i < n; i++) flow.AddArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if (cost[i, j] is long c && capacity[j] > 0)
                {
                    arcs.Add((flow.AddArcWithCapacityAndUnitCost(1 + i, 1 + n + j, 1, c), i, j));
                }
            }
        }
        if (arcs.Count == 0) return new Result(stationOf, 0, false);
        for (int j = 0; j < m; j++)
        {
            if (capacity[j] > 0) flow.AddArcWithCapacityAndUnitCost(1 + n + j, sink, capacity[j], 0);
        }
        flow.SetNodeSupply(source, n);
        flow.SetNodeSupply(sink, -n);

        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"the min-cost flow solver stopped with {status}");
        }
        foreach (var (arc, i, j) in arcs)
        {
            if (flow.Flow(arc) > 0) stationOf[i] = j;
        }
        return new Result(stationOf, flow.OptimalCost(), flow.MaximumFlow() == n);
    }
}
