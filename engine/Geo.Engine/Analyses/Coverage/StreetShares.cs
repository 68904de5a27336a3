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
        var total = new double[localAreas.Count];
        var coveredKm = new double[localAreas.Count];
        // Pieces in parallel; each thread builds the boundary index of the areas it meets and sums into its own arrays.
        Parallel.For(0, pieces.Count,
            () => (Inside: new LengthInside?[localAreas.Count], Total: new double[localAreas.Count], Covered: new double[localAreas.Count]),
            (s, _, local) =>
            {
                var points = pieces.Between(s, 0, pieces.LengthMeters[s]);
                var envelope = new Envelope();
                foreach (var (x, y) in points) envelope.ExpandToInclude(x, y);
                var parts = coveredOf.Span(s);
                foreach (int a in index.Query(envelope))
                {
                    var inside = local.Inside[a] ??= new LengthInside(localAreas[a]);
                    bool clear = inside.ClearOfBoundary(envelope);
                    if (clear && !inside.Contains(points[0].X, points[0].Y)) continue;
                    var (length, contained) = clear ? (0, true) : inside.Measure(points);
                    if (contained)
                    {
                        // Areas do not overlap: a piece one contains is in no other.
                        local.Total[a] += pieces.LengthMeters[s];
                        double reached = 0;
                        foreach (var p in parts) reached += p.Length;
                        local.Covered[a] += reached;
                        break;
                    }
                    local.Total[a] += length;
                    // A part that is the whole piece was just measured: the same points give the same length.
                    foreach (var p in parts) local.Covered[a] += IsWhole(p, pieces.LengthMeters[s]) ? length : inside.Of(pieces.Between(s, p.From, p.To));
                }
                return local;
            },
            local =>
            {
                lock (total)
                {
                    for (int a = 0; a < total.Length; a++) (total[a], coveredKm[a]) = (total[a] + local.Total[a], coveredKm[a] + local.Covered[a]);
                }
            });
        for (int a = 0; a < total.Length; a++)
        {
            total[a] /= 1000;
            coveredKm[a] /= 1000;
        }
        return (total, coveredKm);
    }

    private static bool IsWhole(ReachedInterval part, double pieceLength) => part.From == 0 && part.To == pieceLength;

    public static LineString Line(GeometryFactory factory, StreetPieces pieces, int piece, double from, double to)
    {
        var points = pieces.Between(piece, from, to);
        return factory.CreateLineString(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());
    }
}
