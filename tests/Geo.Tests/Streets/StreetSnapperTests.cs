using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Tests.Streets;

public class StreetSnapperTests
{
    [Fact]
    public void Extents_ofACity_areThoseOfEveryPointOneByOne()
    {
        var graph = StreetGraphBuilder.Build(Geo.Data.Synthetic.SyntheticCity.Generate(new Geo.Data.Synthetic.SyntheticCityOptions(Vertices: 3000, Stations: 0, Seed: 5)), TravelProfile.BuiltIn("ebike"));

        var snapper = new StreetSnapper(graph);

        var lonLat = new NetTopologySuite.Geometries.Envelope();
        foreach (var street in graph.Pieces.Source)
        {
            foreach (var c in street.Geometry.Coordinates) lonLat.ExpandToInclude(c);
        }
        Assert.Equal(lonLat, snapper.LonLatExtent);
        double furthest = 0;
        for (int i = 0; i < graph.Pieces.PointX.Length; i++) furthest = Math.Max(furthest, Math.Max(Math.Abs(graph.Pieces.PointX[i]), Math.Abs(graph.Pieces.PointY[i])));
        Assert.Equal(Math.Max(1e-3, furthest * Math.Pow(2, -22)), snapper.JunctionToleranceMeters);
    }

    [Fact]
    public void Snap_pointOnStreet_snapsWithZeroDistance()
    {
        var graph = StreetGraphBuilder.Build(TestCity.Grid(2, 2).ToDataset(), TravelProfile.BuiltIn("walk"));
        var (lon, lat) = TestCity.LonLat(30, 0);
        var snap = new StreetSnapper(graph).Snap(lon, lat);

        Assert.True(snap.IsSnapped);
        Assert.True(snap.DistanceMeters < 0.01, $"{snap.DistanceMeters} m");
        Assert.Equal(30, snap.MetersAlong, 1);
        Assert.Equal(StreetSide.On, snap.Side);
    }

    [Fact]
    public void Snap_pointOneKilometreFromEveryStreet_isNotSnappedWithTheDistance()
    {
        var graph = StreetGraphBuilder.Build(TestCity.Grid(2, 2).ToDataset(), TravelProfile.BuiltIn("walk"));
        var (lon, lat) = TestCity.LonLat(50, 1100);
        var snap = new StreetSnapper(graph).Snap(lon, lat);

        Assert.False(snap.IsSnapped);
        Assert.Contains("1000 m away", snap.Reason);
        Assert.Contains("limit 300 m", snap.Reason);
    }

    [Fact]
    public void Snap_besideExpresswayOnFoot_snapsToTheWalkableStreet()
    {
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (1000.0, 0.0) }, highway: "trunk", access: StreetAccess.Car)
            .Street(3, 4, new[] { (0.0, 150.0), (1000.0, 150.0) });
        var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("walk"));
        var (lon, lat) = TestCity.LonLat(500, 10);
        var snap = new StreetSnapper(graph).Snap(lon, lat);

        Assert.True(snap.IsSnapped);
        Assert.Equal("residential", graph.Pieces.Source[snap.Piece].Highway);
        Assert.Equal(140, snap.DistanceMeters, 1);
    }

    [Fact]
    public void Snap_sideOfStreet_isLeftOrRightOfTheDrawnDirection()
    {
        var graph = StreetGraphBuilder.Build(new TestCity().Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }).ToDataset(), TravelProfile.BuiltIn("walk"));
        var snapper = new StreetSnapper(graph);
        var (lonN, latN) = TestCity.LonLat(50, 20);
        var (lonS, latS) = TestCity.LonLat(50, -20);

        Assert.Equal(StreetSide.Left, snapper.Snap(lonN, latN).Side);
        Assert.Equal(StreetSide.Right, snapper.Snap(lonS, latS).Side);
    }

    [Fact]
    public void Seeds_onOnewayUnderEbike_onlyGoForward()
    {
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true)
            .Street(2, 3, new[] { (100.0, 0.0), (200.0, 0.0) });
        var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
        var (lon, lat) = TestCity.LonLat(25, 0);
        var snap = new StreetSnapper(graph).Snap(lon, lat);
        var search = new ShortestPathSearch(graph);
        search.Run(snap.Seeds(graph), 3600);

        Assert.True(double.IsPositiveInfinity(search.SecondsTo(graph.VertexOf(1))));
        Assert.Equal(18, search.SecondsTo(graph.VertexOf(2)), 2); // 75 m at 15 km/h
        Assert.Equal(42, search.SecondsTo(graph.VertexOf(3)), 2);
    }

    /// <summary>
    /// <code>
    ///   A(-100,0) &lt;──── J(0,0) ────&gt; B(100,0)     both one-way, leaving J
    ///                     ▲
    ///                     │  one-way, into J
    ///                   C(0,-100)
    /// </code>
    /// </summary>
    [Fact]
    public void Snap_pointOnJunctionWhereOnewaysMeet_startsFromTheJunctionByEveryStreet()
    {
        var city = new TestCity()
            .Street(3, 2, new[] { (0.0, -100.0), (0.0, 0.0) }, oneway: true)
            .Street(2, 1, new[] { (0.0, 0.0), (-100.0, 0.0) }, oneway: true)
            .Street(2, 4, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true);
        var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
        var (lon, lat) = TestCity.LonLat(0, 0);
        var snap = new StreetSnapper(graph).Snap(lon, lat);
        var search = new ShortestPathSearch(graph);
        var towards = new ShortestPathSearch(graph.Reversed());

        search.Run(snap.Seeds(graph), 3600);
        towards.Run(snap.Seeds(graph, 0, towardsPoint: true), 3600);

        Assert.True(snap.AtVertex);
        Assert.Equal(graph.VertexOf(2), snap.Vertex);
        Assert.Contains(snap.Fraction, new[] { 0.0, 1.0 });
        Assert.Equal(0, search.SecondsTo(graph.VertexOf(2)));
        Assert.Equal(24, search.SecondsTo(graph.VertexOf(1)), 2); // 100 m at 15 km/h
        Assert.Equal(24, search.SecondsTo(graph.VertexOf(4)), 2);
        Assert.True(double.IsPositiveInfinity(search.SecondsTo(graph.VertexOf(3))));
        Assert.Equal(24, towards.SecondsTo(graph.VertexOf(3)), 2);
        Assert.True(double.IsPositiveInfinity(towards.SecondsTo(graph.VertexOf(1))));
    }

    [Fact]
    public void Snap_besideJunction_startsFromTheJunction()
    {
        var city = new TestCity()
            .Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true)
            .Street(2, 3, new[] { (100.0, 0.0), (100.0, 100.0) }, oneway: true);
        var graph = StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn("ebike"));
        var (lon, lat) = TestCity.LonLat(130, -20);

        var snap = new StreetSnapper(graph).Snap(lon, lat);

        Assert.Equal(graph.VertexOf(2), snap.Vertex);
        Assert.Equal(Math.Sqrt(30 * 30 + 20 * 20), snap.DistanceMeters, 2);
    }

    [Fact]
    public void Snap_latLonSwapped_saysSo()
    {
        var graph = StreetGraphBuilder.Build(TestCity.Grid(2, 2).ToDataset(), TravelProfile.BuiltIn("walk"));
        var snap = new StreetSnapper(graph).Snap(TestCity.CentreLat, TestCity.CentreLon);

        Assert.False(snap.IsSnapped);
        Assert.Contains("swapped", snap.Reason);
    }
}
