using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.MapViewer.Api;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Algorithm.Distance;
using NetTopologySuite.Geometries;

namespace Geo.Tests.MapViewer;

/// <summary>The API's polygon smoothing: far fewer vertices, every polygon still valid with its holes, within the tolerance, and still nested.</summary>
public sealed class ApiPolygonsTests
{
    [Fact]
    public void SimplifyNested_keeps_areas_valid_nested_with_holes_and_within_the_tolerance()
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 6000, Stations: 10, Seed: 9));
        var walk = new StreetSnapper(StreetGraphBuilder.Build(city, TravelProfile.BuiltIn("walk")));
        var result = ServiceAreaAnalysis.Run(walk, city.Stations, new ServiceAreaOptions(new[] { 5.0, 10, 15 }, Overlap: false));
        int before = 0, after = 0, holes = 0;
        foreach (var station in result.Areas.GroupBy(a => a.StationId))
        {
            var exact = station.OrderBy(a => a.Minutes).Select(a => a.Area).ToList();
            var smooth = ApiPolygons.SimplifyNested(exact, 15);
            for (int b = 0; b < exact.Count; b++)
            {
                Assert.True(smooth[b].IsValid, $"{station.Key} break {b}: invalid after smoothing");
                Assert.Equal(HoleCount(exact[b]), HoleCount(smooth[b]));
                double meters = DiscreteHausdorffDistance.Distance(exact[b], smooth[b]) * 111_320;
                Assert.True(meters <= 15 * 1.5, $"{station.Key} break {b}: moved {meters:0.0} m");
                if (b > 0) Assert.True(smooth[b].Buffer(1e-9).Covers(smooth[b - 1]), $"{station.Key}: break {b - 1} outside break {b} after smoothing");
                before += exact[b].NumPoints;
                after += smooth[b].NumPoints;
                holes += HoleCount(exact[b]);
            }
        }
        Assert.True(holes > 0, "the test city should give areas with holes");
        Assert.True(after * 2 < before, $"smoothing kept {after} of {before} vertices");
    }

    [Fact]
    public void Simplify_with_zero_tolerance_returns_the_exact_polygon()
    {
        var square = new GeometryFactory().CreatePolygon(new[] { new Coordinate(0, 0), new Coordinate(0.001, 0), new Coordinate(0.001, 0.001), new Coordinate(0, 0.001), new Coordinate(0, 0) });
        Assert.Same(square, ApiPolygons.Simplify(square, 0));
    }

    private static int HoleCount(Geometry g)
    {
        int n = 0;
        for (int i = 0; i < g.NumGeometries; i++) if (g.GetGeometryN(i) is Polygon p) n += p.NumInteriorRings;
        return n;
    }
}
