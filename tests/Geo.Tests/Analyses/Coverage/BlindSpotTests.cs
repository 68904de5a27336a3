using Geo.Analyses.Coverage;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>Blind spots a planner can act on: one unit each, a geometry each, fragments apart, and how far beyond the break.</summary>
public class BlindSpotTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static Subdistrict Square(long id, double minX, double minY, double maxX, double maxY)
    {
        var ring = new[] { (minX, minY), (maxX, minY), (maxX, maxY), (minX, maxY), (minX, minY) }
            .Select(p => { var (lon, lat) = TestCity.LonLat(p.Item1, p.Item2); return new Coordinate(lon, lat); }).ToArray();
        return new Subdistrict(id, $"第{id}网格", 8, Wgs84.CreatePolygon(ring));
    }

    private static StreetSnapper Walk(TestCity city) => new(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk")));

    private static Station At(string id, double x, double y) => new(id, id, TestCity.PointAt(x, y));

    [Fact]
    public void Run_uncoveredStreetAcrossTwoCells_isCutAtTheBorder()
    {
        //  s ─────────────────────────────── (one street, 0 → 2000 m)
        //  |  cell 1: x < 1000  |  cell 2: x ≥ 1000  |
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (2000.0, 0.0) });
        var cells = new[] { Square(1, -50, -50, 1000, 50), Square(2, 1000, -50, 2050, 50) };
        var audit = CoverageAudit.Run(Walk(city), new[] { At("s", 0, 0) }, cells, null, new AuditOptions(4));

        // 4 minutes on foot reach 333.3 m: the rest of cell 1 (666.7 m) and all of cell 2 (1000 m) are two blind spots.
        Assert.Equal(2, audit.BlindSpots.Count);
        Assert.Equal(1.0, audit.BlindSpots[0].StreetKm, 3);
        Assert.Equal(2, audit.BlindSpots[0].SubdistrictId);
        Assert.Equal(0.6667, audit.BlindSpots[1].StreetKm, 3);
        Assert.Equal(1, audit.BlindSpots[1].SubdistrictId);
        foreach (var b in audit.BlindSpots)
        {
            var cell = cells.Single(c => c.Id == b.SubdistrictId).Geometry;
            Assert.True(cell.Buffer(1e-6).Covers(b.Streets), $"{b.Id} leaves its cell");
            Assert.True(b.Area.IsEmpty || cell.Buffer(1e-6).Covers(b.Area), $"{b.Id}'s area leaves its cell");
        }
    }

    [Fact]
    public void Run_farthestSpot_saysHowFarBeyondTheBreak()
    {
        // s ──────── 1000 m on foot (72 s per 100 m): the break of 4 min ends at 333.3 m, the street's end is 12 min away.
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (1000.0, 0.0) });
        var audit = CoverageAudit.Run(Walk(city), new[] { At("s", 0, 0) }, new[] { Square(1, -50, -50, 1050, 50) }, null, new AuditOptions(4));

        var spot = Assert.Single(audit.BlindSpots);
        Assert.Equal("s", spot.NearestStationId);
        Assert.Equal(12, spot.NearestStationMinutes!.Value, 2);
        Assert.Equal(8, spot.BeyondBreakMinutes!.Value, 2);
        Assert.Contains("s, +8.0 min beyond 4", Geo.Rendering.Reports.CoverageReport.Markdown(audit, null, 0.8, Geo.Rendering.Words.OutputLanguage.En));
    }

    [Fact]
    public void Run_oneWayLeadingNowhere_isCountedApartAndDoesNotHideTheRest()
    {
        // s ═══════ 2000 m two-way ═══════ 2 ──→── 500 m one-way ──→ 3 (dead end): riders on the one-way cannot get
        // back to s, riders on the rest can. By e-bike, to the station.
        TestCity Town(bool withOneWay)
        {
            var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (2000.0, 0.0) });
            return withOneWay ? city.Street(2, 3, new[] { (2000.0, 0.0), (2500.0, 0.0) }, oneway: true) : city;
        }
        var ebike = (TestCity city) => new StreetSnapper(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike")));
        var cell = new[] { Square(1, -50, -50, 2550, 50) };
        var reference = Assert.Single(CoverageAudit.Run(ebike(Town(false)), new[] { At("s", 0, 0) }, cell, null, new AuditOptions(1)).BlindSpots);

        var audit = CoverageAudit.Run(ebike(Town(true)), new[] { At("s", 0, 0) }, cell, null, new AuditOptions(1));

        var spot = Assert.Single(audit.BlindSpots);
        Assert.Equal(0.5, spot.NoRouteKm, 3);
        Assert.Equal(0, reference.NoRouteKm, 6);
        Assert.Equal("s", spot.NearestStationId);
        Assert.Equal(reference.NearestStationMinutes!.Value, spot.NearestStationMinutes!.Value, 6);
        Assert.Contains("0.50 km of it with no route", AuditReport.Nearest(spot, audit));
    }

    [Fact]
    public void Run_shortStretches_areFragmentsWithAGeometryButNoRank()
    {
        //  s ─── 300 m ───┬── 150 m spur (uncovered, short)
        //                 └── 1000 m on (uncovered, long)
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (300.0, 0.0) })
            .Street(2, 3, new[] { (300.0, 0.0), (300.0, 150.0) })
            .Street(4, 5, new[] { (0.0, 500.0), (1000.0, 500.0) });
        var snapper = Walk(city);
        var cells = new[] { Square(1, -50, -50, 1050, 600) };
        var audit = CoverageAudit.Run(snapper, new[] { At("s", 0, 0) }, cells, null, new AuditOptions(3.6, MinBlindSpotMeters: 200));

        var spot = Assert.Single(audit.BlindSpots);
        Assert.Equal(1.0, spot.StreetKm, 3);
        var fragment = Assert.Single(audit.Fragments);
        Assert.Equal(0.15, fragment.StreetKm, 2);
        Assert.Equal(0, fragment.Rank);
        Assert.Equal("F1", fragment.Id);
        Assert.All(audit.AllBlindSpots, b => Assert.False(b.Shape.IsEmpty));
        var layer = AuditLayers.ToLayers(audit).Single(l => l.Name == "blind_spots");
        Assert.Equal(2, layer.Features.Count);
        Assert.Contains(layer.Features, f => (string)f.Values[layer.RequireField("spot_id")]! == "F1" && f.Values[layer.RequireField("rank")] is null);
        Assert.Contains(",fragment,", AuditTables.BlindSpotsCsv(audit));
    }

    [Fact]
    public void Run_stretchWhoseWidenedAreaIsAllCovered_isDrawnAsItsStreet()
    {
        //  ┌────────────── y = 160 ──────────────┐
        //  │        ╱ island (36 m, unreachable)  │
        //  └──────── s ─── y = 100 ──────────────┘
        // Every cell within 50 m of the island is within 50 m of a covered street, so its area is empty.
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 100.0), (300.0, 100.0) })
            .Street(3, 4, new[] { (0.0, 160.0), (300.0, 160.0) })
            .Street(1, 3, new[] { (0.0, 100.0), (0.0, 160.0) })
            .Street(2, 4, new[] { (300.0, 100.0), (300.0, 160.0) })
            .Street(8, 9, new[] { (140.0, 115.0), (160.0, 145.0) });
        var audit = CoverageAudit.Run(Walk(city), new[] { At("s", 150, 100) }, new[] { Square(1, -100, 0, 400, 300) }, null,
            new AuditOptions(10, MinBlindSpotMeters: 0));

        var island = Assert.Single(audit.BlindSpots);
        Assert.True(island.Area.IsEmpty);
        Assert.Equal(0.036, island.StreetKm, 3);
        Assert.IsAssignableFrom<ILineal>(island.Shape);
        var layer = AuditLayers.ToLayers(audit).Single(l => l.Name == "blind_spots");
        var feature = Assert.Single(layer.Features);
        Assert.Equal(1L, feature.Values[layer.RequireField("rank")]);
        Assert.IsAssignableFrom<ILineal>(feature.Geometry);
    }
}
