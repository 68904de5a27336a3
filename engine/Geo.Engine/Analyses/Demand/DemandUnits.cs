using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Demand;

/// <summary>
/// Demand placed on the street network: each unit sits on a street piece at a fraction along it and carries a weight.
/// By default every street piece of the profile's graph is one unit at its midpoint weighing its length in km
/// ("street km"); demand points (POIs, buildings) are snapped to the nearest usable street instead, and those too far
/// from any are counted in <see cref="UnsnappedCount"/>/<see cref="UnsnappedWeight"/> rather than dropped silently.
/// Units are grouped by piece: the units on piece s are <c>FirstOfPiece[s] .. FirstOfPiece[s+1]-1</c>.
/// </summary>
public sealed class DemandUnits
{
    private DemandUnits(int[] piece, double[] fraction, double[] weight, int pieceCount, string description, int unsnappedCount, double unsnappedWeight)
    {
        var order = Enumerable.Range(0, piece.Length).OrderBy(i => piece[i]).ThenBy(i => fraction[i]).ToArray();
        Piece = order.Select(i => piece[i]).ToArray();
        Fraction = order.Select(i => fraction[i]).ToArray();
        Weight = order.Select(i => weight[i]).ToArray();
        FirstOfPiece = new int[pieceCount + 1];
        foreach (int s in Piece) FirstOfPiece[s + 1]++;
        for (int s = 0; s < pieceCount; s++) FirstOfPiece[s + 1] += FirstOfPiece[s];
        Description = description;
        UnsnappedCount = unsnappedCount;
        UnsnappedWeight = unsnappedWeight;
        TotalWeight = Weight.Sum();
    }

    public int Count => Piece.Length;
    public int[] Piece { get; }
    public double[] Fraction { get; }
    public double[] Weight { get; }
    public int[] FirstOfPiece { get; }

    /// <summary>What the weights measure, for reports: "street km" or "N demand points".</summary>
    public string Description { get; }

    public int UnsnappedCount { get; }
    public double UnsnappedWeight { get; }

    /// <summary>The weight of every snapped unit: the 100 % coverage shares are taken of.</summary>
    public double TotalWeight { get; }

    /// <summary>One unit per street piece, at its midpoint, weighing its length in km.</summary>
    public static DemandUnits StreetKm(StreetGraph graph)
    {
        int n = graph.Pieces.Count;
        if (n == 0) throw new GeoInputException($"the {graph.Profile.Name} street graph has no streets to place demand on");
        var pieces = Enumerable.Range(0, n).ToArray();
        var fractions = Enumerable.Repeat(0.5, n).ToArray();
        var weights = graph.Pieces.LengthMeters.Select(m => m / 1000.0).ToArray();
        return new DemandUnits(pieces, fractions, weights, n, "street km", 0, 0);
    }

    /// <summary>
    /// Street length as demand, each piece cut where the given coverage (merged, sorted intervals per piece) begins
    /// and ends: a unit per covered and per uncovered part, at its middle, weighing its length in km. Coverage read
    /// at those middles then adds up to the covered street length exactly, the figure the audit reports.
    /// </summary>
    public static DemandUnits StreetKm(StreetGraph graph, IReadOnlyList<Analyses.ServiceAreas.ReachedInterval> coveredStreets)
    {
        int n = graph.Pieces.Count;
        if (n == 0) throw new GeoInputException($"the {graph.Profile.Name} street graph has no streets to place demand on");
        var cuts = new Analyses.ServiceAreas.IntervalsByPiece(coveredStreets, n, byStart: true);
        var pieces = new List<int>(n);
        var fractions = new List<double>(n);
        var weights = new List<double>(n);
        void Add(int piece, double from, double to, double length)
        {
            if (to - from <= 1e-9) return;
            pieces.Add(piece);
            fractions.Add(length > 0 ? (from + to) / 2 / length : 0.5);
            weights.Add((to - from) / 1000);
        }
        for (int s = 0; s < n; s++)
        {
            double length = graph.Pieces.LengthMeters[s];
            if (cuts.Of(s) is not { } covered)
            {
                pieces.Add(s);
                fractions.Add(0.5);
                weights.Add(length / 1000.0);
                continue;
            }
            double at = 0;
            foreach (var c in covered)
            {
                Add(s, at, Math.Max(at, c.From), length);
                Add(s, Math.Max(at, c.From), Math.Max(at, c.To), length);
                at = Math.Max(at, c.To);
            }
            Add(s, at, length, length);
        }
        return new DemandUnits(pieces.ToArray(), fractions.ToArray(), weights.ToArray(), n, "street km", 0, 0);
    }

    /// <summary>Demand points snapped to the network; points beyond the snapper's distance are counted, not placed.</summary>
    public static DemandUnits FromPoints(StreetSnapper snapper, IReadOnlyList<DemandPoint> points)
    {
        if (points.Count == 0) throw new GeoInputException("no demand points given");
        var snaps = new SnapResult[points.Count];
        Parallel.For(0, points.Count, i => snaps[i] = snapper.Snap(points[i].Geometry));
        var pieces = new List<int>();
        var fractions = new List<double>();
        var weights = new List<double>();
        int unsnapped = 0;
        double unsnappedWeight = 0;
        for (int i = 0; i < points.Count; i++)
        {
            if (!snaps[i].IsSnapped)
            {
                unsnapped++;
                unsnappedWeight += points[i].Weight;
                continue;
            }
            pieces.Add(snaps[i].Piece);
            fractions.Add(snaps[i].Fraction);
            weights.Add(points[i].Weight);
        }
        if (pieces.Count == 0)
        {
            throw new GeoInputException($"none of the {points.Count} demand points is within {snapper.MaxDistanceMeters:0} m of a street usable by {snapper.Graph.Profile.Name}");
        }
        return new DemandUnits(pieces.ToArray(), fractions.ToArray(), weights.ToArray(), snapper.Graph.Pieces.Count,
            $"{pieces.Count} demand points", unsnapped, unsnappedWeight);
    }

    /// <summary>Units given directly (piece, fraction, weight), for hand-made cases.</summary>
    public static DemandUnits Of(StreetGraph graph, IReadOnlyList<(int Piece, double Fraction, double Weight)> units, string description = "demand units")
    {
        foreach (var u in units)
        {
            if (u.Piece < 0 || u.Piece >= graph.Pieces.Count) throw new ArgumentOutOfRangeException(nameof(units), $"piece {u.Piece} is not in the graph");
        }
        return new DemandUnits(units.Select(u => u.Piece).ToArray(), units.Select(u => Math.Clamp(u.Fraction, 0, 1)).ToArray(),
            units.Select(u => u.Weight).ToArray(), graph.Pieces.Count, description, 0, 0);
    }
}
