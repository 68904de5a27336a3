using Geo.Coordinates;
using Geo.Data.Files;
using Geo.Data.Model;
using Geo.Data.Subdistricts;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using Xunit;

namespace Geo.Tests.Data;

/// <summary>The real boundary files beside the repository: Chengdu's 20 districts in GCJ-02, Beijing's 343 街道/乡镇.</summary>
public sealed class RealBoundaryTests
{
    private static readonly LocalProjection Chengdu = new(104.07, 30.66);

    private static IReadOnlyList<Subdistrict> Districts(InputCrs crs) =>
        DatasetLayers.ReadSubdistricts(InputLayerFile.Read(RepoPaths.SharedDataset("chengdu-districts-gcj02.geojson"), crs));

    [Fact]
    public void ChengduDistricts_convertedFromGcj02_areValidDistrictsWhoseInteriorPointsStayInside()
    {
        var raw = Districts(InputCrs.Wgs84);
        var converted = Districts(InputCrs.Parse("gcj02"));

        Assert.Equal(20, converted.Count);
        Assert.Equal(UnitKind.District, UnitKinds.FromNames(converted.Select(d => d.Name)));
        for (int i = 0; i < raw.Count; i++)
        {
            Assert.True(converted[i].Geometry.IsValid, $"{converted[i].Name} is not valid after conversion");
            var inside = raw[i].Geometry.InteriorPoint;
            var (lon, lat) = ChineseCoordinates.Gcj02ToWgs84(inside.X, inside.Y);
            Assert.True(converted[i].Geometry.Contains(new Point(lon, lat)), $"{raw[i].Name}: its interior point left the district after conversion");
        }
    }

    [Fact]
    public void ChengduDistricts_wgs84Outline_liesAFewHundredMetresNorthWestOfTheGcj02One()
    {
        var raw = Districts(InputCrs.Wgs84);
        var converted = Districts(InputCrs.Parse("gcj02"));
        for (int i = 0; i < raw.Count; i++)
        {
            var (gx, gy) = Chengdu.Project(raw[i].Geometry.Centroid.X, raw[i].Geometry.Centroid.Y);
            var (wx, wy) = Chengdu.Project(converted[i].Geometry.Centroid.X, converted[i].Geometry.Centroid.Y);
            // GCJ-02 moves Chengdu about 240 m east and 270 m south; undoing it moves the outline back west and north.
            Assert.InRange(wx - gx, -320, -160);
            Assert.InRange(wy - gy, 190, 350);
        }
    }

    [Fact]
    public void ChengduDistricts_afterConversion_tileWithoutOverlapsBeyondTheQuantisation()
    {
        var districts = Districts(InputCrs.Parse("gcj02")).Select(d => Chengdu.Project(d.Geometry)).ToList();
        for (int a = 0; a < districts.Count; a++)
        {
            for (int b = a + 1; b < districts.Count; b++)
            {
                if (!districts[a].EnvelopeInternal.Intersects(districts[b].EnvelopeInternal)) continue;
                var overlap = OverlayNGRobust.Overlay(districts[a], districts[b], NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection);
                // Quantised to 1/1024° (about 100 m), neighbours may overlap in slivers along their border: each piece
                // at most a quantisation step wide (width = 2 × area / perimeter), never a block of land.
                foreach (var piece in NetTopologySuite.Geometries.Utilities.PolygonExtracter.GetPolygons(overlap).Cast<Polygon>().Where(p => p.Area > 0))
                {
                    double width = 2 * piece.Area / piece.Length;
                    Assert.True(width < 100, $"districts {a} and {b} overlap by a piece {width:0} m wide ({piece.Area / 1e6:0.000} km²)");
                }
            }
        }
    }

    [Fact]
    public void BeijingSubdistricts_nestInTheirDistrictsByCode()
    {
        var units = DatasetLayers.ReadSubdistricts(InputLayerFile.Read(RepoPaths.SharedDataset("beijing-subdistricts.geojson"), InputCrs.Wgs84));

        Assert.Equal(343, units.Count);
        Assert.Equal(165, units.Count(u => u.Name.EndsWith("街道", StringComparison.Ordinal)));
        Assert.Equal(UnitKind.Subdistrict, UnitKinds.FromNames(units.Select(u => u.Name)));
        var districts = UnitNesting.ByParentCode(units);
        Assert.Equal(16, districts.Count);
        Assert.All(districts, d => Assert.StartsWith("11", d.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var unit in units)
        {
            Assert.Equal(UnitNesting.CountyCodeOf(unit.Code!.Value), unit.ParentCode);
            var inside = unit.Geometry.InteriorPoint;
            var holding = districts.Where(d => d.Outline.Contains(inside)).Select(d => d.Code).ToList();
            Assert.Equal(new[] { unit.ParentCode!.Value }, holding);
        }
    }

    [Fact]
    public void ByParentCode_codeOutsideItsParent_isRefusedNamingTheUnit()
    {
        var square = new GeometryFactory().ToGeometry(new Envelope(116.3, 116.4, 39.9, 40.0));
        var units = new[] { new Subdistrict(1, "某街道", 0, square) { Code = 110105001000, ParentCode = 110106000000 } };

        var error = Assert.Throws<GeoInputException>(() => UnitNesting.ByParentCode(units));
        Assert.Contains("某街道", error.Message);
    }
}
