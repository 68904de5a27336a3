using Geo.Analyses.Coverage;
using Geo.Analyses.Demand;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;
using Geo.Tests;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>The what-if from a finished audit gives the figures a full audit with the added stations gives.</summary>
public class CoverageWhatIfTests
{
    private static readonly StreetDataset City = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 3000, Stations: 8, Seed: 11));

    private static (StreetSnapper Snapper, List<DemandPoint> Demand) Setup()
    {
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(City, TravelProfile.BuiltIn("ebike")));
        var random = new Random(5);
        var e = snapper.LonLatExtent;
        var demand = Enumerable.Range(0, 400).Select(i => new DemandPoint("test", 1 + random.Next(4),
            new NetTopologySuite.Geometries.Point(e.MinX + random.NextDouble() * e.Width, e.MinY + random.NextDouble() * e.Height) { SRID = 4326 })).ToList();
        return (snapper, demand);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_added_stations_matches_a_full_audit(bool demandPoints)
    {
        var (snapper, points) = Setup();
        var demand = demandPoints ? points : null;
        var options = new AuditOptions(5);
        var baseline = CoverageAudit.Run(snapper, City.Stations, City.Subdistricts, demand, options);
        var added = baseline.BlindSpots.Take(3).Select((b, i) => new Station($"new-{i}", null, new NetTopologySuite.Geometries.Point(b.Lon, b.Lat) { SRID = 4326 })).ToList();
        Assert.Equal(3, added.Count);

        var whatIf = new CoverageWhatIf(baseline, snapper, demand).With(added);
        var full = CoverageAudit.Run(snapper, City.Stations.Concat(added).ToList(), City.Subdistricts, demand, options);

        Assert.True(whatIf.Totals.CoveredStreetKm > baseline.Totals.CoveredStreetKm);
        Assert.Equal(full.Totals.CoveredStreetKm, whatIf.Totals.CoveredStreetKm, 6);
        Assert.Equal(full.Totals.CoveredDemand, whatIf.Totals.CoveredDemand, demandPoints ? 0 : 6);
        Assert.Equal(full.Totals.Stations, whatIf.Totals.Stations);
        Assert.Equal(full.BlindSpots.Count, whatIf.BlindSpots);
        Assert.Equal(full.Fragments.Count, whatIf.Fragments);
        // Areas come from the same cells; merging before or after removing diagonal-only contacts may differ by a few cells.
        double cellKm2 = Math.Pow(snapper.Graph.Profile.LateralMeters / 4, 2) / 1e6;
        Assert.True(Math.Abs(full.Totals.CoveredKm2 - whatIf.Totals.CoveredKm2) <= 20 * cellKm2, $"{full.Totals.CoveredKm2} vs {whatIf.Totals.CoveredKm2}");
        for (int i = 0; i < full.Subdistricts.Count; i++)
        {
            var (f, w) = (full.Subdistricts[i], whatIf.Subdistricts[i]);
            Assert.Equal(f.CoveredStreetKm, w.CoveredStreetKm, 6);
            Assert.Equal(f.CoveredDemand, w.CoveredDemand, demandPoints ? 0 : 6);
            Assert.Equal(f.StationsInside, w.StationsInside);
            double gapFull = snapper.Graph.ToLocal(f.Gap).Area / 1e6, gapWhatIf = snapper.Graph.ToLocal(w.Gap).Area / 1e6;
            Assert.True(Math.Abs(gapFull - gapWhatIf) <= 20 * cellKm2, $"{f.Name}: gap {gapFull} vs {gapWhatIf} km²");
            Assert.True(w.Gap.IsValid);
        }
    }

    [Fact]
    public void A_station_where_coverage_already_is_adds_nothing()
    {
        var (snapper, _) = Setup();
        var baseline = CoverageAudit.Run(snapper, City.Stations, City.Subdistricts, null, new AuditOptions(5));
        var twin = new Station("twin", null, City.Stations[0].Geometry);
        var whatIf = new CoverageWhatIf(baseline, snapper, null).With(new[] { twin });
        Assert.Equal(baseline.Totals.CoveredStreetKm, whatIf.Totals.CoveredStreetKm, 9);
        Assert.Equal(baseline.Totals.CoveredKm2, whatIf.Totals.CoveredKm2, 9);
        Assert.Equal(baseline.BlindSpots.Count, whatIf.BlindSpots);
        Assert.Equal(baseline.Totals.Stations + 1, whatIf.Totals.Stations);
    }

    [Fact]
    public void With_aStationInTheMiddleOfABlindSpot_saysItSplitIntoTwo()
    {
        //  s ──────────────────────────────────────── 3000 m on foot; 4 minutes reach 333 m
        //                    + (added at 1600 m)
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (3000.0, 0.0) });
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk")));
        var ring = new[] { (-50.0, -50.0), (3050.0, -50.0), (3050.0, 50.0), (-50.0, 50.0), (-50.0, -50.0) }
            .Select(p => { var (lon, lat) = TestCity.LonLat(p.Item1, p.Item2); return new NetTopologySuite.Geometries.Coordinate(lon, lat); }).ToArray();
        var cell = new Subdistrict(1, "网格 A-1", 0, new NetTopologySuite.Geometries.Polygon(new NetTopologySuite.Geometries.LinearRing(ring)) { SRID = 4326 });
        var baseline = CoverageAudit.Run(snapper, new[] { new Station("s", null, TestCity.PointAt(0, 0)) }, new[] { cell }, null, new AuditOptions(4));
        Assert.Single(baseline.BlindSpots);

        var whatIf = new CoverageWhatIf(baseline, snapper, null).With(new[] { new Station("new", null, TestCity.PointAt(1600, 0)) });

        Assert.Equal(2, whatIf.BlindSpots);
        Assert.Equal("1 blind spot (B1) split into 2", Assert.Single(whatIf.BlindSpotChanges));
        double uncoveredBefore = baseline.Totals.StreetKm - baseline.Totals.CoveredStreetKm;
        double uncoveredAfter = whatIf.Totals.StreetKm - whatIf.Totals.CoveredStreetKm;
        Assert.Equal(0.6667, uncoveredBefore - uncoveredAfter, 3);
    }
}
