using System.Globalization;
using Geo.Coordinates;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data.Synthetic;

public class SyntheticCityTests
{
    // 5,000 vertices make a grid of 71 × 71 junctions 90 m apart: 6.3 km across, plus a block of margin each side.
    private static readonly SyntheticCityOptions SmallOptions = new(Vertices: 5_000, Stations: 20);
    private static readonly Lazy<StreetDataset> Small = new(() => SyntheticCity.Generate(SmallOptions));
    private static readonly LocalProjection Plane = new(SmallOptions.CentreLon, SmallOptions.CentreLat);

    [Fact]
    public void Generate_sameOptions_givesByteIdenticalLayers()
    {
        var again = SyntheticCity.Generate(SmallOptions);
        Assert.Equal(Fingerprint(Small.Value), Fingerprint(again));
    }

    [Fact]
    public void Generate_otherSeed_givesAnotherCity()
    {
        var other = SyntheticCity.Generate(SmallOptions with { Seed = 7 });
        Assert.NotEqual(Fingerprint(Small.Value), Fingerprint(other));
        Assert.NotEqual(Small.Value.Metadata.Sha256, other.Metadata.Sha256);
    }

    [Fact]
    public void Generate_metadata_namesTheOptionsAndAFixedDate()
    {
        var meta = Small.Value.Metadata;
        Assert.StartsWith("synthetic:vertices=5000,stations=20,seed=42", meta.Source);
        Assert.Matches("^[0-9a-f]{64}$", meta.Sha256);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), meta.ImportedAt);
    }

    [Fact]
    public void Generate_vertexCount_isWithinTenPercentOfTheTarget()
    {
        int vertices = Small.Value.Streets.SelectMany(s => new[] { s.FromNodeId, s.ToNodeId }).Distinct().Count();
        Assert.InRange(vertices, 4_500, 5_500);
    }

    [Fact]
    public void Generate_ids_areNegativeForStreetsAndNumberedForStations()
    {
        var d = Small.Value;
        Assert.All(d.Streets, s => Assert.True(s.WayId < 0 && s.FromNodeId < 0 && s.ToNodeId < 0));
        Assert.All(d.Pois, p => Assert.True(p.OsmId < 0));
        Assert.Equal(20, d.Stations.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"S{i:0000}"), d.Stations.Select(s => s.Id));
        Assert.Equal(Enumerable.Range(1, d.Subdistricts.Count).Select(i => (long)i), d.Subdistricts.Select(s => s.Id));
    }

    [Fact]
    public void Generate_everyGeometry_isValidLonLatInsideTheCity()
    {
        // Half the city is 35 blocks + 1 of margin = 3,240 m: 0.0292° of latitude and 0.0339° of longitude at 30.66° N.
        var expected = new Envelope(104.066 - 0.036, 104.066 + 0.036, 30.657 - 0.031, 30.657 + 0.031);
        var d = Small.Value;
        var all = d.Streets.Select(s => (Geometry)s.Geometry).Concat(d.Pois.Select(p => p.Geometry))
            .Concat(d.Stations.Select(s => s.Geometry)).Concat(d.Subdistricts.Select(s => s.Geometry)).ToList();
        Assert.All(all, g =>
        {
            Assert.True(g.IsValid, g.ToText());
            Assert.Equal(4326, g.SRID);
            Assert.True(expected.Contains(g.EnvelopeInternal), g.ToText());
        });
        Assert.True(d.Metadata.Extent.Width > 0.06 && d.Metadata.Extent.Height > 0.05, d.Metadata.Extent.ToString());
    }

    [Fact]
    public void Generate_subdistricts_areNamedPolygonsThatDoNotOverlapAndCoverTheCity()
    {
        var d = Small.Value;
        Assert.Equal(4, d.Subdistricts.Count);
        Assert.All(d.Subdistricts, s =>
        {
            Assert.IsType<Polygon>(s.Geometry);
            Assert.EndsWith("街道", s.Name);
            Assert.Equal(8, s.AdminLevel);
        });
        Assert.Equal(d.Subdistricts.Count, d.Subdistricts.Select(s => s.Name).Distinct().Count());
        for (int a = 0; a < d.Subdistricts.Count; a++)
        {
            for (int b = a + 1; b < d.Subdistricts.Count; b++)
            {
                Assert.True(d.Subdistricts[a].Geometry.Intersection(d.Subdistricts[b].Geometry).Area < 1e-10);
            }
        }
        double covered = d.Subdistricts.Sum(s => s.Geometry.Area);
        var city = new Envelope();
        foreach (var s in d.Subdistricts) city.ExpandToInclude(s.Geometry.EnvelopeInternal);
        Assert.InRange(covered / (city.Width * city.Height), 0.999, 1.001);
    }

    [Fact]
    public void Generate_stations_lieInSubdistrictsAndLeaveOneWithout()
    {
        var d = Small.Value;
        Assert.All(d.Stations, s => Assert.Single(d.Subdistricts, z => z.Geometry.Covers(s.Geometry)));
        Assert.Contains(d.Subdistricts, z => !d.Stations.Any(s => z.Geometry.Covers(s.Geometry)));
    }

    [Fact]
    public void Generate_stations_standAFewMetresOffAWalkableStreet()
    {
        var d = Small.Value;
        var walkable = d.Streets.Where(s => s.Access.HasFlag(StreetAccess.Walk)).Select(s => Plane.Project(s.Geometry)).ToList();
        Assert.All(d.Stations, s =>
        {
            var at = Plane.Project(s.Geometry);
            double nearest = walkable.Min(w => w.Distance(at));
            Assert.InRange(nearest, 3, 15);
        });
    }

    [Fact]
    public void Generate_stationNames_areUniqueChineseServiceNames()
    {
        var d = Small.Value;
        Assert.All(d.Stations, s => Assert.True(s.Name!.EndsWith("驿站") || s.Name.EndsWith("街道党群服务中心"), s.Name));
        Assert.Contains(d.Stations, s => s.Name!.EndsWith("党群服务中心"));
        Assert.Equal(d.Stations.Count, d.Stations.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Generate_streets_haveChineseNamesAndOnewaysInBothDirections()
    {
        var d = Small.Value;
        Assert.All(d.Streets.Where(s => s.Highway is "residential" or "tertiary" or "secondary" or "primary"),
            s => Assert.Matches("(路|街|大道)$", s.Name!));
        var eastOrWest = d.Streets.Where(s => s.Oneway && s.Highway == "residential")
            .Select(s => Plane.Project(s.Geometry).Coordinates)
            .Where(c => Math.Abs(c[1].X - c[0].X) > 50)
            .Select(c => Math.Sign(c[1].X - c[0].X)).Distinct().ToList();
        Assert.Equal(2, eastOrWest.Count);
        Assert.Contains(d.Streets, s => !s.Oneway && s.Highway == "residential");
    }

    [Fact]
    public void Generate_expresswayAndMotorway_areForCarsOnlyAndSigned()
    {
        var d = Small.Value;
        var trunk = d.Streets.Where(s => s.Highway == "trunk").ToList();
        Assert.NotEmpty(trunk);
        Assert.All(trunk, s => Assert.Equal(StreetAccess.Car, s.Access));
        Assert.All(trunk, s => Assert.Equal(80, s.MaxSpeedKmh));
        var motorway = d.Streets.Where(s => s.Highway == "motorway").ToList();
        Assert.Equal(2, motorway.Count);
        Assert.All(motorway, s => Assert.True(s.Oneway && s.Access == StreetAccess.Car));
        Assert.All(d.Streets.Where(s => s.Highway == "primary"), s => Assert.Equal(50, s.MaxSpeedKmh));
        Assert.Contains(d.Streets, s => s.Name == "一环路" && s.Highway == "primary");
        Assert.Contains(d.Streets, s => s.Name == "二环路" && s.Highway == "secondary" && s.Access.HasFlag(StreetAccess.Walk));
    }

    [Fact]
    public void Generate_river_isCrossedOnlyByPrimaryBridgesAndTheExpressway()
    {
        var layout = new CityLayout(SmallOptions.Vertices);
        var band = new GeometryFactory().ToGeometry(layout.RiverBand);
        var crossing = Small.Value.Streets.Where(s => Plane.Project(s.Geometry).Intersects(band)).ToList();
        var bridges = crossing.Where(s => s.Highway == "primary").ToList();
        Assert.All(crossing, s => Assert.True(s.Highway is "primary" or "trunk", $"{s.Highway} {s.Name} crosses the river"));
        // The river runs between rows 39 and 40; the primary grid lines 20 and 60 and the two sides of 一环路
        // (lines 24 and 46) bridge it.
        Assert.Equal(4, bridges.Count);
    }

    [Fact]
    public void Generate_walledCompounds_areEnteredOnlyThroughTheirGate()
    {
        var d = Small.Value;
        var compounds = d.Streets.Where(s => s.Highway == "footway").GroupBy(s => s.WayId).ToList();
        Assert.NotEmpty(compounds);
        foreach (var loop in compounds)
        {
            var nodes = loop.SelectMany(s => new[] { s.FromNodeId, s.ToNodeId }).ToHashSet();
            var ways = d.Streets.Where(s => s.Highway != "footway" && (nodes.Contains(s.FromNodeId) || nodes.Contains(s.ToNodeId))).ToList();
            Assert.Equal("service", Assert.Single(ways).Highway);
        }
    }

    [Fact]
    public void Generate_walkNetwork_isOneConnectedWhole()
    {
        var graph = StreetGraphBuilder.Build(Small.Value, TravelProfile.BuiltIn("walk"));
        Assert.Equal(1, graph.ComponentCount);
    }

    [Fact]
    public void Generate_pois_includeTheDemandKinds()
    {
        var d = Small.Value;
        Assert.Equal(50, d.Pois.Count);
        Assert.Contains(d.Pois, p => p.Amenity == "restaurant");
        Assert.Contains(d.Pois, p => p.Shop is not null);
    }

    [Fact]
    public void Generate_tooFewVertices_isRejectedWithTheOptionName()
    {
        var e = Assert.Throws<GeoInputException>(() => SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 100)));
        Assert.Contains("--vertices", e.Message);
    }

    private static string Fingerprint(StreetDataset dataset)
    {
        var text = new System.Text.StringBuilder();
        foreach (var layer in DatasetLayers.ToLayers(dataset))
        {
            text.Append(layer.Name).Append('\n');
            foreach (var f in layer.Features)
            {
                text.Append(Convert.ToHexString(f.Geometry.AsBinary()));
                foreach (var v in f.Values) text.Append('|').Append(Convert.ToString(v, CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}
