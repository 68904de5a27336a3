using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Search;

namespace Geo.Tests.Data.Synthetic;

public class SyntheticCityTests
{
    private static readonly Lazy<StreetDataset> Small = new(() => SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 8_000, Stations: 40)));

    [Fact]
    public void Generate_sameOptions_givesTheSameCity()
    {
        var again = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 8_000, Stations: 40));
        Assert.Equal(Small.Value.Streets.Count, again.Streets.Count);
        Assert.True(Small.Value.Streets.Zip(again.Streets).All(p => p.First.Geometry.EqualsExact(p.Second.Geometry) && p.First.Name == p.Second.Name));
        Assert.Equal(Small.Value.Stations.Select(s => s.Geometry.ToText()), again.Stations.Select(s => s.Geometry.ToText()));
        Assert.Equal(Small.Value.Metadata.Sha256, again.Metadata.Sha256);
    }

    [Fact]
    public void Generate_vertexCount_isWithinTenPercentOfTheTarget()
    {
        int vertices = Small.Value.Streets.SelectMany(s => new[] { s.FromNodeId, s.ToNodeId }).Distinct().Count();
        Assert.InRange(vertices, 7_200, 8_800);
    }

    [Fact]
    public void Generate_geometries_areValidLonLatAroundTheCentre()
    {
        var d = Small.Value;
        Assert.All(d.Streets, s => Assert.Equal(4326, s.Geometry.SRID));
        Assert.InRange(d.Metadata.Extent.Centre.X, 104.0, 104.13);
        Assert.InRange(d.Metadata.Extent.Centre.Y, 30.6, 30.72);
        Assert.All(d.Subdistricts, s => Assert.True(s.Geometry.IsValid && s.Name.EndsWith("街道"), s.Name));
        Assert.Equal(d.Subdistricts.Count, d.Subdistricts.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Generate_subdistricts_doNotOverlapAndHoldEveryStation()
    {
        var d = Small.Value;
        for (int a = 0; a < d.Subdistricts.Count; a++)
        {
            for (int b = a + 1; b < d.Subdistricts.Count; b++)
            {
                Assert.True(d.Subdistricts[a].Geometry.Intersection(d.Subdistricts[b].Geometry).Area < 1e-10);
            }
        }
        Assert.All(d.Stations, s => Assert.Contains(d.Subdistricts, z => z.Geometry.Covers(s.Geometry)));
        Assert.Contains(d.Subdistricts, z => !d.Stations.Any(s => z.Geometry.Covers(s.Geometry)));
    }

    [Fact]
    public void Generate_streets_haveOnewaysAnExpresswayClosedToWalkersAndChineseNames()
    {
        var d = Small.Value;
        Assert.Contains(d.Streets, s => s.Oneway && s.Highway == "residential");
        Assert.All(d.Streets.Where(s => s.Highway == "trunk"), s => Assert.Equal(StreetAccess.Car, s.Access));
        Assert.Contains(d.Streets, s => s.Highway == "trunk");
        Assert.Contains(d.Streets, s => s.Name is not null && (s.Name.EndsWith("街") || s.Name.EndsWith("路")));
        Assert.Contains(d.Stations, s => s.Name!.Contains("驿站"));
    }

    [Fact]
    public void Generate_river_isCrossedOnlyByArterialBridges()
    {
        var d = Small.Value;
        // With 8,000 vertices the grid is 89 junctions wide and the river runs between rows 48 and 49.
        int n = 89, river = (int)(n * 0.55);
        long RowOf(long node) => (-node - 1) / n;
        var crossings = d.Streets.Where(s => s.FromNodeId < 0 && s.ToNodeId < 0 && s.FromNodeId >= -(long)n * n && s.ToNodeId >= -(long)n * n
            && Math.Min(RowOf(s.FromNodeId), RowOf(s.ToNodeId)) == river && Math.Max(RowOf(s.FromNodeId), RowOf(s.ToNodeId)) == river + 1).ToList();
        Assert.NotEmpty(crossings);
        Assert.All(crossings, s => Assert.Equal("primary", s.Highway));
    }

    [Fact]
    public void Generate_walkedCompound_isReachedOnlyThroughItsGate()
    {
        var graph = StreetGraphBuilder.Build(Small.Value, TravelProfile.BuiltIn("walk"));
        var footways = graph.Pieces.Source.Select((s, i) => (s, i)).Where(p => p.s.Highway == "footway").ToList();
        Assert.NotEmpty(footways);
        Assert.Equal(1, graph.ComponentCount);
    }
}
