using Geo.Analyses.Pairing;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Pairing;

public class NetworkTerritoriesTests
{
    private static readonly TravelProfile Ebike = TravelProfile.BuiltIn("ebike");

    [Fact]
    public void Compute_everyPiece_belongsToTheStationWithTheLeastSingleSourceTime()
    {
        var city = TestCity.Grid(6, 6);
        // One-way streets so direction matters: the bottom row runs east only, one column north only.
        city.Street(9001, 9002, new[] { (0.0, -100.0), (500.0, -100.0) }, oneway: true)
            .Street(TestCity.NodeId(0, 0), 9001, new[] { (0.0, 0.0), (0.0, -100.0) })
            .Street(9002, TestCity.NodeId(0, 5), new[] { (500.0, -100.0), (500.0, 0.0) }, oneway: true);
        var graph = StreetGraphBuilder.Build(city.ToDataset(), Ebike);
        var snapper = new StreetSnapper(graph);
        var points = new[] { (30.0, 0.0), (250.0, 210.0), (500.0, 470.0), (120.0, 400.0), (300.0, -100.0) };
        var stations = points.Select(p => { var (lon, lat) = TestCity.LonLat(p.Item1, p.Item2); return snapper.Snap(lon, lat); }).ToArray();
        Assert.All(stations, s => Assert.True(s.IsSnapped));

        var territories = NetworkTerritories.Compute(graph, stations, 3600);

        var single = stations.Select(s => SingleSourceMidpointTimes(graph, s)).ToArray();
        Assert.Equal(graph.Pieces.Count, territories.Pieces.Count + territories.UnreachedPieces);
        foreach (var t in territories.Pieces)
        {
            double least = single.Min(times => times[t.Piece]);
            Assert.Equal(least, t.Seconds, 6);
            Assert.Equal(least, single[t.Station][t.Piece], 6);
        }
        Assert.Equal(0, territories.UnreachedPieces);
    }

    [Fact]
    public void Compute_twoStationsOnALine_splitTheStreetHalfway()
    {
        var city = new TestCity();
        for (int i = 0; i < 4; i++) city.Street(i + 1, i + 2, new[] { (i * 100.0, 0.0), ((i + 1) * 100.0, 0.0) });
        var graph = StreetGraphBuilder.Build(city.ToDataset(), Ebike);
        var snapper = new StreetSnapper(graph);
        var stations = new[] { Snap(snapper, 0, 0), Snap(snapper, 400, 0) };

        var territories = NetworkTerritories.Compute(graph, stations, 3600);

        var byWay = territories.Pieces.ToDictionary(t => graph.Pieces.Source[t.Piece].WayId);
        Assert.Equal(new[] { 0, 0, 1, 1 }, new long[] { 1, 2, 3, 4 }.Select(w => byWay[w].Station));
        Assert.Equal(12, byWay[1].Seconds, 3);   // 50 m at 15 km/h
        Assert.Equal(36, byWay[2].Seconds, 3);
        Assert.Equal(2, territories.Areas.Count);
        // 200 m of street buffered by 60 m: a 320 m × 120 m stadium less the rounding of its ends.
        var west = territories.Areas.Single(a => a.Station == 0);
        Assert.Equal(200, west.StreetMeters, 1);
        Assert.InRange(west.SquareMeters, 200 * 120 + Math.PI * 60 * 60 * 0.95, 200 * 120 + Math.PI * 60 * 60);
    }

    [Fact]
    public void Compute_pieceBeyondTheLimit_belongsToNoStation()
    {
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }).Street(2, 3, new[] { (100.0, 0.0), (1100.0, 0.0) });
        var graph = StreetGraphBuilder.Build(city.ToDataset(), Ebike);
        var territories = NetworkTerritories.Compute(graph, new[] { Snap(new StreetSnapper(graph), 0, 0) }, 60);

        Assert.Single(territories.Pieces);
        Assert.Equal(1, territories.UnreachedPieces);
    }

    private static SnapResult Snap(StreetSnapper snapper, double x, double y)
    {
        var (lon, lat) = TestCity.LonLat(x, y);
        return snapper.Snap(lon, lat);
    }

    /// <summary>Seconds from one station to each piece's midpoint, from its own search: through either end or along the piece it stands on.</summary>
    private static double[] SingleSourceMidpointTimes(StreetGraph graph, SnapResult station)
    {
        var search = new ShortestPathSearch(graph);
        search.Run(station.Seeds(graph), 3600);
        var pieces = graph.Pieces;
        var times = new double[pieces.Count];
        for (int p = 0; p < pieces.Count; p++)
        {
            double t = search.SecondsTo(pieces.FromVertex[p]) + pieces.ForwardSeconds[p] / 2;
            if (pieces.CanTravelBackward(p)) t = Math.Min(t, search.SecondsTo(pieces.ToVertex[p]) + pieces.BackwardSeconds[p] / 2);
            if (station.Piece == p)
            {
                double along = station.Fraction <= 0.5 ? (0.5 - station.Fraction) * pieces.ForwardSeconds[p]
                    : pieces.CanTravelBackward(p) ? (station.Fraction - 0.5) * pieces.BackwardSeconds[p] : double.PositiveInfinity;
                t = Math.Min(t, along);
            }
            times[p] = t;
        }
        return times;
    }
}
