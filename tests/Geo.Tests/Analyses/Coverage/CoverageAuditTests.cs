using Geo.Analyses.Coverage;
using Geo.Analyses.Demand;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Coverage;

public class CoverageAuditTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Four square subdistricts of 600 m over a 13×13 grid of 100 m blocks.</summary>
    private static List<Subdistrict> Quarters()
    {
        var result = new List<Subdistrict>();
        int id = 1;
        foreach (var (x, y) in new[] { (0.0, 0.0), (600.0, 0.0), (0.0, 600.0), (600.0, 600.0) })
        {
            var ring = new[] { (x - 50, y - 50), (x + 550, y - 50), (x + 550, y + 550), (x - 50, y + 550), (x - 50, y - 50) }
                .Select(p => { var (lon, lat) = TestCity.LonLat(p.Item1, p.Item2); return new Coordinate(lon, lat); }).ToArray();
            result.Add(new Subdistrict(id, $"第{id}街道", 8, Wgs84.CreatePolygon(ring)));
            id++;
        }
        return result;
    }

    private static StreetSnapper Snapper(TestCity city) => new(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk")));

    private static Station At(string id, double x, double y) => new(id, id, TestCity.PointAt(x, y));

    private static AuditResult Audit(StreetSnapper snapper, IReadOnlyList<Station> stations, IReadOnlyList<DemandPoint>? demand = null, double minutes = 4) =>
        CoverageAudit.Run(snapper, stations, Quarters(), demand, new AuditOptions(minutes));

    [Fact]
    public void Run_coveredPlusUncovered_equalsTotalPerSubdistrict()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var audit = Audit(snapper, new[] { At("a", 250, 250), At("b", 900, 800) });

        foreach (var s in audit.Subdistricts)
        {
            double gapKm2 = snapper.Graph.ToLocal(s.Gap).Area / 1e6;
            Assert.True(Math.Abs(s.CoveredKm2 + gapKm2 - s.AreaKm2) <= 0.001 * s.AreaKm2, $"{s.Name}: {s.CoveredKm2} + {gapKm2} vs {s.AreaKm2}");
            Assert.InRange(s.CoveredStreetKm, 0, s.StreetKm);
        }
        double blindKm = audit.AllBlindSpots.Sum(b => b.StreetKm);
        Assert.True(Math.Abs(audit.Totals.CoveredStreetKm + blindKm - audit.Totals.StreetKm) <= 0.001 * audit.Totals.StreetKm);
        Assert.Equal(audit.Totals.StreetKm, audit.Subdistricts.Sum(s => s.StreetKm), 3);
    }

    [Fact]
    public void Run_figuresOnly_givesTheSameFiguresWithNoGapsOrBlindSpots()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var random = new Random(5);
        var demand = Enumerable.Range(0, 100).Select(_ => new DemandPoint("t", 1 + random.Next(5), TestCity.PointAt(random.NextDouble() * 1100, random.NextDouble() * 1100))).ToList();
        var stations = new[] { At("a", 250, 250), At("b", 900, 800), At("c", 300, 0) };
        var whole = Audit(snapper, stations, demand);

        var figures = CoverageAudit.Run(snapper, stations, Quarters(), demand, new AuditOptions(4), serviceAreas: whole.ServiceAreas, figuresOnly: true);

        Assert.NotEmpty(whole.AllBlindSpots);
        Assert.Equal(AuditTables.CoverageCsv(whole), AuditTables.CoverageCsv(figures));
        Assert.Equal(whole.Totals, figures.Totals);
        Assert.True(figures.FiguresOnly);
        Assert.Empty(figures.AllBlindSpots);
        Assert.All(figures.Subdistricts, s => Assert.True(s.Gap.IsEmpty));
    }

    [Fact]
    public void Run_demandPoints_coveredPlusUncoveredEqualsTotal()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var random = new Random(3);
        var demand = Enumerable.Range(0, 200).Select(_ => new DemandPoint("t", 1 + random.Next(5), TestCity.PointAt(random.NextDouble() * 1100, random.NextDouble() * 1100))).ToList();
        var audit = Audit(snapper, new[] { At("a", 250, 250) }, demand);

        Assert.Equal(demand.Sum(d => d.Weight), audit.Totals.Demand, 6);
        Assert.Equal(audit.Totals.Demand, audit.Subdistricts.Sum(s => s.Demand), 6);
        Assert.All(audit.Subdistricts, s => Assert.InRange(s.CoveredDemand, 0, s.Demand));
        Assert.True(audit.Totals.CoveredDemand > 0 && audit.Totals.CoveredDemand < audit.Totals.Demand);
    }

    [Fact]
    public void Run_addingAStation_neverLowersAnyFigure()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var random = new Random(11);
        var stations = new List<Station>();
        AuditResult? before = null;
        for (int k = 0; k < 5; k++)
        {
            stations.Add(At($"s{k}", random.NextDouble() * 1100, random.NextDouble() * 1100));
            var after = Audit(snapper, stations);
            if (before is not null)
            {
                Assert.True(after.Totals.CoveredStreetKm >= before.Totals.CoveredStreetKm - 1e-9);
                Assert.True(after.Totals.CoveredKm2 >= before.Totals.CoveredKm2 - 1e-9);
                for (int i = 0; i < after.Subdistricts.Count; i++)
                {
                    Assert.True(after.Subdistricts[i].CoveredStreetKm >= before.Subdistricts[i].CoveredStreetKm - 1e-9);
                    Assert.True(after.Subdistricts[i].CoveredKm2 >= before.Subdistricts[i].CoveredKm2 - 1e-9);
                }
            }
            before = after;
        }
    }

    [Fact]
    public void Run_withoutStations_coversNothingAndFindsOneBlindSpotPerIsland()
    {
        var city = TestCity.Grid(6, 6);
        city.Street(90001, 90002, new[] { (2000.0, 0.0), (2100.0, 0.0) });
        city.Street(90011, 90012, new[] { (2000.0, 800.0), (2300.0, 800.0) });
        var snapper = Snapper(city);
        var audit = Audit(snapper, Array.Empty<Station>());

        Assert.Equal(0, audit.Totals.CoveredStreetKm);
        Assert.Equal(0, audit.Totals.StreetShare);
        // The grid lies in one quarter and each island outside them all: one stretch per island; the 100 m island is a fragment.
        Assert.Equal(snapper.Graph.ComponentCount, audit.BlindSpots.Count + audit.Fragments.Count);
        Assert.Equal(2, audit.BlindSpots.Count);
        Assert.Equal(0.1, Assert.Single(audit.Fragments).StreetKm, 3);
        Assert.Equal(1, audit.BlindSpots[0].Rank);
        Assert.True(audit.BlindSpots[0].StreetKm > audit.BlindSpots[1].StreetKm);
    }

    [Fact]
    public void Run_blindSpots_areRankedByUncoveredDemandWithTheNearestStation()
    {
        var snapper = Snapper(TestCity.Grid(12, 12));
        var audit = Audit(snapper, new[] { At("a", 250, 250) });

        Assert.NotEmpty(audit.BlindSpots);
        Assert.True(audit.BlindSpots.Zip(audit.BlindSpots.Skip(1)).All(p => p.First.Demand >= p.Second.Demand));
        var top = audit.BlindSpots[0];
        Assert.Equal("a", top.NearestStationId);
        Assert.True(top.NearestStationMinutes >= 4, $"the blind spot is reached in {top.NearestStationMinutes} min, within the 4-minute break");
        Assert.All(audit.BlindSpots, b => Assert.True(b.NearestStationMinutes >= 4 - 1e-9));
        Assert.True(top.Area.IsValid);
        Assert.False(top.Area.Intersects(TestCity.PointAt(250, 250)));
    }

    [Fact]
    public void Tables_andReport_carryTheHeadlineFigures()
    {
        var audit = Audit(Snapper(TestCity.Grid(12, 12)), new[] { At("a", 250, 250) });
        var csv = AuditTables.CoverageCsv(audit).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, csv.Length);
        Assert.StartsWith("subdistrict_id,name,unit_kind,parent,held_pct,area_km2", csv[0]);
        Assert.Contains("served_land_pct", csv[0]);
        Assert.Contains("第1街道", csv[1]);
        Assert.StartsWith("id,rank,kind,demand,street_km", AuditTables.BlindSpotsCsv(audit));
        var md = Geo.Rendering.Reports.CoverageReport.Markdown(audit, "coverage.png", 0.8, Geo.Rendering.Words.OutputLanguage.En);
        Assert.Contains("km of streets reached within 4 minutes (walk, to the station)", md);
        Assert.Contains($"Blind spots ({audit.BlindSpots.Count}), ranked by uncovered demand", md);
        Assert.Contains("<html", Geo.Rendering.Reports.CoverageReport.Html(audit, null, 0.8, Geo.Rendering.Words.OutputLanguage.En));
    }
}
