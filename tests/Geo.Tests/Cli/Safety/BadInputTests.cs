using System.Globalization;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Data.Features;
using Geo.Tests.PostGis;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Cli.Safety;

/// <summary>
/// Bad input across every verb, one row each: the exit code (1 bad input or environment, 2 usage), the one
/// <c>geo: error:</c> line and what it must say, and that no file appeared, vanished or changed in the folder the
/// inputs and outputs live in (nor in the PostGIS schema the row writes to).
/// </summary>
[Collection("geo in-process")]
public sealed class BadInputTests(PostGisServer server)
{
    private const string Secret = "hunter2-secret";

    public sealed record Case(string Name, int Exit, string Expected, Func<Inputs, string[]> Arguments, bool InFolder = false);

    /// <summary>Paths of the inputs every row draws on, made once.</summary>
    public sealed class Inputs
    {
        public required string Folder { get; init; }
        public required string PostGis { get; init; }
        public required string DependedOn { get; init; }
        public string F(string name) => Path.Combine(Folder, name);
        public string City => F("city.gpkg");
        public string Audit => F("audit");
        public string Siting => F("site.gpkg");
        public string Stations => F("stations.csv");
    }

    public static readonly Case[] Cases =
    {
        // outputs that would destroy what Geo did not write, or its own inputs
        new("audit into a folder of the planner's own files", 1, "is a folder Geo did not write (it holds notes.txt)", d => new[] { "audit", "--data", d.City, "--out", d.F("mine") }),
        new("audit into the folder holding its dataset", 1, "would overwrite the input", d => new[] { "audit", "--data", d.F("proj/city.gpkg"), "--out", d.F("proj") }),
        new("audit --out . in the working folder", 1, "would overwrite the input", d => new[] { "audit", "--data", "city.gpkg", "--out", "." }, InFolder: true),
        new("audit --out a file", 1, "is a file, not a folder", d => new[] { "audit", "--data", d.City, "--out", d.F("mine/notes.txt") }),
        new("audit --out in a missing folder", 1, "does not exist", d => new[] { "audit", "--data", d.City, "--out", d.F("nowhere/audit") }),
        new("brief over the audit it reads", 1, "would overwrite the input", d => new[] { "brief", "--audit", d.Audit, "--out", d.F("audit/audit.gpkg") }),
        new("brief pages into the audit folder", 1, "would overwrite the input", d => new[] { "brief", "--audit", d.Audit, "--out", d.F("b.pdf"), "--png-dir", d.Audit }),
        new("brief pages into a folder of other files", 1, "is a folder Geo did not write", d => new[] { "brief", "--audit", d.Audit, "--out", d.F("b.pdf"), "--png-dir", d.F("mine") }),
        new("brief --out and --png-dir the same place", 1, "same place as another output", d => new[] { "brief", "--audit", d.Audit, "--out", d.F("b.pdf"), "--png-dir", d.F("b.pdf") }),
        new("brief over its siting input", 1, "would overwrite the input", d => new[] { "brief", "--audit", d.Audit, "--siting", d.Siting, "--out", d.Siting }),
        new("pair --csv over the stations it reads", 1, "would overwrite the input", d => new[] { "pair", "--data", d.City, "--stations", d.Stations, "--out", d.F("p.gpkg"), "--csv", d.Stations }),
        new("site --export-instance over the dataset", 1, "would overwrite the input", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--out", d.F("s.gpkg"), "--export-instance", d.City }),
        new("site --out and --export-instance the same file", 1, "same place as another output", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--out", d.F("s.geojson"), "--export-instance", d.F("s.geojson") }),
        new("service-areas --out the dataset", 1, "would overwrite the input", d => new[] { "service-areas", "--data", d.City, "--out", d.City }),
        new("service-areas --out the dataset through ..", 1, "would overwrite the input", d => new[] { "service-areas", "--data", d.City, "--out", d.F("mine/../city.gpkg") }),
        new("service-areas --out a symlink to the dataset", 1, "would overwrite the input", d => new[] { "service-areas", "--data", d.City, "--out", d.F("link.gpkg") }),
        new("service-areas --out a hard link to the dataset", 1, "would overwrite the input", d => new[] { "service-areas", "--data", d.City, "--out", d.F("hard.gpkg") }),
        new("service-areas --out a folder", 1, "is a folder; name a file", d => new[] { "service-areas", "--data", d.City, "--out", d.F("mine.gpkg") }),
        new("service-areas --out of an unknown kind", 1, "neither a .gpkg or .geojson file", d => new[] { "service-areas", "--data", d.City, "--out", d.F("areas.txt") }),
        new("service-areas --out a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "service-areas", "--data", d.City, "--out", d.F("corrupt.gpkg") }),
        new("service-areas --out a text file named .gpkg", 1, "not a GeoPackage", d => new[] { "service-areas", "--data", d.City, "--out", d.F("text.gpkg") }),
        new("import --out the extract", 1, "would overwrite the input", d => new[] { "import", d.F("small.osm.pbf"), "--out", d.F("small.osm.pbf") }),
        new("audit --out the PostGIS schema it reads", 1, "names the PostGIS schema the command reads", d => new[] { "audit", "--data", d.PostGis, "--out", d.PostGis }),

        // damaged files as any input
        new("reach on a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "reach", "--data", d.F("corrupt.gpkg"), "--from", "104.066,30.657" }),
        new("audit on a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "audit", "--data", d.F("corrupt.gpkg"), "--out", d.F("a2") }),
        new("pair on a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "pair", "--data", d.F("corrupt.gpkg"), "--out", d.F("p.gpkg") }),
        new("site on a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "site", "--data", d.F("corrupt.gpkg"), "--candidates", "grid:500m", "--add", "1", "--out", d.F("s.gpkg") }),
        new("service-areas on a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "service-areas", "--data", d.F("corrupt.gpkg"), "--out", d.F("sa.gpkg") }),
        new("serve on a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "serve", "--data", d.F("corrupt.gpkg"), "--port", "0" }),
        new("brief of an audit with a damaged GeoPackage", 1, "audit.gpkg", d => new[] { "brief", "--audit", d.F("badaudit"), "--out", d.F("b.pdf") }),
        new("brief with a damaged siting GeoPackage", 1, "corrupt.gpkg", d => new[] { "brief", "--audit", d.Audit, "--siting", d.F("corrupt.gpkg"), "--out", d.F("b.pdf") }),
        new("reach on a text file named .gpkg", 1, "not a GeoPackage", d => new[] { "reach", "--data", d.F("text.gpkg"), "--from", "104.066,30.657" }),
        new("import of a truncated extract", 1, "truncated.osm.pbf is damaged or truncated", d => new[] { "import", d.F("truncated.osm.pbf"), "--out", d.F("t.gpkg") }),
        new("import of a missing extract", 1, "does not exist", d => new[] { "import", d.F("none.osm.pbf"), "--out", d.F("t.gpkg") }),
        new("site-instance of a missing file", 1, "none.json", d => new[] { "site-instance", "--instance", d.F("none.json") }),
        new("site-instance of malformed JSON", 1, "broken.json", d => new[] { "site-instance", "--instance", d.F("broken.json"), "--add", "1" }),

        // coordinates
        new("GeoJSON stations written lat,lon", 1, "swapped", d => new[] { "service-areas", "--data", d.City, "--stations", d.F("swapped.geojson"), "--out", d.F("sa.gpkg") }),
        new("GeoJSON station at 1e400", 1, "not a finite number", d => new[] { "service-areas", "--data", d.City, "--stations", d.F("infinite.geojson"), "--out", d.F("sa.gpkg") }),
        new("GeoJSON that is not a FeatureCollection", 1, "not a GeoJSON FeatureCollection", d => new[] { "audit", "--data", d.City, "--stations", d.F("point.geojson"), "--out", d.F("a2") }),
        new("malformed GeoJSON", 1, "broken.geojson", d => new[] { "pair", "--data", d.City, "--stations", d.F("broken.geojson"), "--out", d.F("p.gpkg") }),
        new("CSV stations written lat,lon", 1, "outside", d => new[] { "pair", "--data", d.City, "--stations", d.F("swapped.csv"), "--out", d.F("p.gpkg") }),
        new("CSV station at 1e400", 1, "is not a number", d => new[] { "audit", "--data", d.City, "--stations", d.F("infinite.csv"), "--out", d.F("a2") }),
        new("CSV without a lat column", 1, "has no latitude column", d => new[] { "site", "--data", d.City, "--stations", d.F("nolat.csv"), "--candidates", "grid:500m", "--add", "1", "--out", d.F("s.gpkg") }),
        new("CSV with duplicate station ids", 1, "duplicate ids", d => new[] { "audit", "--data", d.City, "--stations", d.F("twice.csv"), "--out", d.F("a2") }),
        new("reach --from lat,lon", 1, "swapped", d => new[] { "reach", "--data", d.City, "--from", "30.657,104.066" }),
        new("reach --from at infinity", 1, "is not lon,lat", d => new[] { "reach", "--data", d.City, "--from", "1e400,30.6" }),
        new("reach --from far from every street", 1, "not snapped", d => new[] { "reach", "--data", d.City, "--from", "10,10" }),
        new("reach --from not a pair", 1, "is not lon,lat", d => new[] { "reach", "--data", d.City, "--from", "104.066" }),
        new("service-areas with no usable station", 1, "none of the 2 stations is usable", d => new[] { "service-areas", "--data", d.City, "--stations", d.F("far.csv"), "--out", d.F("sa.gpkg") }),
        new("site with no usable existing station", 1, "none of the 2 existing stations", d => new[] { "site", "--data", d.City, "--stations", d.F("far.csv"), "--candidates", "grid:500m", "--add", "1", "--out", d.F("s.gpkg") }),
        new("site with no usable candidate", 1, "none of the 2 candidates", d => new[] { "site", "--data", d.City, "--candidates", d.F("far.csv"), "--add", "1", "--out", d.F("s.gpkg") }),
        new("audit with no usable station", 1, "none of the 2 stations", d => new[] { "audit", "--data", d.City, "--stations", d.F("far.csv"), "--out", d.F("a2") }),
        new("subdistricts far outside the data", 1, "lies outside the streets of the data", d => new[] { "pair", "--data", d.F("wards.gpkg"), "--subdistricts", "far", "--out", d.F("p.gpkg") }),
        new("a subdistrict reaching 1,000 km beyond the data", 1, "reaches far beyond the streets", d => new[] { "audit", "--data", d.F("wards.gpkg"), "--subdistricts", "huge", "--out", d.F("a2") }),
        new("demand layer without its weight column", 1, "has no weight column 'people'", d => new[] { "audit", "--data", d.City, "--demand", d.Stations + ":people", "--out", d.F("a2") }),
        new("unknown input CRS", 1, "is not a CRS Geo", d => new[] { "reach", "--data", d.City, "--from", "104.066,30.657", "--input-crs", "EPSG:9999" }),

        // values out of range
        new("--minutes 0", 1, "minutes must be above 0", d => new[] { "reach", "--data", d.City, "--from", "104.066,30.657", "--minutes", "0" }),
        new("--minutes 500", 1, "at most 120", d => new[] { "audit", "--data", d.City, "--minutes", "500", "--out", d.F("a2") }),
        new("--minutes NaN", 1, "minutes must be above 0", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--minutes", "NaN", "--out", d.F("s.gpkg") }),
        new("--minutes descending", 1, "must ascend", d => new[] { "service-areas", "--data", d.City, "--minutes", "15,10", "--out", d.F("sa.gpkg") }),
        new("--lateral 0.001", 1, "--lateral (the lateral distance) must be between 1 and 500 m", d => new[] { "service-areas", "--data", d.City, "--lateral", "0.001", "--out", d.F("sa.gpkg") }),
        new("--lateral 1e9", 1, "must be between 1 and 500 m", d => new[] { "service-areas", "--data", d.City, "--lateral", "1e9", "--out", d.F("sa.gpkg") }),
        new("profile with lateralMeters 0", 1, "lateralMeters must be between 1 and 500 m, got 0", d => new[] { "service-areas", "--data", d.City, "--profile", d.F("lateral0.json"), "--out", d.F("sa.gpkg") }),
        new("profile with lateralMeters 1e9", 1, "lateralMeters must be between 1 and 500 m", d => new[] { "audit", "--data", d.City, "--profile", d.F("lateral1e9.json"), "--out", d.F("a2") }),
        new("profile with a speed of 0", 1, "speedsKmh.residential is 0", d => new[] { "reach", "--data", d.City, "--from", "104.066,30.657", "--profile", d.F("speed0.json") }),
        new("profile with a speed of 1e6 km/h", 1, "at most 300 km/h", d => new[] { "pair", "--data", d.City, "--profile", d.F("rocket.json"), "--out", d.F("p.gpkg") }),
        new("profile that is not JSON", 1, "malformed JSON", d => new[] { "reach", "--data", d.City, "--from", "104.066,30.657", "--profile", d.F("broken.json") }),
        new("unknown profile", 1, "unknown profile 'horse'", d => new[] { "audit", "--data", d.City, "--profile", "horse", "--out", d.F("a2") }),
        new("--max-snap -1", 1, "must be above 0 and at most 10000 m", d => new[] { "reach", "--data", d.City, "--from", "104.066,30.657", "--max-snap", "-1" }),
        new("--max-snap 1e400", 1, "must be above 0 and at most 10000 m", d => new[] { "service-areas", "--data", d.City, "--max-snap", "1e400", "--out", d.F("sa.gpkg") }),
        new("--threshold 150", 1, "--threshold must be a percentage", d => new[] { "audit", "--data", d.City, "--threshold", "150", "--out", d.F("a2") }),
        new("--min-admin-level -5", 1, "--min-admin-level -5 is not an OSM admin level", d => new[] { "import", d.F("small.osm.pbf"), "--out", d.F("t.gpkg"), "--min-admin-level", "-5" }),
        new("--min-admin-level 99", 1, "is not an OSM admin level", d => new[] { "import", d.F("small.osm.pbf"), "--out", d.F("t.gpkg"), "--min-admin-level", "99" }),
        new("--vertices 0", 1, "--vertices must be between 400", d => new[] { "synth", "--vertices", "0", "--out", d.F("c.gpkg") }),
        new("--stations -5 for synth", 1, "--stations must be between 0", d => new[] { "synth", "--vertices", "500", "--stations", "-5", "--out", d.F("c.gpkg") }),
        new("--add 0", 1, "--add must be at least 1", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "0", "--out", d.F("s.gpkg") }),
        new("--target 150%", 1, "--target '150%' is not a share", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--target", "150%", "--out", d.F("s.gpkg") }),
        new("--add and --target together", 1, "give either --add K", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--target", "90%", "--out", d.F("s.gpkg") }),
        new("--time-limit forever", 1, "--time-limit 'forever'", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--time-limit", "forever", "--out", d.F("s.gpkg") }),
        new("--gap 150%", 1, "--gap '150%' is not a share", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--gap", "150%", "--out", d.F("s.gpkg") }),
        new("--gap not a number", 1, "--gap 'small' is not a share", d => new[] { "site-instance", "--instance", d.F("none.json"), "--gap", "small" }),
        new("--solver unknown", 1, "--solver 'gurobi'", d => new[] { "site-instance", "--instance", d.F("none.json"), "--solver", "gurobi" }),
        new("--direction unknown", 1, "--direction 'sideways'", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--direction", "sideways", "--out", d.F("s.gpkg") }),
        new("--subdistricts cells:1m", 1, "cell size must be between 100 m and 20 km", d => new[] { "audit", "--data", d.City, "--subdistricts", "cells:1m", "--out", d.F("a2") }),
        new("--subdistricts admin:abc", 1, "admin level must be a whole number", d => new[] { "audit", "--data", d.City, "--subdistricts", "admin:abc", "--out", d.F("a2") }),
        new("--max-subdistricts-per-station 0", 1, "cap of subdistricts per station", d => new[] { "pair", "--data", d.City, "--max-subdistricts-per-station", "0", "--out", d.F("p.gpkg") }),
        new("brief of a missing audit", 1, "does not exist", d => new[] { "brief", "--audit", d.F("none"), "--out", d.F("b.pdf") }),
        new("brief of a folder that is no audit", 1, "is not an audit folder", d => new[] { "brief", "--audit", d.F("mine"), "--out", d.F("b.pdf") }),
        new("brief of an unknown subdistrict", 1, "unknown subdistrict '不存在街道'", d => new[] { "brief", "--audit", d.Audit, "--subdistrict", "不存在街道", "--out", d.F("b.pdf") }),
        new("serve with an unknown profile", 1, "geo serve shows the built-in profiles", d => new[] { "serve", "--data", d.City, "--profile", "horse", "--port", "0" }),
        new("serve with --minutes 500", 1, "at most 120", d => new[] { "serve", "--data", d.City, "--minutes", "500", "--port", "0" }),

        // PostGIS
        new("a PostGIS table a view depends on (2BP01)", 1, "2BP01", d => new[] { "synth", "--vertices", "500", "--stations", "2", "--out", d.DependedOn }),
        new("an audit onto a PostGIS table a view depends on", 1, "dependent views", d => new[] { "audit", "--data", d.City, "--out", d.DependedOn }),
        new("an unreachable PostGIS server, password hidden", 1, "cannot reach PostGIS", d => new[] { "reach", "--data", $"postgis:Host=127.0.0.1;Port=1;Username=geo;Password={Secret};Database=geo", "--from", "104.066,30.657" }),
        new("a malformed connection string, password hidden", 1, "malformed PostGIS connection string", d => new[] { "import", d.F("small.osm.pbf"), "--postgis", $"Host=127.0.0.1;Password={Secret};Bogus Key=1" }),
        new("a schema that is not a plain identifier", 1, "not a plain identifier", d => new[] { "import", d.F("small.osm.pbf"), "--postgis", d.PostGis[8..], "--schema", "geo; drop schema public" }),
        new("a .gpkg that is neither file nor postgis with a password", 1, "neither a .gpkg file nor postgis", d => new[] { "reach", "--data", $"postgres:Host=x;Password={Secret}", "--from", "104.066,30.657" }),

        // usage (exit 2)
        new("a required option missing", 2, "Option '--out' is required", d => new[] { "audit", "--data", d.City }),
        new("an unknown option", 2, "--bogus", d => new[] { "reach", "--data", d.City, "--from", "104.066,30.657", "--bogus" }),
        new("a number that is not one", 2, "abc", d => new[] { "site", "--data", d.City, "--candidates", "grid:500m", "--add", "abc", "--out", d.F("s.gpkg") }),
        new("an unknown verb", 2, "sitee", d => new[] { "sitee" }),
        new("a value outside its choices", 2, "xml", d => new[] { "reach", "--data", d.City, "--from", "104.066,30.657", "--format", "xml" }),
        new("brief in an unknown language", 1, "--lang 'fr'", d => new[] { "brief", "--audit", d.Audit, "--lang", "fr", "--out", d.F("b.pdf") }),
        new("nearest on a damaged GeoPackage", 1, "corrupt.gpkg", d => new[] { "nearest", "--data", d.F("corrupt.gpkg"), "--from", "104.066,30.657" }),
        new("nearest from a missing CSV of points", 1, "none.csv does not exist", d => new[] { "nearest", "--data", d.City, "--from", d.F("none.csv") }),
        new("nearest --max-minutes 500", 1, "at most 120 minutes", d => new[] { "nearest", "--data", d.City, "--from", "104.066,30.657", "--max-minutes", "500" }),
        new("nearest from CSV points at 1e400", 1, "is not a number", d => new[] { "nearest", "--data", d.City, "--from", d.F("infinite.csv"), "--at", "any" }),
        new("nearest --k 0", 1, "k must be between 1 and 10", d => new[] { "nearest", "--data", d.City, "--from", "104.066,30.657", "--k", "0" }),
        new("profiles with an argument", 2, "extra", d => new[] { "profiles", "extra" }),
    };

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    private static readonly object Made = new();
    private static Inputs? _inputs;

    [Theory]
    [MemberData(nameof(Names))]
    public void BadInput_failsWithOneLineAndChangesNothing(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var d = Prepare();
        var before = FolderSnapshot.Take(d.Folder);
        string schemaBefore = SchemaState(d);

        var result = InProcessGeo.RunIn(c.InFolder ? d.Folder : null, c.Arguments(d));

        InProcessGeo.AssertOneLineError(result, c.Exit, c.Expected);
        Assert.DoesNotContain(Secret, result.Stderr + result.Stdout);
        FolderSnapshot.AssertSame(before, FolderSnapshot.Take(d.Folder));
        Assert.Equal(schemaBefore, SchemaState(d));
    }

    [Fact]
    public void Cases_coverEveryVerbAndAtLeastSixty()
    {
        Assert.True(Cases.Length >= 60, $"{Cases.Length} cases");
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
        var d = new Inputs { Folder = "/f", PostGis = "postgis:Host=h", DependedOn = "postgis:Host=h" };
        var verbs = Cases.Select(c => c.Arguments(d)[0]).ToHashSet();
        foreach (var verb in new[] { "import", "synth", "reach", "service-areas", "pair", "audit", "site", "site-instance", "brief", "serve", "profiles", "nearest" }) Assert.Contains(verb, verbs);
    }

    private string SchemaState(Inputs d)
    {
        string schema = d.DependedOn.Split("Schema=")[1];
        return $"{server.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema", schema)} tables, " +
            $"{server.Scalar($"SELECT count(*) FROM \"{schema}\".streets")} streets, " +
            $"{server.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema", d.PostGis.Split("Schema=")[1])} tables read";
    }

    private Inputs Prepare()
    {
        lock (Made)
        {
            return _inputs ??= Make(server);
        }
    }

    private static Inputs Make(PostGisServer server)
    {
        string folder = Path.Combine(Path.GetTempPath(), "geo-bad-input-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var read = server.NewSchema("badin");
        var dependedOn = server.NewSchema("dependedon");
        var d = new Inputs
        {
            Folder = folder,
            PostGis = $"postgis:{read.ConnectionString};Schema={read.Schema}",
            DependedOn = $"postgis:{dependedOn.ConnectionString};Schema={dependedOn.Schema}",
        };
        Succeed("synth", "--vertices", "1500", "--stations", "6", "--seed", "5", "--out", d.City);
        Succeed("audit", "--data", d.City, "--minutes", "5", "--out", d.Audit);
        Succeed("site", "--data", d.City, "--candidates", "grid:500m", "--add", "1", "--minutes", "5", "--time-limit", "0", "--out", d.Siting);
        Succeed("synth", "--vertices", "500", "--stations", "2", "--out", d.PostGis);
        Succeed("synth", "--vertices", "500", "--stations", "2", "--out", d.DependedOn);
        server.Scalar($"CREATE VIEW \"{dependedOn.Schema}\".street_names AS SELECT name FROM \"{dependedOn.Schema}\".streets");

        var stations = DatasetLayers.ReadStations(new GeoPackageStore(d.City, create: false).ReadLayer(DatasetLayers.Stations));
        File.WriteAllLines(d.Stations, new[] { "station_id,name,lon,lat" }.Concat(stations.Select(s => Inv($"{s.Id},{s.Name},{s.Geometry.X},{s.Geometry.Y}"))));
        var (lon, lat) = (stations[0].Geometry.X, stations[0].Geometry.Y);
        File.WriteAllText(d.F("swapped.csv"), Inv($"id,lon,lat\n1,{lat},{lon}\n"));
        File.WriteAllText(d.F("infinite.csv"), Inv($"id,lon,lat\n1,1e400,{lat}\n"));
        File.WriteAllText(d.F("nolat.csv"), Inv($"id,lon\n1,{lon}\n"));
        File.WriteAllText(d.F("twice.csv"), Inv($"id,lon,lat\n7,{lon},{lat}\n7,{lon},{lat}\n"));
        File.WriteAllText(d.F("far.csv"), "id,lon,lat\n1,10.0,10.0\n2,10.1,10.1\n");
        File.WriteAllText(d.F("swapped.geojson"), Inv($"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lat},{lon}]}}}}]}}"));
        File.WriteAllText(d.F("infinite.geojson"), Inv($"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[1e400,{lat}]}}}}]}}"));
        File.WriteAllText(d.F("point.geojson"), "{\"type\":\"Point\",\"coordinates\":[104,30]}");
        File.WriteAllText(d.F("broken.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":");
        File.WriteAllText(d.F("broken.json"), "{\"k\": 1, \"weights\": [");

        string ebike = File.ReadAllText(Path.Combine(RepoPaths.Root, "engine", "Geo.Engine", "Streets", "Profiles", "ebike.json"));
        File.WriteAllText(d.F("lateral0.json"), ebike.Replace("\"lateralMeters\": 60", "\"lateralMeters\": 0"));
        File.WriteAllText(d.F("lateral1e9.json"), ebike.Replace("\"lateralMeters\": 60", "\"lateralMeters\": 1e9"));
        File.WriteAllText(d.F("speed0.json"), ebike.Replace("\"residential\": 15", "\"residential\": 0"));
        File.WriteAllText(d.F("rocket.json"), ebike.Replace("\"defaultSpeedKmh\": 15", "\"defaultSpeedKmh\": 1e6"));

        Directory.CreateDirectory(d.F("mine"));
        File.WriteAllText(d.F("mine/notes.txt"), "the planner's own notes");
        Directory.CreateDirectory(d.F("mine.gpkg"));
        Directory.CreateDirectory(d.F("proj"));
        File.Copy(d.City, d.F("proj/city.gpkg"));
        File.CreateSymbolicLink(d.F("link.gpkg"), d.City);
        HardLink(d.City, d.F("hard.gpkg"));
        File.WriteAllText(d.F("text.gpkg"), "not a database");
        var corrupt = File.ReadAllBytes(d.City);
        new Random(7).NextBytes(corrupt.AsSpan(4096, Math.Min(200_000, corrupt.Length - 4096)));
        File.WriteAllBytes(d.F("corrupt.gpkg"), corrupt);
        Directory.CreateDirectory(d.F("badaudit"));
        File.WriteAllBytes(d.F("badaudit/audit.gpkg"), corrupt);
        var pbf = File.ReadAllBytes(RepoPaths.SharedDataset("andorra.osm.pbf"));
        File.WriteAllBytes(d.F("small.osm.pbf"), pbf);
        File.WriteAllBytes(d.F("truncated.osm.pbf"), pbf[..(pbf.Length / 2)]);

        File.Copy(d.City, d.F("wards.gpkg"));
        var far = new FeatureLayer("far", GeometryKind.Polygon, new[] { new FieldDefinition("name", FieldType.Text) });
        far.Features.Add(new Feature(Square(10, 10, 0.05), new object?[] { "远方街道" }));
        var huge = new FeatureLayer("huge", GeometryKind.Polygon, new[] { new FieldDefinition("name", FieldType.Text) });
        huge.Features.Add(new Feature(Square(lon, lat, 10), new object?[] { "巨大街道" }));
        new GeoPackageStore(d.F("wards.gpkg"), create: false).WriteLayers(new[] { far, huge });
        return d;
    }

    private static Polygon Square(double lon, double lat, double half)
    {
        var ring = new[] { new Coordinate(lon - half, lat - half), new Coordinate(lon + half, lat - half), new Coordinate(lon + half, lat + half), new Coordinate(lon - half, lat + half), new Coordinate(lon - half, lat - half) };
        return new Polygon(new LinearRing(ring)) { SRID = 4326 };
    }

    private static void HardLink(string existing, string link)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ln", new[] { existing, link });
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static void Succeed(params string[] arguments)
    {
        var result = InProcessGeo.Run(arguments);
        Assert.True(result.ExitCode == 0, $"geo {string.Join(' ', arguments)}: {result.Stderr}");
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
