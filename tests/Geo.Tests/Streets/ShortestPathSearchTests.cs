using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;

namespace Geo.Tests.Streets;

public class ShortestPathSearchTests
{
    private static StreetGraph Walk(TestCity city) => StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk"));

    [Fact]
    public void Run_onGrid_givesManhattanTimes()
    {
        var graph = Walk(TestCity.Grid(3, 3));
        var search = new ShortestPathSearch(graph);
        search.Run(graph.VertexOf(TestCity.NodeId(0, 0)), 3600);

        // 100 m at 5 km/h is 72 s; the far corner is 400 m away.
        Assert.Equal(72, search.SecondsTo(graph.VertexOf(TestCity.NodeId(0, 1))), 2);
        Assert.Equal(144, search.SecondsTo(graph.VertexOf(TestCity.NodeId(1, 1))), 2);
        Assert.Equal(288, search.SecondsTo(graph.VertexOf(TestCity.NodeId(2, 2))), 2);
        Assert.Equal(9, search.Settled.Count);
    }

    [Fact]
    public void Run_withLimit_stopsAtTheLimit()
    {
        var graph = Walk(TestCity.Grid(3, 3));
        var search = new ShortestPathSearch(graph);
        search.Run(graph.VertexOf(TestCity.NodeId(0, 0)), 150);

        Assert.Equal(6, search.Settled.Count); // 0, 72 (×2), 144 (×3)
        Assert.True(double.IsPositiveInfinity(search.SecondsTo(graph.VertexOf(TestCity.NodeId(2, 2)))));
    }

    [Fact]
    public void Run_reusedForAnotherOrigin_forgetsThePreviousRun()
    {
        var graph = Walk(TestCity.Grid(3, 3));
        var search = new ShortestPathSearch(graph);
        search.Run(graph.VertexOf(TestCity.NodeId(0, 0)), 3600);
        search.Run(graph.VertexOf(TestCity.NodeId(2, 2)), 100);

        Assert.Equal(0, search.SecondsTo(graph.VertexOf(TestCity.NodeId(2, 2))));
        Assert.True(double.IsPositiveInfinity(search.SecondsTo(graph.VertexOf(TestCity.NodeId(0, 0)))));
        Assert.Equal(3, search.Settled.Count);
    }

    [Fact]
    public void Run_onOnewayLoop_ebikeGoesRoundTheLongWay()
    {
        // A one-way triangle loop A→B→C→A, 100 m each side: from B, A is reached only through C.
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true)
            .Street(2, 3, new[] { (100.0, 0.0), (50.0, 86.6025) }, oneway: true)
            .Street(3, 1, new[] { (50.0, 86.6025), (0.0, 0.0) }, oneway: true);
        var ebike = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
        var search = new ShortestPathSearch(ebike);
        search.Run(ebike.VertexOf(2), 3600);
        Assert.Equal(48, search.SecondsTo(ebike.VertexOf(1)), 1);

        var walk = Walk(city);
        var onFoot = new ShortestPathSearch(walk);
        onFoot.Run(walk.VertexOf(2), 3600);
        Assert.Equal(72, onFoot.SecondsTo(walk.VertexOf(1)), 1);
    }

    [Fact]
    public void Run_withTwoSeeds_labelsEachVertexWithTheNearestOrigin()
    {
        var graph = Walk(TestCity.Grid(1, 5));
        var search = new ShortestPathSearch(graph);
        search.Run(new[]
        {
            new SearchSeed(graph.VertexOf(TestCity.NodeId(0, 0)), 0, 7),
            new SearchSeed(graph.VertexOf(TestCity.NodeId(0, 4)), 0, 9),
        }, 3600);

        Assert.Equal(7, search.OriginOf(graph.VertexOf(TestCity.NodeId(0, 1))));
        Assert.Equal(9, search.OriginOf(graph.VertexOf(TestCity.NodeId(0, 3))));
        Assert.Equal(72, search.SecondsTo(graph.VertexOf(TestCity.NodeId(0, 3))), 2);
    }

    [Fact]
    public void Reversed_givesTimesTowardsTheOrigin()
    {
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true)
            .Street(2, 3, new[] { (100.0, 0.0), (50.0, 86.6025) }, oneway: true)
            .Street(3, 1, new[] { (50.0, 86.6025), (0.0, 0.0) }, oneway: true);
        var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
        var reversed = graph.Reversed();
        var search = new ShortestPathSearch(reversed);
        search.Run(reversed.VertexOf(2), 3600);

        // Riding to B: from A directly (24 s), from C round through A (48 s).
        Assert.Equal(24, search.SecondsTo(reversed.VertexOf(1)), 1);
        Assert.Equal(48, search.SecondsTo(reversed.VertexOf(3)), 1);
    }

    [Fact]
    public void Islands_twoDisconnectedGrids_areTwoComponentsLargestFirst()
    {
        var city = TestCity.Grid(3, 3);
        city.Street(90001, 90002, new[] { (5000.0, 0.0), (5100.0, 0.0) });
        var graph = Walk(city);

        Assert.Equal(2, graph.ComponentCount);
        Assert.Equal(0, graph.ComponentOf[graph.VertexOf(TestCity.NodeId(1, 1))]);
        Assert.Equal(1, graph.ComponentOf[graph.VertexOf(90001)]);
    }

    [Fact]
    public void Build_profileWithoutUsableStreets_saysSo()
    {
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, highway: "motorway", access: StreetAccess.Car);
        var error = Assert.Throws<GeoInputException>(() => Walk(city));
        Assert.Contains("walk", error.Message);
    }

    [Fact]
    public void RoutingBytes_perDirectedEdge_isCompact()
    {
        var graph = Walk(TestCity.Grid(30, 30));
        Assert.True(graph.RoutingBytes / (double)graph.EdgeCount <= 40, $"{graph.RoutingBytes / (double)graph.EdgeCount} bytes per edge");
    }
}
