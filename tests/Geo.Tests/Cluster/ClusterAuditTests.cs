using Geo.Cluster.Batch;
using Geo.Tests.Cli;

namespace Geo.Tests.Cluster;

/// <summary>
/// 'geo audit --cities all --cluster … --out postgis:…' audits every city on the silo holding it: each city's layers
/// in its own schema with the single-city audit's figures, one summary row per city, and the broken city reported
/// with its reason without stopping the others.
/// </summary>
[Collection("Cluster")]
public sealed class ClusterAuditTests(ClusterFixture cluster)
{
    [Fact]
    public void AuditAllCities_writesEachCitysTablesAndTheSummary_brokenCityFailsAlone()
    {
        var db = cluster.Cities.Database;
        var output = db.NewSchema("batch");
        var run = GeoCli.Run("audit", "--cities", "all", "--cluster", db.ConnectionString, "--cluster-id", cluster.ClusterId,
            "--out", $"postgis:{output.ConnectionString};Schema={output.Schema}");
        try
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Equal($"geo: error: 1 of 4 cities failed: broken: could not be loaded: broken.gpkg is not a GeoPackage (not an SQLite file)",
                run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith("geo: error:", StringComparison.Ordinal)));
            foreach (var (city, session) in cluster.Cities.Sessions)
            {
                var audit = session.Audit("ebike", 15);
                string schema = ClusterAudit.CitySchema(output.Schema, city);
                Assert.Contains($"{city}: ", run.Stdout);
                Assert.Equal("written", db.Scalar($"SELECT state FROM \"{output.Schema}\".audit_cities WHERE city = '{city}'"));
                Assert.Equal(schema, db.Scalar($"SELECT tables_schema FROM \"{output.Schema}\".audit_cities WHERE city = '{city}'"));
                double summaryKm = Convert.ToDouble(db.Scalar($"SELECT street_km FROM \"{output.Schema}\".audit_cities WHERE city = '{city}'"));
                Assert.Equal(audit.Totals.StreetKm, summaryKm, 2);
                // The city's own tables: one coverage row per unit, the same street km as the single-city audit.
                Assert.Equal((long)audit.Subdistricts.Count, db.Scalar($"SELECT count(*) FROM \"{schema}\".subdistrict_coverage"));
                Assert.Equal(audit.Subdistricts.Sum(u => u.CoveredStreetKm), Convert.ToDouble(db.Scalar($"SELECT sum(covered_street_km) FROM \"{schema}\".subdistrict_coverage")), 1);
                Assert.Equal((long)(audit.BlindSpots.Count + audit.Fragments.Count), db.Scalar($"SELECT count(*) FROM \"{schema}\".blind_spots"));
                Assert.Equal(true, db.Scalar($"SELECT ST_Contains(geom, ST_SetSRID(ST_MakePoint({session.Extent.Centre.X}, {session.Extent.Centre.Y}), 4326)) FROM \"{output.Schema}\".audit_cities WHERE city = '{city}'"));
            }
            Assert.Equal("failed", db.Scalar($"SELECT state FROM \"{output.Schema}\".audit_cities WHERE city = 'broken'"));
            Assert.Contains("not a GeoPackage", (string)db.Scalar($"SELECT reason FROM \"{output.Schema}\".audit_cities WHERE city = 'broken'")!);
            Assert.Equal(0L, db.Scalar("SELECT count(*) FROM information_schema.schemata WHERE schema_name = @schema", ClusterAudit.CitySchema(output.Schema, "broken")));
        }
        finally
        {
            foreach (var city in cluster.Cities.Sources.Keys) db.Scalar($"DROP SCHEMA IF EXISTS \"{ClusterAudit.CitySchema(output.Schema, city)}\" CASCADE");
        }
    }
}
