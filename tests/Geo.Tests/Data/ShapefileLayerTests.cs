using System.Text;
using Geo.Coordinates;
using Geo.Data.Files;
using Geo.Data.Model;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Geo.Tests.Data;

/// <summary>ESRI Shapefiles as Chinese planning offices hand them over: GBK attribute text, a projected .prj.</summary>
public sealed class ShapefileLayerTests
{
    static ShapefileLayerTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>CGCS2000 3-degree Gauss-Krüger, central meridian 105°E, as ArcGIS writes it into a .prj.</summary>
    private const string GaussKrugerPrj =
        "PROJCS[\"CGCS2000_3_Degree_GK_CM_105E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\"," +
        "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]," +
        "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0]," +
        "PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    /// <summary>The same system written the way the test computes its corners (standard WKT names).</summary>
    private static readonly ProjectedCoordinateSystem GaussKruger = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(
        GaussKrugerPrj.Replace("Gauss_Kruger", "Transverse_Mercator"));

    /// <summary>Two 街道 as squares of 1 km in Gauss-Krüger metres around central Chengdu, names in GBK.</summary>
    private static string WriteGbkShapefile(TempFolder folder, bool withPrj = true, bool withCpg = true)
    {
        var toUtm = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, GaussKruger).MathTransform;
        double[] corner = toUtm.Transform(new[] { 104.06, 30.65 });
        var factory = new GeometryFactory();
        var features = new[] { ("春熙路街道", 0.0), ("合江亭街道", 1000.0) }.Select(n =>
        {
            var square = factory.ToGeometry(new Envelope(corner[0] + n.Item2, corner[0] + n.Item2 + 1000, corner[1], corner[1] + 1000));
            return new Feature(factory.CreateMultiPolygon(new[] { (Polygon)square }), new AttributesTable { { "name", n.Item1 }, { "code", 510104020000L + (long)n.Item2 } });
        }).ToArray();
        string shp = folder.File("jiedao.shp");
        Shapefile.WriteAllFeatures(features, shp, encoding: Encoding.GetEncoding("GBK"));
        File.Delete(Path.ChangeExtension(shp, ".prj"));
        File.Delete(Path.ChangeExtension(shp, ".cpg"));
        if (withPrj) File.WriteAllText(Path.ChangeExtension(shp, ".prj"), GaussKrugerPrj);
        if (withCpg) File.WriteAllText(Path.ChangeExtension(shp, ".cpg"), "GBK");
        return shp;
    }

    [Fact]
    public void Read_gbkAttributesAndProjectedPrj_givesChineseNamesInLonLat()
    {
        using var folder = new TempFolder();
        string shp = WriteGbkShapefile(folder);
        // The attribute file really holds GBK bytes, not UTF-8.
        byte[] dbf = File.ReadAllBytes(Path.ChangeExtension(shp, ".dbf"));
        Assert.True(Contains(dbf, Encoding.GetEncoding("GBK").GetBytes("春熙路")));
        Assert.False(Contains(dbf, Encoding.UTF8.GetBytes("春熙路")));

        var units = DatasetLayers.ReadSubdistricts(ShapefileLayer.Read(shp, InputCrs.Wgs84));

        Assert.Equal(new[] { "春熙路街道", "合江亭街道" }, units.Select(u => u.Name));
        Assert.Equal(510104020000L, units[0].Code);
        // The square's first corner was made from 104.06, 30.65: unprojected, it comes back there.
        Assert.Contains(units[0].Geometry.Coordinates, c => Math.Abs(c.X - 104.06) < 1e-6 && Math.Abs(c.Y - 30.65) < 1e-6);
        var area = new LocalProjection(104.07, 30.655).Project(units[0].Geometry).Area;
        Assert.InRange(area, 0.99e6, 1.01e6);
    }

    [Fact]
    public void Read_withoutPrj_takesLonLatAndAppliesTheInputCrs()
    {
        using var folder = new TempFolder();
        var factory = new GeometryFactory();
        string shp = folder.File("gcj.shp");
        var (gLon, gLat) = ChineseCoordinates.Wgs84ToGcj02(104.066, 30.657);
        Shapefile.WriteAllFeatures(new[] { new Feature(factory.CreatePoint(new Coordinate(gLon, gLat)), new AttributesTable { { "name", "驿站" } }) }, shp, encoding: Encoding.UTF8);
        File.Delete(Path.ChangeExtension(shp, ".prj"));

        var point = (Point)Assert.Single(ShapefileLayer.Read(shp, InputCrs.Parse("gcj02")).Features).Geometry;

        Assert.Equal(104.066, point.X, 6);
        Assert.Equal(30.657, point.Y, 6);
    }

    [Fact]
    public void Read_missingDbf_failsNamingTheFile()
    {
        using var folder = new TempFolder();
        string shp = WriteGbkShapefile(folder);
        File.Delete(Path.ChangeExtension(shp, ".dbf"));

        var error = Assert.Throws<GeoInputException>(() => ShapefileLayer.Read(shp, InputCrs.Wgs84));
        Assert.Contains("jiedao.dbf", error.Message);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length + 1).Any(i => haystack.AsSpan(i, needle.Length).SequenceEqual(needle));
}
