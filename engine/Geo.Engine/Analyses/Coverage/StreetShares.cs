using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Street length and covered street length per area, pieces cut exactly at area borders (graph coordinates).
/// </summary>
internal static class StreetShares
{
    public static (double[] Total, double[] Covered) ByArea(StreetGraph graph, IReadOnlyList<Geometry> localAreas, IReadOnlyList<ReachedInterval> covered)
    {
        var pieces = graph.Pieces;
        var index = new STRtree<int>();
        for (int i = 0; i < localAreas.Count; i++) index.Insert(localAreas[i].EnvelopeInternal, i);
        index.Build();
        var coveredOf = new IntervalsByPiece(covered, pieces.Count, byStart: false);
        // Pieces in fixed runs on every core, each thread building the boundary index of the areas it meets. A run sums
        // what its pieces add to each area it meets, and the runs are added up in piece order: the same figures to
        // the last bit however the runs fall to threads.
        int runs = (pieces.Count + PiecesPerRun - 1) / PiecesPerRun;
        var sums = new AreaSums[runs];
        Parallel.For(0, runs, () => new LengthInside?[localAreas.Count], (run, _, insides) =>
        {
            var sum = sums[run] = new AreaSums();
            for (int s = run * PiecesPerRun; s < Math.Min(pieces.Count, (run + 1) * PiecesPerRun); s++)
            {
                var points = pieces.Between(s, 0, pieces.LengthMeters[s]);
                var envelope = new Envelope();
                foreach (var (x, y) in points) envelope.ExpandToInclude(x, y);
                var parts = coveredOf.Span(s);
                foreach (int a in index.Query(envelope))
                {
                    var inside = insides[a] ??= new LengthInside(localAreas[a]);
                    bool clear = inside.ClearOfBoundary(envelope);
                    if (clear && !inside.Contains(points[0].X, points[0].Y)) continue;
                    var (length, contained) = clear ? (0, true) : inside.Measure(points);
                    if (contained)
                    {
                        // Areas do not overlap: a piece one contains is in no other.
                        sum.Add(a, pieces.LengthMeters[s]);
                        foreach (var p in parts) sum.AddCovered(a, p.Length);
                        break;
                    }
                    sum.Add(a, length);
                    // A part that is the whole piece was just measured: the same points give the same length.
                    foreach (var p in parts) sum.AddCovered(a, IsWhole(p, pieces.LengthMeters[s]) ? length : inside.Of(pieces.Between(s, p.From, p.To)));
                }
            }
            return insides;
        }, _ => { });
        var total = new double[localAreas.Count];
        var coveredKm = new double[localAreas.Count];
        foreach (var sum in sums) sum.AddTo(total, coveredKm);
        for (int a = 0; a < total.Length; a++)
        {
            total[a] /= 1000;
            coveredKm[a] /= 1000;
        }
        return (total, coveredKm);
    }

    private const int PiecesPerRun = 4096;

    /// <summary>One run's street length and covered length per area it meets, in the order it met them.</summary>
    private sealed class AreaSums
    {
        private readonly Dictionary<int, int> _slot = new();
        private readonly List<(int Area, double Total, double Covered)> _sums = new();

        public void Add(int area, double meters) => Update(area, meters, 0);

        public void AddCovered(int area, double meters) => Update(area, 0, meters);

        private void Update(int area, double total, double covered)
        {
            if (!_slot.TryGetValue(area, out int slot))
            {
                _slot[area] = slot = _sums.Count;
                _sums.Add((area, 0, 0));
            }
            var (a, t, c) = _sums[slot];
            _sums[slot] = (a, t + total, c + covered);
        }

        public void AddTo(double[] total, double[] covered)
        {
            foreach (var (a, t, c) in _sums) (total[a], covered[a]) = (total[a] + t, covered[a] + c);
        }
    }

    private static bool IsWhole(ReachedInterval part, double pieceLength) => part.From == 0 && part.To == pieceLength;

    public static LineString Line(GeometryFactory factory, StreetPieces pieces, int piece, double from, double to)
    {
        var points = pieces.Between(piece, from, to);
        return factory.CreateLineString(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());
    }
}
