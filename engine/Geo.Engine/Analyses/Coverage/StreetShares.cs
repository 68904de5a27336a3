using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
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
        var coveredOf = covered.GroupBy(c => c.Piece).ToDictionary(g => g.Key, g => g.ToList());
        var total = new double[localAreas.Count];
        var coveredKm = new double[localAreas.Count];
        var factory = ServiceAreaGeometry.Local;
        // Pieces in parallel; prepared geometries build their indexes lazily and are not safe to share, so each
        // thread prepares the areas it meets, and sums into its own arrays.
        Parallel.For(0, pieces.Count,
            () => (Prepared: new IPreparedGeometry?[localAreas.Count], Total: new double[localAreas.Count], Covered: new double[localAreas.Count]),
            (s, _, local) =>
            {
                var line = Line(factory, pieces, s, 0, pieces.LengthMeters[s]);
                coveredOf.TryGetValue(s, out var parts);
                foreach (int a in index.Query(line.EnvelopeInternal))
                {
                    var prepared = local.Prepared[a] ??= PreparedGeometryFactory.Prepare(localAreas[a]);
                    if (prepared.Contains(line))
                    {
                        local.Total[a] += pieces.LengthMeters[s];
                        if (parts is not null) local.Covered[a] += parts.Sum(p => p.Length);
                        break;
                    }
                    if (!prepared.Intersects(line)) continue;
                    local.Total[a] += line.Intersection(localAreas[a]).Length;
                    if (parts is null) continue;
                    foreach (var p in parts) local.Covered[a] += Line(factory, pieces, s, p.From, p.To).Intersection(localAreas[a]).Length;
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

    public static LineString Line(GeometryFactory factory, StreetPieces pieces, int piece, double from, double to)
    {
        var points = pieces.Between(piece, from, to);
        return factory.CreateLineString(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());
    }
}
