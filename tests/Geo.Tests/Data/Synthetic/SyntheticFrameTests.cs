using Geo.Coordinates;
using Geo.Data.Files;
using Geo.Data.Model;
using Geo.Data.Synthetic;

namespace Geo.Tests.Data.Synthetic;

/// <summary>A synthetic city laid over Beijing's real 街道, so city-scale runs report by real names.</summary>
public sealed class SyntheticFrameTests
{
    private static readonly IReadOnlyList<Subdistrict> Beijing =
        DatasetLayers.ReadSubdistricts(InputLayerFile.Read(RepoPaths.SharedDataset("beijing-subdistricts.geojson"), InputCrs.Wgs84));

    [Fact]
    public void Centre_ofBeijingsUnits_liesInTheCentralCity()
    {
        var (lon, lat) = SyntheticFrame.Centre(Beijing);
        var plane = new LocalProjection(116.397, 39.909);   // 天安门
        var (x, y) = plane.Project(lon, lat);

        Assert.True(Math.Sqrt(x * x + y * y) < 10_000, $"centre {lon:0.000},{lat:0.000} is {Math.Sqrt(x * x + y * y) / 1000:0.0} km from Tiananmen");
    }

    [Fact]
    public void Generate_withFrame_namesItsSubdistrictsAfterTheRealUnitsItCovers()
    {
        var (lon, lat) = SyntheticFrame.Centre(Beijing);
        var city = SyntheticCity.Generate(new SyntheticCityOptions(4000, 40, 7, lon, lat) { Frame = Beijing, FrameName = "beijing-subdistricts.geojson" });

        var names = Beijing.Select(u => u.Name).ToHashSet();
        Assert.NotEmpty(city.Subdistricts);
        Assert.All(city.Subdistricts, s => Assert.Contains(s.Name, names));
        Assert.All(city.Subdistricts, s => Assert.True(s.Geometry.IsValid, s.Name));
        // The streets lie in the real units' parts (the Beijing file leaves a few special zones out, so nearly all).
        var units = city.Subdistricts.Select(s => s.Geometry).ToList();
        var covered = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(NetTopologySuite.Operation.Union.UnaryUnionOp.Union(units).Buffer(1e-6));
        int outside = city.Streets.Count(s => !covered.Covers(s.Geometry.Centroid));
        Assert.True(outside <= city.Streets.Count / 20, $"{outside} of {city.Streets.Count} streets outside every unit");
        Assert.All(city.Stations, st => Assert.Contains(units, u => u.Covers(st.Geometry)));
        Assert.Contains("frame=beijing-subdistricts.geojson", city.Metadata.Source);
    }
}
