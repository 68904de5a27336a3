using Geo.Data.Model;
using Geo.Data.Osm;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data.Osm;

public class OsmPbfImporterTests
{
    private static OsmImportResult Import(TinyPbf pbf)
    {
        using var folder = new TempFolder();
        return new OsmPbfImporter().Import(pbf.WriteTo(folder.File("tiny.osm.pbf")));
    }

    /// <summary>A + crossing: two ways meeting at node 5 in their middles.</summary>
    private static TinyPbf Cross() => new TinyPbf()
        .Node(1, -100, 0).Node(2, 100, 0).Node(3, 0, -100).Node(4, 0, 100).Node(5, 0, 0)
        .Way(10, new long[] { 1, 5, 2 }, "highway=residential", "name=建设路")
        .Way(11, new long[] { 3, 5, 4 }, "highway=residential");

    [Fact]
    public void Import_crossJunction_splitsTwoWaysIntoFourPieces()
    {
        var streets = Import(Cross()).Dataset.Streets;

        Assert.Equal(4, streets.Count);
        Assert.All(streets, s => Assert.True(s.FromNodeId == 5 || s.ToNodeId == 5));
        Assert.Equal(2, streets.Count(s => s.Name == "建设路"));
        Assert.All(streets, s => Assert.Equal(StreetAccess.Walk | StreetAccess.Ebike | StreetAccess.Car, s.Access));
    }

    [Fact]
    public void Import_onewayMinusOne_reversesThePiece()
    {
        var pbf = Cross().Node(6, 200, 0).Way(12, new long[] { 2, 6 }, "highway=residential", "oneway=-1");
        var piece = Import(pbf).Dataset.Streets.Single(s => s.WayId == 12);

        Assert.True(piece.Oneway);
        Assert.Equal(6, piece.FromNodeId);
        Assert.Equal(2, piece.ToNodeId);
        Assert.True(piece.Geometry.StartPoint.X > piece.Geometry.EndPoint.X);
    }

    [Fact]
    public void Import_motorway_isForCarsOnly()
    {
        var pbf = Cross().Node(6, 1000, 0).Way(12, new long[] { 2, 6 }, "highway=motorway");
        var piece = Import(pbf).Dataset.Streets.Single(s => s.WayId == 12);

        Assert.Equal(StreetAccess.Car, piece.Access);
        Assert.True(piece.Oneway);
    }

    [Fact]
    public void Import_closedBoundaryRelation_givesValidPolygonWithHole()
    {
        var pbf = Cross()
            .Node(101, -500, -500).Node(102, 500, -500).Node(103, 500, 500).Node(104, -500, 500)
            .Node(111, -50, -50).Node(112, 50, -50).Node(113, 50, 50).Node(114, -50, 50)
            .Way(201, new long[] { 101, 102, 103 }).Way(202, new long[] { 103, 104, 101 })
            .Way(203, new long[] { 111, 112, 113, 114, 111 })
            .Relation(301, new[] { (201L, "outer"), (202L, "outer"), (203L, "inner") },
                "type=boundary", "boundary=administrative", "admin_level=8", "name=春熙路街道");
        var result = Import(pbf);
        var subdistrict = Assert.Single(result.Dataset.Subdistricts);

        Assert.Equal("春熙路街道", subdistrict.Name);
        Assert.Equal(8, subdistrict.AdminLevel);
        Assert.True(subdistrict.Geometry.IsValid);
        var polygon = Assert.IsType<Polygon>(subdistrict.Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(new[] { 8 }, result.AdminLevels);
    }

    [Fact]
    public void Import_unclosedBoundary_isReportedNotEmitted()
    {
        var pbf = Cross()
            .Node(101, -500, -500).Node(102, 500, -500).Node(103, 500, 500)
            .Way(201, new long[] { 101, 102, 103 })
            .Relation(301, new[] { (201L, "outer"), (202L, "outer") }, "type=boundary", "boundary=administrative", "admin_level=8", "name=Cut");
        var result = Import(pbf);

        Assert.Empty(result.Dataset.Subdistricts);
        Assert.Contains(result.Warnings, w => w.Contains("301") && w.Contains("Cut") && w.Contains("do not close"));
    }

    [Fact]
    public void Import_poiArea_isReducedToAnInteriorPoint()
    {
        var pbf = Cross()
            .Node(101, 20, 20).Node(102, 80, 20).Node(103, 80, 80).Node(104, 20, 80)
            .Way(201, new long[] { 101, 102, 103, 104, 101 }, "amenity=community_centre", "name=春熙路党群服务中心")
            .Node(105, 30, -30, "amenity=parcel_locker");
        var pois = Import(pbf).Dataset.Pois;

        var centre = pois.Single(p => p.OsmType == "way");
        Assert.Equal("community_centre", centre.Amenity);
        var (lon1, lat1) = TestCity.LonLat(20, 20);
        var (lon2, lat2) = TestCity.LonLat(80, 80);
        Assert.InRange(centre.Geometry.X, lon1, lon2);
        Assert.InRange(centre.Geometry.Y, lat1, lat2);
        Assert.Contains(pois, p => p.OsmType == "node" && p.Amenity == "parcel_locker");
    }

    [Fact]
    public void Import_missingFile_saysSo()
    {
        var error = Assert.Throws<GeoInputException>(() => new OsmPbfImporter().Import("/nowhere/x.osm.pbf"));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Import_fileThatIsNotAPbf_saysSo()
    {
        using var folder = new TempFolder();
        var path = folder.File("fake.osm.pbf");
        File.WriteAllText(path, "<osm version=\"0.6\"></osm>");
        var error = Assert.Throws<GeoInputException>(() => new OsmPbfImporter().Import(path));
        Assert.Contains("is not an OSM PBF file", error.Message);
    }

    [Fact]
    public void Import_extractWithoutStreets_saysSo()
    {
        var pbf = new TinyPbf().Node(1, 0, 0, "amenity=cafe").Node(2, 10, 0).Node(3, 20, 0).Way(5, new long[] { 2, 3 }, "waterway=river");
        var error = Assert.Throws<GeoInputException>(() => Import(pbf));
        Assert.Contains("contains no streets", error.Message);
    }
}
