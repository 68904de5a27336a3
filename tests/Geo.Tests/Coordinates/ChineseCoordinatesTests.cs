using Geo.Coordinates;

namespace Geo.Tests.Coordinates;

public class ChineseCoordinatesTests
{
    private static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        double dy = (lat2 - lat1) * 111_320, dx = (lon2 - lon1) * 111_320 * Math.Cos(lat1 * Math.PI / 180);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    [Theory]
    [InlineData(104.066, 30.657)]
    [InlineData(121.4737, 31.2304)]
    [InlineData(116.3974, 39.9092)]
    [InlineData(113.2644, 23.1291)]
    public void Gcj02_roundTrip_errorBelowOneMillimetre(double lon, double lat)
    {
        var (gLon, gLat) = ChineseCoordinates.Wgs84ToGcj02(lon, lat);
        var (wLon, wLat) = ChineseCoordinates.Gcj02ToWgs84(gLon, gLat);

        double offset = Metres(lon, lat, gLon, gLat);
        Assert.InRange(offset, 100, 1000); // the published offset is a few hundred metres inside China
        Assert.True(Metres(lon, lat, wLon, wLat) < 0.001, $"round trip error {Metres(lon, lat, wLon, wLat)} m");
    }

    [Theory]
    [InlineData(104.066, 30.657)]
    [InlineData(121.4737, 31.2304)]
    public void Bd09_roundTrip_errorBelowOneMillimetre(double lon, double lat)
    {
        var (bLon, bLat) = ChineseCoordinates.Wgs84ToBd09(lon, lat);
        var (wLon, wLat) = ChineseCoordinates.Bd09ToWgs84(bLon, bLat);

        Assert.InRange(Metres(lon, lat, bLon, bLat), 300, 2000);
        Assert.True(Metres(lon, lat, wLon, wLat) < 0.001, $"round trip error {Metres(lon, lat, wLon, wLat)} m");
    }

    [Fact]
    public void Wgs84ToGcj02_outsideChina_isUnchanged()
    {
        Assert.Equal((9.52, 47.14), ChineseCoordinates.Wgs84ToGcj02(9.52, 47.14));
    }

    [Fact]
    public void InputCrs_gcj02_convertsToWgs84()
    {
        var (gLon, gLat) = ChineseCoordinates.Wgs84ToGcj02(104.066, 30.657);
        var (lon, lat) = InputCrs.Parse("gcj02").ToWgs84(gLon, gLat);
        Assert.Equal(104.066, lon, 8);
        Assert.Equal(30.657, lat, 8);
    }

    [Fact]
    public void InputCrs_utm_convertsToWgs84()
    {
        var projection = new LocalProjection(105, 0); // UTM 48N's central meridian, scale 1 instead of 0.9996
        var (x, y) = projection.Project(104.066, 30.657);
        var (lon, lat) = InputCrs.Parse("EPSG:32648").ToWgs84(500_000 + x * 0.9996, y * 0.9996);
        Assert.Equal(104.066, lon, 6);
        Assert.Equal(30.657, lat, 6);
    }

    [Theory]
    [InlineData("EPSG:2000")]
    [InlineData("mars")]
    public void InputCrs_unknown_isRefused(string crs)
    {
        Assert.Throws<GeoInputException>(() => InputCrs.Parse(crs));
    }
}
