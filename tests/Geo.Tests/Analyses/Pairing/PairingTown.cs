using Geo.Data.Model;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Pairing;

/// <summary>Hand-made subdistricts, stations and POIs in the metres of <see cref="TestCity"/>.</summary>
internal static class PairingTown
{
    public static Subdistrict Square(long id, string name, double minX, double minY, double maxX, double maxY, int adminLevel = 8) =>
        new(id, name, adminLevel, Polygon((minX, minY), (maxX, minY), (maxX, maxY), (minX, maxY)));

    public static Polygon Polygon(params (double X, double Y)[] metres)
    {
        var ring = metres.Append(metres[0]).Select(m => { var (lon, lat) = TestCity.LonLat(m.X, m.Y); return new Coordinate(lon, lat); }).ToArray();
        return new Polygon(new LinearRing(ring)) { SRID = 4326 };
    }

    public static Station Station(string id, double x, double y) => new(id, id + "驿站", TestCity.PointAt(x, y));

    public static PointOfInterest Poi(long id, string? name, string? amenity, double x, double y) =>
        new(id, "node", name, amenity, null, null, null, null, TestCity.PointAt(x, y));
}
