using System.Runtime.CompilerServices;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Served land: each city block counts with the share of its frontage (its boundary streets) the service circle
/// reaches, weighted by its area. A block ringed by reached streets is served whole, one reached on two of four
/// equal sides half. Per unit, only the part of a block inside the unit counts (graph coordinates, km²).
/// </summary>
public static class ServedLand
{
    /// <summary>Reached frontage is matched within this distance: the block boundary and the street are the same line.</summary>
    private const double FrontageToleranceMeters = 0.05;

    /// <summary>
    /// Blocks' served shares per graph and coverage: reporting by a second set of units reuses the first's. Keyed by
    /// graph too, as an empty coverage is one shared empty list whatever the graph.
    /// </summary>
    private static readonly ConditionalWeakTable<CityBlocks, ConditionalWeakTable<IReadOnlyList<ReachedInterval>, double[]>> SharesOf = new();

    public static (double[] LandKm2, double[] ServedKm2) ByArea(StreetGraph graph, IReadOnlyList<Geometry> localAreas, IReadOnlyList<ReachedInterval> covered)
    {
        var cityBlocks = CityBlocks.Of(graph);
        var blocks = cityBlocks.Blocks;
        var served = SharesOf.GetOrCreateValue(cityBlocks).GetValue(covered, c => ServedShares(graph, blocks, c));
        var blockAreas = cityBlocks.Areas;
        var land = new double[localAreas.Count];
        var servedLand = new double[localAreas.Count];
        Parallel.For(0, localAreas.Count, a =>
        {
            var area = localAreas[a];
            var border = new LengthInside(area);
            var prepared = PreparedGeometryFactory.Prepare(area);
            var pieces = ConvexPieces.Of(area);
            var near = new List<int>();
            var box = new Envelope();
            cityBlocks.Near(area.EnvelopeInternal, near);
            foreach (int b in near)
            {
                var block = blocks[b];
                // Most blocks lie far from the unit's border: wholly in or wholly out, told by one corner.
                var corner = block.ExteriorRing.CoordinateSequence;
                cityBlocks.Envelope(b, box);
                double inside = border.ClearOfBoundary(box) ? (border.Contains(corner.GetX(0), corner.GetY(0)) ? blockAreas[b] : 0)
                    : prepared.Contains(block) ? blockAreas[b]
                    : pieces is not null ? pieces.AreaInside(block)
                    : prepared.Intersects(block) ? OverlayNGRobust.Overlay(area, block, SpatialFunction.Intersection).Area : 0;
                land[a] += inside / 1e6;
                servedLand[a] += inside * served[b] / 1e6;
            }
        });
        return (land, servedLand);
    }

    /// <summary>Each block's reached share of frontage, 0 to 1.</summary>
    public static double[] ServedShares(StreetGraph graph, IReadOnlyList<Polygon> blocks, IReadOnlyList<ReachedInterval> covered)
    {
        // Every straight segment of the reached streets, indexed; a block side counts as reached where such a
        // segment lies along it (both ends on its line), so a reached street meeting a block only at a corner adds nothing.
        // Sized from the pieces' points (a stretch has at most its piece's segments): grown by doubling, a city's list
        // would leave a trail of large garbage.
        int most = 0;
        foreach (var c in covered) most += graph.Pieces.FirstPoint[c.Piece + 1] - graph.Pieces.FirstPoint[c.Piece];
        var segments = new List<(double Ax, double Ay, double Bx, double By)>(most);
        var points = new List<(double X, double Y)>();
        foreach (var c in covered)
        {
            if (c.Length <= 0) continue;
            graph.Pieces.Between(c.Piece, c.From, c.To, points);
            for (int k = 0; k + 1 < points.Count; k++) segments.Add((points[k].X, points[k].Y, points[k + 1].X, points[k + 1].Y));
        }
        var grid = new EnvelopeGrid(
            segments.Select(g => Math.Min(g.Ax, g.Bx)).ToArray(), segments.Select(g => Math.Min(g.Ay, g.By)).ToArray(),
            segments.Select(g => Math.Max(g.Ax, g.Bx)).ToArray(), segments.Select(g => Math.Max(g.Ay, g.By)).ToArray());
        var shares = new double[blocks.Count];
        Parallel.For(0, blocks.Count, () => (Near: new List<int>(), Along: new List<(double From, double To)>()), (b, _, lists) =>
        {
            var (near, along) = lists;
            double frontage = 0, reached = 0;
            var block = blocks[b];
            for (int r = -1; r < block.NumInteriorRings; r++)
            {
                var c = (r < 0 ? block.ExteriorRing : block.GetInteriorRingN(r)).CoordinateSequence;
                for (int k = 0; k + 1 < c.Count; k++)
                {
                    double ax = c.GetX(k), ay = c.GetY(k), dx = c.GetX(k + 1) - ax, dy = c.GetY(k + 1) - ay;
                    double length = Math.Sqrt(dx * dx + dy * dy);
                    if (length <= 0) continue;
                    frontage += length;
                    double t = FrontageToleranceMeters;
                    grid.Within(Math.Min(ax, ax + dx) - t, Math.Min(ay, ay + dy) - t, Math.Max(ax, ax + dx) + t, Math.Max(ay, ay + dy) + t, near);
                    along.Clear();
                    foreach (int i in near)
                    {
                        var (sx, sy, ex, ey) = segments[i];
                        double Off(double x, double y) => Math.Abs((x - ax) * dy - (y - ay) * dx) / length;
                        if (Off(sx, sy) > FrontageToleranceMeters || Off(ex, ey) > FrontageToleranceMeters) continue;
                        double t0 = ((sx - ax) * dx + (sy - ay) * dy) / length, t1 = ((ex - ax) * dx + (ey - ay) * dy) / length;
                        double from = Math.Max(0, Math.Min(t0, t1)), to = Math.Min(length, Math.Max(t0, t1));
                        if (to > from) along.Add((from, to));
                    }
                    reached += UnionLength(along);
                }
            }
            shares[b] = frontage > 0 ? Math.Clamp(reached / frontage, 0, 1) : 0;
            return lists;
        }, _ => { });
        return shares;
    }

    private static double UnionLength(List<(double From, double To)> intervals)
    {
        if (intervals.Count == 0) return 0;
        intervals.Sort();
        double total = 0, start = intervals[0].From, end = intervals[0].To;
        for (int i = 1; i < intervals.Count; i++)
        {
            var (from, to) = intervals[i];
            if (from > end)
            {
                total += end - start;
                (start, end) = (from, to);
            }
            else end = Math.Max(end, to);
        }
        return total + end - start;
    }
}
