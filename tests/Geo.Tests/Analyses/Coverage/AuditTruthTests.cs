using Geo.Analyses.Coverage;
using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// One truth across the audit's figures: every row adds up to the totals, every blind spot lies in one unit and
/// the blind spots of a unit add up to its uncovered street, and coverage runs in the stated direction of travel
/// (checked against a textbook Dijkstra written here, on generated cities rich in one-ways and on the Chengdu extract).
/// </summary>
public class AuditTruthTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Square units of the given size covering the whole street extent, so every street lies in some unit.</summary>
    private static List<Subdistrict> Tiles(StreetGraph graph, double meters)
    {
        var extent = new Envelope();
        foreach (var s in graph.Pieces.Source) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        var (x0, y0) = graph.Projection.Project(extent.MinX, extent.MinY);
        var (x1, y1) = graph.Projection.Project(extent.MaxX, extent.MaxY);
        x0 -= 50; y0 -= 50; x1 += 50; y1 += 50;
        var tiles = new List<Subdistrict>();
        for (double y = y0; y < y1; y += meters)
        {
            for (double x = x0; x < x1; x += meters)
            {
                var ring = new[] { (x, y), (x + meters, y), (x + meters, y + meters), (x, y + meters), (x, y) }
                    .Select(p => { var (lon, lat) = graph.Projection.Unproject(p.Item1, p.Item2); return new Coordinate(lon, lat); }).ToArray();
                tiles.Add(new Subdistrict(tiles.Count + 1, $"网格 {tiles.Count + 1}", 0, Wgs84.CreatePolygon(ring)));
            }
        }
        return tiles;
    }

    private static void AssertEverythingAddsUp(AuditResult audit)
    {
        // Street lengths agree to a centimetre (pieces are measured in floats, cuts at borders in doubles).
        const double Km = 1e-5;
        var t = audit.Totals;
        void Same(double total, double sum, string what) => Assert.True(Math.Abs(total - sum) < Km, $"{what}: total {total}, rows {sum}");
        Same(t.StreetKm, audit.Subdistricts.Sum(s => s.StreetKm), "street km");
        Same(t.CoveredStreetKm, audit.Subdistricts.Sum(s => s.CoveredStreetKm), "covered street km");
        Same(t.Demand, audit.Subdistricts.Sum(s => s.Demand), "demand");
        Same(t.CoveredDemand, audit.Subdistricts.Sum(s => s.CoveredDemand), "covered demand");
        Assert.Equal(t.AreaKm2, audit.Subdistricts.Sum(s => s.AreaKm2), 6);
        Assert.Equal(t.CoveredKm2, audit.Subdistricts.Sum(s => s.CoveredKm2), 6);

        var spots = audit.AllBlindSpots.ToList();
        Assert.True(Math.Abs(t.StreetKm - t.CoveredStreetKm - spots.Sum(b => b.StreetKm)) < 1e-5 * Math.Max(1, t.StreetKm),
            $"uncovered {t.StreetKm - t.CoveredStreetKm} km, blind spots and fragments {spots.Sum(b => b.StreetKm)} km");
        Assert.All(spots, b => Assert.True(b.SubdistrictId is not null, $"{b.Id}: every street lies in a unit, so every blind spot does"));
        var byUnit = spots.GroupBy(b => b.SubdistrictId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var s in audit.Subdistricts)
        {
            var inUnit = byUnit.GetValueOrDefault(s.Id) ?? new List<BlindSpot>();
            Assert.True(Math.Abs(s.UncoveredStreetKm - inUnit.Sum(b => b.StreetKm)) < Km + 1e-6 * s.StreetKm,
                $"{s.Name}: uncovered {s.UncoveredStreetKm} km, its blind spots {inUnit.Sum(b => b.StreetKm)} km");
            Assert.True(Math.Abs(s.UncoveredStreetKm - inUnit.Sum(b => b.Demand)) < Km + 1e-6 * s.StreetKm);
            Assert.All(inUnit, b => Assert.Equal(s.Name, b.Subdistrict));
        }
        Assert.Equal(Enumerable.Range(1, audit.BlindSpots.Count), audit.BlindSpots.Select(b => b.Rank));
        Assert.All(audit.BlindSpots, b => Assert.True(b.StreetKm * 1000 >= audit.MinBlindSpotMeters - 1e-6));
        Assert.All(audit.Fragments, b => Assert.True(b.StreetKm * 1000 < audit.MinBlindSpotMeters));
        Assert.All(spots, b => Assert.False(b.Shape.IsEmpty, $"{b.Id} has no geometry"));
        Assert.All(spots, b => Assert.True(b.BeyondBreakMinutes is null || b.BeyondBreakMinutes >= -1e-9));
        Assert.Equal(spots.Count, spots.Select(b => b.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(11, TravelDirection.ToStation)]
    [InlineData(12, TravelDirection.FromStation)]
    [InlineData(13, TravelDirection.ToStation)]
    public void Run_generatedCity_everyRowAndBlindSpotAddsUpToTheTotals(int seed, TravelDirection direction)
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2500, Stations: 8, Seed: seed));
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(city, TravelProfile.BuiltIn("ebike")));
        var audit = CoverageAudit.Run(snapper, city.Stations, Tiles(snapper.Graph, 700), null, new AuditOptions(5, Direction: direction));

        Assert.Equal(direction, audit.Direction);
        Assert.NotEmpty(audit.BlindSpots);
        AssertEverythingAddsUp(audit);
    }

    [Fact]
    public void Run_chengduExtract_everyRowAndBlindSpotAddsUpToTheTotals()
    {
        var dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset("chengdu-center.osm.pbf")).Dataset;
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));
        var graph = snapper.Graph;
        var random = new Random(4);
        var stations = Enumerable.Range(0, 25).Select(i =>
        {
            int piece = random.Next(graph.Pieces.Count);
            var (x, y) = graph.Pieces.PointAlong(piece, graph.Pieces.LengthMeters[piece] * random.NextDouble());
            var (lon, lat) = graph.Projection.Unproject(graph.OriginX + x, graph.OriginY + y);
            return new Station($"s{i}", null, new Point(lon, lat) { SRID = 4326 });
        }).ToList();
        var audit = CoverageAudit.Run(snapper, stations, Tiles(graph, 1000), null, new AuditOptions(10));

        AssertEverythingAddsUp(audit);
        AssertCoverageMatchesTextbookDijkstra(snapper, audit, random, 400);
    }

    [Theory]
    [InlineData(21, TravelDirection.ToStation)]
    [InlineData(21, TravelDirection.FromStation)]
    [InlineData(22, TravelDirection.ToStation)]
    [InlineData(23, TravelDirection.FromStation)]
    public void Run_coverage_matchesATextbookDijkstraInTheStatedDirection(int seed, TravelDirection direction)
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2000, Stations: 6, Seed: seed));
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(city, TravelProfile.BuiltIn("ebike")));
        Assert.Contains(snapper.Graph.Pieces.BackwardSeconds, b => float.IsPositiveInfinity(b));
        // Stations exactly on junctions and at random points along pieces.
        var graph = snapper.Graph;
        var random = new Random(seed);
        var stations = city.Stations.Take(3).ToList();
        for (int i = 0; i < 3; i++)
        {
            int v = random.Next(graph.VertexCount);
            var (lon, lat) = graph.VertexLonLat(v);
            stations.Add(new Station($"j{i}", null, new Point(lon, lat) { SRID = 4326 }));
        }
        var audit = CoverageAudit.Run(snapper, stations, Tiles(graph, 800), null, new AuditOptions(4, Direction: direction));
        AssertCoverageMatchesTextbookDijkstra(snapper, audit, random, 3000);
    }

    /// <summary>
    /// Samples spots on random pieces and checks "covered" against the travel time a plain Dijkstra over the pieces
    /// gives (to the nearest station or from it, as the audit says), skipping spots within half a second of the break.
    /// </summary>
    private static void AssertCoverageMatchesTextbookDijkstra(StreetSnapper snapper, AuditResult audit, Random random, int samples)
    {
        var graph = snapper.Graph;
        var p = graph.Pieces;
        bool toStation = audit.Direction == TravelDirection.ToStation;
        int n = graph.VertexCount;
        // Adjacency over the pieces: (neighbour, seconds), reversed when times run to the stations.
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<(int, double)>()).ToArray();
        for (int s = 0; s < p.Count; s++)
        {
            int a = p.FromVertex[s], b = p.ToVertex[s];
            if (toStation) adjacency[b].Add((a, p.ForwardSeconds[s]));
            else adjacency[a].Add((b, p.ForwardSeconds[s]));
            if (float.IsFinite(p.BackwardSeconds[s]))
            {
                if (toStation) adjacency[a].Add((b, p.BackwardSeconds[s]));
                else adjacency[b].Add((a, p.BackwardSeconds[s]));
            }
        }
        var dist = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var queue = new PriorityQueue<int, double>();
        var snaps = audit.ServiceAreas.Snapped.Select(s => s.Snap).ToList();
        foreach (var snap in snaps)
        {
            double f = snap.Fraction, fwd = p.ForwardSeconds[snap.Piece], bwd = p.BackwardSeconds[snap.Piece];
            // A station on a junction is the junction itself: riders arrive or leave by any street there. Otherwise
            // from the station: its piece's end forwards, its start backwards; to the station the other way round.
            var seeds = snap.AtVertex ? new[] { (snap.Vertex, 0.0) } : toStation
                ? new[] { (p.FromVertex[snap.Piece], f * fwd), (p.ToVertex[snap.Piece], (1 - f) * bwd) }
                : new[] { (p.ToVertex[snap.Piece], (1 - f) * fwd), (p.FromVertex[snap.Piece], f * bwd) };
            foreach (var (v, t) in seeds)
            {
                if (!double.IsFinite(t) || t >= dist[v]) continue;
                dist[v] = t;
                queue.Enqueue(v, t);
            }
        }
        while (queue.TryDequeue(out int u, out double d))
        {
            if (d > dist[u]) continue;
            foreach (var (v, w) in adjacency[u])
            {
                if (d + w < dist[v])
                {
                    dist[v] = d + w;
                    queue.Enqueue(v, d + w);
                }
            }
        }
        double Seconds(int s, double f)
        {
            double fwd = p.ForwardSeconds[s], bwd = p.BackwardSeconds[s];
            double best = toStation
                ? Math.Min((1 - f) * fwd + dist[p.ToVertex[s]], float.IsFinite((float)bwd) ? f * bwd + dist[p.FromVertex[s]] : double.PositiveInfinity)
                : Math.Min(f * fwd + dist[p.FromVertex[s]], float.IsFinite((float)bwd) ? (1 - f) * bwd + dist[p.ToVertex[s]] : double.PositiveInfinity);
            foreach (var snap in snaps.Where(x => x.Piece == s))
            {
                // Along the shared piece: forwards when the later spot is the destination.
                double from = toStation ? f : snap.Fraction, to = toStation ? snap.Fraction : f;
                if (to >= from) best = Math.Min(best, (to - from) * fwd);
                else if (float.IsFinite((float)bwd)) best = Math.Min(best, (from - to) * bwd);
            }
            return best;
        }

        var covered = audit.ServiceAreas.CoveredStreets[0].GroupBy(c => c.Piece).ToDictionary(g => g.Key, g => g.ToList());
        double limit = audit.Minutes * 60;
        int checkedSpots = 0, inside = 0;
        for (int k = 0; k < samples; k++)
        {
            int s = random.Next(p.Count);
            double f = random.NextDouble();
            double seconds = Seconds(s, f);
            if (Math.Abs(seconds - limit) < 0.5) continue;
            double at = f * p.LengthMeters[s];
            bool isCovered = covered.TryGetValue(s, out var list) && list.Any(c => c.From - 1e-6 <= at && at <= c.To + 1e-6);
            Assert.True(isCovered == seconds <= limit,
                $"piece {s} at {f:0.000}: the reference says {seconds:0.0} s ({audit.Direction}), the audit says {(isCovered ? "covered" : "uncovered")}");
            checkedSpots++;
            if (isCovered) inside++;
        }
        Assert.True(checkedSpots > samples / 2 && inside > 0 && inside < checkedSpots, $"{inside} of {checkedSpots} spots covered");
        AssertWorstMinutesMatch(graph, audit, dist, limit);
    }

    /// <summary>
    /// Each subdistrict's worst covered time is the longest reference time of a junction inside it (the first unit
    /// covering it) within the break; junctions within half a second of the break may count either way.
    /// </summary>
    private static void AssertWorstMinutesMatch(StreetGraph graph, AuditResult audit, double[] dist, double limit)
    {
        var units = audit.Subdistricts;
        var longestSure = new double[units.Count];
        var longestMaybe = new double[units.Count];
        Array.Fill(longestSure, double.NegativeInfinity);
        Array.Fill(longestMaybe, double.NegativeInfinity);
        for (int v = 0; v < graph.VertexCount; v++)
        {
            if (dist[v] > limit + 0.5) continue;
            var (lon, lat) = graph.VertexLonLat(v);
            var point = new Point(lon, lat);
            int unit = Enumerable.Range(0, units.Count).FirstOrDefault(i => units[i].Boundary.Covers(point), -1);
            if (unit < 0) continue;
            longestMaybe[unit] = Math.Max(longestMaybe[unit], dist[v]);
            if (dist[v] <= limit - 0.5) longestSure[unit] = Math.Max(longestSure[unit], dist[v]);
        }
        int withJunctions = 0;
        for (int i = 0; i < units.Count; i++)
        {
            double? worst = units[i].WorstMinutes;
            if (double.IsNegativeInfinity(longestMaybe[i]))
            {
                Assert.Null(worst);
                continue;
            }
            if (double.IsNegativeInfinity(longestSure[i]) && worst is null) continue;
            Assert.True(worst is not null, $"{units[i].Name}: junctions within the break, no worst time");
            Assert.InRange(worst!.Value * 60, longestSure[i] - 1e-3, longestMaybe[i] + 1e-3);
            withJunctions++;
        }
        Assert.True(withJunctions > 0, "no unit has a covered junction");
    }
}
