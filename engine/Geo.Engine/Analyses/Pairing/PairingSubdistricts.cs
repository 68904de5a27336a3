using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Turns checked subdistricts into <see cref="PairingSubdistrict"/>s: projected to the graph's metres, with a
/// reference point on the subdistrict's own streets: the best service-centre POI inside (see
/// <see cref="ServiceCentres"/>), else the covered street point nearest its interior point (when a coverage is
/// given), else the street point inside it nearest its interior point, else the interior point itself; snapped to
/// the streets. A subdistrict with covered streets is thus always reached within the break.
/// </summary>
public static class PairingSubdistricts
{
    public static (IReadOnlyList<PairingSubdistrict> Subdistricts, SubdistrictLocator Locator) Prepare(
        IReadOnlyList<Subdistrict> subdistricts, IReadOnlyList<PointOfInterest> pois, StreetGraph graph,
        StreetSnapper snapper, double borderToleranceMeters, IReadOnlyList<ServiceAreas.ReachedInterval>? coverage = null)
    {
        var coveredOf = coverage is null ? null : ServiceAreas.IntervalsByPiece.Shared(coverage, graph.Pieces.Count, byStart: false);
        var projection = graph.Projection;
        var metric = subdistricts.Select(d => projection.Project(d.Geometry)).ToArray();
        var locator = new SubdistrictLocator(metric, borderToleranceMeters);

        var centre = new PointOfInterest?[subdistricts.Count];
        var centreRank = new int[subdistricts.Count];
        foreach (var poi in pois)
        {
            if (ServiceCentres.Rank(poi) is not int rank) continue;
            var (x, y) = projection.Project(poi.Geometry.X, poi.Geometry.Y);
            var at = new Point(x, y);
            foreach (int i in locator.Covering(at))
            {
                if (!locator.Prepared(i).Covers(at)) continue;
                if (ServiceCentres.IsBetter(poi, rank, centre[i], centreRank[i]))
                {
                    centre[i] = poi;
                    centreRank[i] = rank;
                }
            }
        }

        var result = new PairingSubdistrict[subdistricts.Count];
        // Each subdistrict's reference point looks at every street near it: one subdistrict per core at a time.
        Parallel.For(0, subdistricts.Count, i =>
        {
            var interior = metric[i].InteriorPoint;
            Point reference;
            string kind;
            if (centre[i] is { } poi)
            {
                reference = new Point(poi.Geometry.X, poi.Geometry.Y) { SRID = 4326 };
                kind = $"service centre '{poi.Name ?? poi.Amenity}' ({poi.OsmType} {poi.OsmId})";
            }
            else
            {
                var local = graph.ToLocal(subdistricts[i].Geometry);
                var inside = local.InteriorPoint;
                var street = coveredOf is null ? null : StreetPointInside(graph, snapper, local, inside, coveredOf.Of);
                kind = "covered street point nearest its interior point";
                if (street is null)
                {
                    street = StreetPointInside(graph, snapper, local, inside, null);
                    kind = "street point nearest its interior point";
                }
                if (street is null)
                {
                    street = inside.Coordinate;
                    kind = "interior point";
                }
                var lonLat = graph.ToLonLat(new Point(street));
                reference = new Point(lonLat.Coordinate.X, lonLat.Coordinate.Y) { SRID = 4326 };
            }
            var snap = snapper.Snap(reference);
            result[i] = new PairingSubdistrict(subdistricts[i], metric[i], locator.Prepared(i), interior, reference, kind, snap);
        });
        return (result, locator);
    }

    /// <summary>
    /// The point of the streets inside a subdistrict (graph coordinates) nearest a point; with <paramref name="coveredOn"/>,
    /// only the covered parts of them. Null when there is none. Pieces are measured nearest bounding box first, and
    /// the search stops at the first box farther than the best point found: a subdistrict holds thousands of pieces,
    /// and only those near its interior point can hold the answer. Of equally near points, the one of the piece first
    /// in <see cref="StreetSnapper.PiecesNear"/>'s order wins, as in a scan of every piece.
    /// </summary>
    private static Coordinate? StreetPointInside(StreetGraph graph, StreetSnapper snapper, Geometry local, Point near,
        Func<int, IReadOnlyList<ServiceAreas.ReachedInterval>?>? coveredOn)
    {
        var factory = ServiceAreas.ServiceAreaGeometry.Local;
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(local);
        var candidates = snapper.PiecesNear(local.EnvelopeInternal);
        var order = new (double Bound, int Position)[candidates.Count];
        for (int k = 0; k < candidates.Count; k++) order[k] = (PieceBoxDistance(graph.Pieces, candidates[k], near.X, near.Y), k);
        Array.Sort(order);
        Coordinate? best = null;
        double bestDistance = double.PositiveInfinity;
        int bestPosition = int.MaxValue;
        foreach (var (bound, position) in order)
        {
            if (bound > bestDistance) break;
            int s = candidates[position];
            var parts = coveredOn is null
                ? new List<ServiceAreas.ReachedInterval> { new(s, 0, graph.Pieces.LengthMeters[s]) }
                : coveredOn(s);
            if (parts is null) continue;
            foreach (var part in parts)
            {
                if (part.To <= part.From) continue;
                var line = factory.CreateLineString(graph.Pieces.Between(s, part.From, part.To).Select(p => new Coordinate(p.X, p.Y)).ToArray());
                if (!prepared.Intersects(line)) continue;
                var within = prepared.Contains(line) ? line : line.Intersection(local);
                if (within.IsEmpty) continue;
                var nearest = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(within, near)[0];
                double d = nearest.Distance(near.Coordinate);
                if (d < bestDistance || (d == bestDistance && position < bestPosition)) (best, bestDistance, bestPosition) = (nearest, d, position);
            }
        }
        return best;
    }

    /// <summary>
    /// The distance from a point to a piece's bounding box, a little less (1 µm) so that a nearest point rounded
    /// just outside the box is never passed over.
    /// </summary>
    private static double PieceBoxDistance(StreetPieces pieces, int piece, double x, double y)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int i = pieces.FirstPoint[piece]; i < pieces.FirstPoint[piece + 1]; i++)
        {
            (minX, maxX) = (Math.Min(minX, pieces.PointX[i]), Math.Max(maxX, pieces.PointX[i]));
            (minY, maxY) = (Math.Min(minY, pieces.PointY[i]), Math.Max(maxY, pieces.PointY[i]));
        }
        double dx = Math.Max(0, Math.Max(minX - x, x - maxX)), dy = Math.Max(0, Math.Max(minY - y, y - maxY));
        return Math.Sqrt(dx * dx + dy * dy) - 1e-6;
    }
}
