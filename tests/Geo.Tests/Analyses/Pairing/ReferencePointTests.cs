using Geo.Analyses.Coverage;
using Geo.Analyses.Pairing;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Pairing;

/// <summary>
/// A subdistrict's reference point is the point of its (covered) streets nearest its interior point: checked against a
/// scan of every piece of the graph, on generated cities cut into skewed quadrilaterals of many sizes.
/// </summary>
public class ReferencePointTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    [Theory]
    [InlineData(31, true)]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void Prepare_referencePoint_isTheNearestStreetPointInsideByAScanOfEveryPiece(int seed, bool withCoverage)
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2500, Stations: 5, Seed: seed));
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(city, TravelProfile.BuiltIn("ebike")));
        var graph = snapper.Graph;
        var random = new Random(seed);
        var subdistricts = SkewedQuadrilaterals(graph, random, 60);
        var covered = withCoverage
            ? CoverageAudit.Run(snapper, city.Stations, subdistricts.Take(1).ToList(), null, new AuditOptions(3)).ServiceAreas.CoveredStreets[0]
            : null;

        var (prepared, _) = PairingSubdistricts.Prepare(subdistricts, Array.Empty<PointOfInterest>(), graph, snapper, 0, covered);

        int checkedStreetPoints = 0;
        for (int i = 0; i < subdistricts.Count; i++)
        {
            var local = graph.ToLocal(subdistricts[i].Geometry);
            var interior = local.InteriorPoint;
            double? expected = covered is null ? null : NearestInside(graph, local, interior, covered);
            string kind = "covered street point nearest its interior point";
            if (expected is null)
            {
                var everyPiece = Enumerable.Range(0, graph.Pieces.Count).Select(s => new Geo.Analyses.ServiceAreas.ReachedInterval(s, 0, graph.Pieces.LengthMeters[s])).ToList();
                expected = NearestInside(graph, local, interior, everyPiece);
                kind = "street point nearest its interior point";
            }
            if (expected is null)
            {
                Assert.Equal("interior point", prepared[i].ReferenceKind);
                continue;
            }
            Assert.Equal(kind, prepared[i].ReferenceKind);
            double actual = graph.ToLocal(prepared[i].Reference).Coordinate.Distance(interior.Coordinate);
            Assert.True(Math.Abs(actual - expected.Value) < 1e-3, $"subdistrict {i}: reference {actual:0.0000} m from its interior point, nearest street point inside {expected:0.0000} m");
            checkedStreetPoints++;
        }
        Assert.True(checkedStreetPoints > 40, $"only {checkedStreetPoints} subdistricts had street points");
    }

    /// <summary>The nearest point to <paramref name="near"/> of the given stretches inside the area, by trying them all.</summary>
    private static double? NearestInside(StreetGraph graph, Geometry local, Point near, IEnumerable<Geo.Analyses.ServiceAreas.ReachedInterval> stretches)
    {
        double? best = null;
        foreach (var stretch in stretches)
        {
            if (stretch.To <= stretch.From) continue;
            var line = new LineString(graph.Pieces.Between(stretch.Piece, stretch.From, stretch.To).Select(p => new Coordinate(p.X, p.Y)).ToArray());
            if (!line.EnvelopeInternal.Intersects(local.EnvelopeInternal)) continue;
            var inside = line.Intersection(local);
            if (inside.IsEmpty) continue;
            double d = inside.Distance(near);
            if (best is null || d < best) best = d;
        }
        return best;
    }

    /// <summary>Random convex quadrilaterals over the streets, from 150 m to 2 km across, some beyond the data's edge.</summary>
    private static List<Subdistrict> SkewedQuadrilaterals(StreetGraph graph, Random random, int count)
    {
        var (minX, maxX) = (graph.Pieces.PointX.Min(), graph.Pieces.PointX.Max());
        var (minY, maxY) = (graph.Pieces.PointY.Min(), graph.Pieces.PointY.Max());
        var result = new List<Subdistrict>();
        for (int k = 0; k < count; k++)
        {
            double cx = minX + random.NextDouble() * (maxX - minX), cy = minY + random.NextDouble() * (maxY - minY);
            double size = 150 + random.NextDouble() * 1850, turn = random.NextDouble() * Math.PI / 2;
            var ring = Enumerable.Range(0, 4).Select(c =>
            {
                double angle = turn + c * Math.PI / 2 + (random.NextDouble() - 0.5) * 0.6, reach = size / 2 * (0.6 + 0.4 * random.NextDouble());
                var (lon, lat) = graph.Projection.Unproject(graph.OriginX + cx + reach * Math.Cos(angle), graph.OriginY + cy + reach * Math.Sin(angle));
                return new Coordinate(lon, lat);
            }).ToList();
            ring.Add(ring[0]);
            result.Add(new Subdistrict(k + 1, $"区 {k + 1}", 8, Wgs84.CreatePolygon(ring.ToArray())));
        }
        return result;
    }
}
