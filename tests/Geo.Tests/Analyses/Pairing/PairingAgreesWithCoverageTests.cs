using Geo.Analyses.Coverage;
using Geo.Analyses.Pairing;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;
using static Geo.Tests.Analyses.Pairing.PairingTown;

namespace Geo.Tests.Analyses.Pairing;

/// <summary>
/// Pairing measured from a subdistrict's own reachable streets, in the audit's direction of travel: a subdistrict
/// with covered streets is never "unreachable", and it is never paired with a far station while a near one covers it.
/// On foot, 100 m take 72 s; the break is 15 minutes (1,250 m).
/// </summary>
public class PairingAgreesWithCoverageTests
{
    private static StreetSnapper Walk(TestCity city) => new(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk")));

    private static (AuditResult Audit, PairingResult Pairing) AuditAndPair(TestCity city, Station[] stations, Subdistrict cell)
    {
        var snapper = Walk(city);
        var audit = CoverageAudit.Run(snapper, stations, new[] { cell }, null, new AuditOptions(15));
        var pairing = PairingAnalysis.Run(snapper, stations, new[] { cell }, Array.Empty<PointOfInterest>(),
            CoverageAudit.PairingOptionsFor(audit, new PairingOptions()));
        return (audit, pairing);
    }

    [Fact]
    public void Run_cellWithCoveredStreetsWhoseInteriorPointIsByAnIsland_isPairedWithTheStationCoveringIt()
    {
        //        ┌──────────── cell (0..1000 × -100..500) ────────────┐
        //        │     island ────────── (y = 300, unreachable)       │
        //        │            · interior point (500, 200)             │
        //  B ────┼──────────────────── y = 0 ─────────────────────────┤
        //        └────────────────────────────────────────────────────┘
        var city = new TestCity()
            .Street(1, 2, new[] { (-300.0, 0.0), (1000.0, 0.0) })
            .Street(5, 6, new[] { (200.0, 300.0), (800.0, 300.0) });
        var (audit, pairing) = AuditAndPair(city, new[] { Station("B", -100, 0) }, Square(1, "A-7", 0, -100, 1000, 500));

        Assert.True(audit.Subdistricts[0].CoveredStreetKm > 0.9, "B covers the cell's street");
        var row = Assert.Single(pairing.Rows, r => r.Subdistrict == 0);
        Assert.NotEqual(PairingHow.Unpaired, row.How);
        Assert.Equal("B", pairing.Stations[row.Station].Id);
        Assert.True(row.Seconds <= 15 * 60, $"{row.Seconds} s");
        Assert.Contains("covered street point", pairing.Subdistricts[0].ReferenceKind);
    }

    [Fact]
    public void Run_cellCoveredByANearStation_isNotPairedWithAFarOne()
    {
        //  A ───────────────────── y = 300 ───────────────────────┐ (2,000 m east of A to the cell's middle)
        //              ┌─────── cell (0..1000 × -100..500) ──────┐│
        //              │             · interior point             ││ a bridge 2 km further east
        //  B ──────────┼──────────── y = 0 ──────────────────────┼┘
        //              └──────────────────────────────────────────┘
        var city = new TestCity()
            .Street(1, 2, new[] { (-300.0, 0.0), (1000.0, 0.0) })
            .Street(3, 4, new[] { (-2000.0, 300.0), (1000.0, 300.0) })
            .Street(2, 7, new[] { (1000.0, 0.0), (3000.0, 0.0), (3000.0, 300.0) })
            .Street(7, 4, new[] { (3000.0, 300.0), (1000.0, 300.0) });
        var (audit, pairing) = AuditAndPair(city, new[] { Station("A", -1500, 300), Station("B", -100, 0) }, Square(1, "A-8", 0, -100, 1000, 500));

        Assert.True(audit.Subdistricts[0].CoveredStreetKm > 0.9, "B covers the cell's south street");
        var row = Assert.Single(pairing.Rows, r => r.Subdistrict == 0);
        Assert.Equal("B", pairing.Stations[row.Station].Id);
        Assert.True(row.Seconds <= 15 * 60, $"paired at {row.Seconds / 60:0.0} min");
    }

    [Fact]
    public void Run_oneWayStreets_nearestMeansNearestInTheAuditsDirection()
    {
        // A one-way loop run anticlockwise: from S to the cell's street is 100 m, from it back to S 300 m.
        //   (0,100) ←─── (100,100)
        //      │             ↑
        //      ↓             │
        //   S (0,0) ───→ (100,0)      the cell holds only the east side (x = 100)
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true)
            .Street(2, 3, new[] { (100.0, 0.0), (100.0, 100.0) }, oneway: true)
            .Street(3, 4, new[] { (100.0, 100.0), (0.0, 100.0) }, oneway: true)
            .Street(4, 1, new[] { (0.0, 100.0), (0.0, 0.0) }, oneway: true);
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike")));
        var cell = Square(1, "东", 80, 20, 200, 80);
        var station = new[] { Station("S", 0, 0) };

        foreach (var (direction, seconds) in new[] { (TravelDirection.ToStation, 250 * 0.24), (TravelDirection.FromStation, 150 * 0.24) })
        {
            var audit = CoverageAudit.Run(snapper, station, new[] { cell }, null, new AuditOptions(15, Direction: direction));
            var pairing = PairingAnalysis.Run(snapper, station, new[] { cell }, Array.Empty<PointOfInterest>(), CoverageAudit.PairingOptionsFor(audit, new PairingOptions()));
            var row = Assert.Single(pairing.Rows, r => r.Subdistrict == 0);
            // The reference is the street point nearest the cell's middle, (100, 50): 150 m after S going round, 250 m back.
            Assert.Equal(seconds, row.Seconds!.Value, 1);
        }
    }

    [Fact]
    public void Territories_oneWayStreet_belongToTheStationRidersReachInTheChosenDirection()
    {
        //  A ────────→──────── B   (one-way east, 1,000 m): from A the street is A's; riders on it can only reach B.
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (1000.0, 0.0) }, oneway: true)
            .Street(2, 3, new[] { (1000.0, 0.0), (1000.0, 500.0) })
            .Street(3, 1, new[] { (1000.0, 500.0), (0.0, 0.0) }, oneway: true);
        var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
        var snapper = new StreetSnapper(graph);
        var stations = new[] { snapper.Snap(TestCity.PointAt(100, 0)), snapper.Snap(TestCity.PointAt(1000, 250)) };
        int eastbound = Enumerable.Range(0, graph.Pieces.Count).Single(p => graph.Pieces.Source[p].FromNodeId == 1);

        var from = NetworkTerritories.Compute(graph, stations, 3600, withAreas: false, direction: TravelDirection.FromStation);
        var to = NetworkTerritories.Compute(graph, stations, 3600, withAreas: false, direction: TravelDirection.ToStation);

        Assert.Equal(0, from.Pieces.Single(t => t.Piece == eastbound).Station);
        Assert.Equal(1, to.Pieces.Single(t => t.Piece == eastbound).Station);
    }
}
