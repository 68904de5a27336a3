using System.Runtime.InteropServices;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Street length and covered street length per area, pieces cut exactly at area borders (graph coordinates).
/// </summary>
internal static class StreetShares
{
    public static (double[] Total, double[] Covered) ByArea(StreetGraph graph, IReadOnlyList<Geometry> localAreas, IReadOnlyList<ReachedInterval> covered)
    {
        var pieces = graph.Pieces;
        // A flat grid rather than NetTopologySuite's tree: a city's audit asks it once for each of 600,000 pieces.
        var index = EnvelopeGrid.Of(localAreas.Select(a => a.EnvelopeInternal).ToList());
        var coveredOf = IntervalsByPiece.Shared(covered, pieces.Count, byStart: false);
        // Pieces in fixed runs on every core, each thread building the boundary index of the areas it meets. A run sums
        // what its pieces add to each area it meets, and the runs are added up in piece order: the same figures to
        // the last bit however the runs fall to threads.
        int runs = (pieces.Count + PiecesPerRun - 1) / PiecesPerRun;
        var sums = new Dictionary<int, (double Total, double Covered)>[runs];
        Parallel.For(0, runs, () => new ThreadState(new LengthInside?[localAreas.Count], new List<int>(), new(), new(), new Envelope()), (run, _, state) =>
        {
            var (insides, near, points, part, envelope) = state;
            var sum = sums[run] = new Dictionary<int, (double Total, double Covered)>();
            int end = Math.Min(pieces.Count, (run + 1) * PiecesPerRun);
            for (int s = run * PiecesPerRun; s < end; s++)
            {
                pieces.Between(s, 0, pieces.LengthMeters[s], points);
                envelope.Init();
                foreach (var (x, y) in points) envelope.ExpandToInclude(x, y);
                var parts = coveredOf.Span(s);
                index.Within(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY, near);
                foreach (int a in near)
                {
                    var inside = insides[a] ??= new LengthInside(localAreas[a]);
                    bool clear = inside.ClearOfBoundary(envelope);
                    if (clear && !inside.Contains(points[0].X, points[0].Y)) continue;
                    var (length, contained) = clear ? (0, true) : inside.Measure(points);
                    if (contained)
                    {
                        // Areas do not overlap: a piece one contains is in no other.
                        Add(sum, a, pieces.LengthMeters[s], 0);
                        foreach (var p in parts) Add(sum, a, 0, p.Length);
                        break;
                    }
                    Add(sum, a, length, 0);
                    // A part that is the whole piece was just measured: the same points give the same length.
                    foreach (var p in parts)
                    {
                        if (IsWhole(p, pieces.LengthMeters[s])) Add(sum, a, 0, length);
                        else
                        {
                            pieces.Between(s, p.From, p.To, part);
                            Add(sum, a, 0, inside.Of(part));
                        }
                    }
                }
            }
            return state;
        }, _ => { });
        var total = new double[localAreas.Count];
        var coveredKm = new double[localAreas.Count];
        foreach (var sum in sums)
        {
            foreach (var (a, (length, reached)) in sum) (total[a], coveredKm[a]) = (total[a] + length, coveredKm[a] + reached);
        }
        for (int a = 0; a < total.Length; a++)
        {
            total[a] /= 1000;
            coveredKm[a] /= 1000;
        }
        return (total, coveredKm);
    }

    private const int PiecesPerRun = 4096;

    /// <summary>
    /// What each thread keeps between its runs: the areas' boundary indexes it has built, a list to query into, and
    /// the current piece's points, a reached part's points and the piece's envelope, filled afresh for each.
    /// </summary>
    private sealed record ThreadState(LengthInside?[] Insides, List<int> Near, List<(double X, double Y)> Points, List<(double X, double Y)> Part, Envelope Envelope);

    /// <summary>Adds to one run's street length and covered length in an area, in the order its pieces come.</summary>
    private static void Add(Dictionary<int, (double Total, double Covered)> sum, int area, double length, double reached)
    {
        ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(sum, area, out _);
        sums = (sums.Total + length, sums.Covered + reached);
    }

    private static bool IsWhole(ReachedInterval part, double pieceLength) => part.From == 0 && part.To == pieceLength;

    public static LineString Line(GeometryFactory factory, StreetPieces pieces, int piece, double from, double to)
    {
        var points = pieces.Between(piece, from, to);
        return factory.CreateLineString(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());
    }
}
