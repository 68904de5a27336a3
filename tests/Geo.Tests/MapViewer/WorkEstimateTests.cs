using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.MapViewer.Api;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Tests.MapViewer;

/// <summary>The bound on one request's drawing: an upper bound of the cells really covered, refusing what is too much before any work.</summary>
public sealed class WorkEstimateTests
{
    private static readonly Lazy<StreetSnapper> Walk = new(() =>
        new StreetSnapper(StreetGraphBuilder.Build(SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 20_000, Stations: 10, Seed: 7)), TravelProfile.BuiltIn("walk"))));

    [Fact]
    public void Cells_is_never_below_the_cells_a_service_area_covers()
    {
        var walk = Walk.Value;
        var random = new Random(21);
        var e = walk.LonLatExtent;
        double cellKm2 = Math.Pow(new ServiceAreaOptions(new[] { 1.0 }).Cell(walk.Graph.Profile.LateralMeters), 2) / 1e6;
        var stations = Enumerable.Range(0, 12).Select(i => new Station($"s{i}", null,
            new Point(e.MinX + random.NextDouble() * e.Width, e.MinY + random.NextDouble() * e.Height) { SRID = 4326 })).ToList();
        foreach (double minutes in new[] { 2.0, 5, 12 })
        {
            var result = ServiceAreaAnalysis.Run(walk, stations, new ServiceAreaOptions(new[] { minutes }, Overlap: false));
            foreach (var area in result.Areas)
            {
                Assert.True(area.AreaKm2 / cellKm2 <= WorkEstimate.Cells(walk.Graph, 1, new[] { minutes }) + 1e-6,
                    $"{area.StationId} at {minutes} min covers {area.AreaKm2 / cellKm2:0} cells, above the estimate");
            }
        }
    }

    [Fact]
    public void Check_refuses_long_walks_from_many_places_and_accepts_a_city_view()
    {
        var graph = Walk.Value.Graph;
        var refused = Assert.Throws<ApiProblemException>(() => WorkEstimate.Check(graph, 50, new[] { 60.0, 90, 120 }, "isochrones"));
        Assert.Equal(422, refused.Status);
        Assert.Contains("million cells", refused.Message);
        Assert.Throws<ApiProblemException>(() => WorkEstimate.Check(graph, 50, new[] { 5.0, 10, 15, 20 }, "isochrones"));
        WorkEstimate.Check(graph, 50, new[] { 5.0, 10, 15 }, "isochrones");
        WorkEstimate.Check(graph, 1, new[] { 120.0 }, "isochrones");
    }
}
