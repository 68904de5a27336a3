using Geo.Analyses.Demand;
using Geo.Analyses.Reach;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.Siting;
using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Reach;

/// <summary>
/// Stations and candidates standing exactly on junctions of the real Chengdu extract, where one-way streets meet:
/// each must leave by every street of its junction, as a textbook Dijkstra from that junction does.
/// </summary>
public class ChengduJunctionStartTests
{
    private static readonly Lazy<StreetDataset> Chengdu = new(() => new OsmPbfImporter().Import(RepoPaths.SharedDataset("chengdu-center.osm.pbf")).Dataset);

    private static (ReferenceComparison Compare, double Lon, double Lat, ReferenceNetwork.Start Start) AtNode(long osmId, string profile = "ebike")
    {
        var compare = new ReferenceComparison(StreetGraphBuilder.Build(Chengdu.Value, TravelProfile.BuiltIn(profile)));
        int node = compare.Reference.NodeOf(osmId);
        var (lon, lat) = compare.JunctionLonLat(node);
        return (compare, lon, lat, new ReferenceNetwork.Start(node, -1, 0, 0));
    }

    [Fact]
    public void Reach_fromJunctionWhereOnewaysMeetOnSecondRing_listsItsOwnJunctionAtZero()
    {
        var (compare, lon, lat, start) = AtNode(1458561796);
        Assert.Equal((104.0973176, 30.6893571), (Math.Round(lon, 7), Math.Round(lat, 7)));

        var reach = Reachability.From(compare.Snapper, lon, lat, 15);

        Assert.Equal(0, reach.Vertices.Single(v => v.OsmNodeId == 1458561796).Seconds);
        compare.From("二环路北四段 junction", lon, lat, start, 15);
        compare.AssertAgreed();
    }

    [Fact]
    public void Reach_fromJunctionOnFirstRing_reachesEveryJunctionTheReferenceDoesInTheSameTime()
    {
        var (compare, lon, lat, start) = AtNode(2726869945);
        int expected = compare.Reference.Dijkstra(start, 15 * 60).Count(double.IsFinite);

        var reach = Reachability.From(compare.Snapper, lon, lat, 15);

        Assert.Equal(expected, reach.Vertices.Count);
        compare.From("一环路 junction", lon, lat, start, 15);
        compare.AssertAgreed();
    }

    [Fact]
    public void ServiceArea_fromJunctionOnZhongnanStreet_coversTheStreetLengthTheReferenceReaches()
    {
        var (compare, lon, lat, start) = AtNode(4550018717);
        double expectedKm = compare.Reference.StreetMeters(start, compare.Reference.Dijkstra(start, 15 * 60), 15 * 60) / 1000;
        var station = new Station("中南大街", null, new Point(lon, lat) { SRID = 4326 });

        var reference = compare.Reference;
        double towardsKm = reference.StreetMeters(start, reference.Dijkstra(start, 15 * 60, towardsStart: true), 15 * 60, towardsStart: true) / 1000;

        var from = ServiceAreaAnalysis.Run(compare.Snapper, new[] { station }, new ServiceAreaOptions(new[] { 15.0 }, Overlap: false, Direction: TravelDirection.FromStation));
        var towards = ServiceAreaAnalysis.Run(compare.Snapper, new[] { station }, new ServiceAreaOptions(new[] { 15.0 }, Overlap: false, Direction: TravelDirection.ToStation));

        Assert.True(expectedKm > 100, $"reference {expectedKm:0.00} km");
        Assert.Equal(expectedKm, from.Areas.Single().StreetKm, 3);
        Assert.Equal(expectedKm, from.Coverage.Single().StreetKm, 3);
        Assert.True(towardsKm > 100, $"reference {towardsKm:0.00} km");
        Assert.Equal(towardsKm, towards.Areas.Single().StreetKm, 3);
    }

    [Theory]
    [InlineData(TravelDirection.ToStation)]
    [InlineData(TravelDirection.FromStation)]
    public void CoverageSets_gridCandidatesOnJunctions_coverWhatTheReferenceReachesFromTheirJunction(TravelDirection direction)
    {
        var graph = StreetGraphBuilder.Build(Chengdu.Value, TravelProfile.BuiltIn("ebike"));
        var compare = new ReferenceComparison(graph);
        var reference = compare.Reference;
        var candidates = CandidateGrid.Stations(graph, 500);
        var snaps = candidates.Select(c => compare.Snapper.Snap(c.Geometry)).ToList();
        var units = DemandUnits.StreetKm(graph);
        const double limit = 5 * 60;
        bool toStation = direction == TravelDirection.ToStation;

        var sets = CoverageSets.Build(graph, units, snaps, limit, direction);

        var wrong = new List<string>();
        for (int i = 0; i < candidates.Count; i++)
        {
            long osmId = long.Parse(candidates[i].Id[1..]);
            Assert.Equal(osmId, graph.VertexOsmId[snaps[i].Vertex]);
            var seconds = reference.Dijkstra(new ReferenceNetwork.Start(reference.NodeOf(osmId), -1, 0, 0), limit, towardsStart: toStation);
            var covered = new HashSet<int>(sets[i]);
            for (int u = 0; u < units.Count; u++)
            {
                // Each unit is the midpoint of its piece, entered (or left) through whichever end the one-ways allow.
                var p = reference.Pieces[units.Piece[u]];
                double viaFrom = seconds[p.From] + (toStation ? (p.TwoWay ? p.Backward / 2 : double.PositiveInfinity) : p.Forward / 2);
                double viaTo = seconds[p.To] + (toStation ? p.Forward / 2 : (p.TwoWay ? p.Backward / 2 : double.PositiveInfinity));
                double time = Math.Min(viaFrom, viaTo);
                bool expected = time <= limit;
                if (expected != covered.Contains(u) && Math.Abs(time - limit) > ReferenceComparison.SecondsTolerance)
                {
                    wrong.Add($"candidate {candidates[i].Id}: unit on piece {units.Piece[u]} {(expected ? "missed" : "covered")}, reference {time:0.00} s");
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} disagreements over {candidates.Count} candidates:\n" + string.Join("\n", wrong.Take(15)));
    }

    [Fact]
    public void Snap_farFromEbikeStreets_reportsTheTrueNearestDistance()
    {
        var graph = StreetGraphBuilder.Build(Chengdu.Value, TravelProfile.BuiltIn("ebike"));
        var compare = new ReferenceComparison(graph);
        var local = graph.ToLocal(new Point(104.0324573, 30.6856965) { SRID = 4326 }).Coordinate;
        double nearest = compare.Reference.Nearest(local.X, local.Y).Distance;

        var snap = compare.Snapper.Snap(104.0324573, 30.6856965);

        Assert.False(snap.IsSnapped);
        Assert.Equal(nearest, snap.DistanceMeters, 6);
        Assert.InRange(nearest, 470, 500);
        Assert.Contains($"{nearest:0} m away", snap.Reason);
    }
}
