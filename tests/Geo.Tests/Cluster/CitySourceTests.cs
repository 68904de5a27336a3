using Geo.Cluster.Cities;
using Geo.Cluster.Front;
using Geo.Cluster.Grains;

namespace Geo.Tests.Cluster;

public class CitySourceTests
{
    [Fact]
    public void ParseList_postgisConnectionStrings_keepTheirSemicolonsAndSplitOnlyBeforeAName()
    {
        var cities = CitySource.ParseList("chengdu=postgis:Host=10.0.0.5;Port=5432;Username=geo;Database=geo;Schema=chengdu, andorra=/data/andorra.gpkg,li-2=postgis:Host=h;Options=-c a=1,b;Schema=li");
        Assert.Equal(new[] { "chengdu", "andorra", "li-2" }, cities.Select(c => c.Name));
        Assert.Equal("postgis:Host=10.0.0.5;Port=5432;Username=geo;Database=geo;Schema=chengdu", cities[0].Data);
        Assert.Equal("/data/andorra.gpkg", cities[1].Data);
        // ",b;" is no name=…, so the comma stays inside the third source.
        Assert.Equal("postgis:Host=h;Options=-c a=1,b;Schema=li", cities[2].Data);
    }

    [Theory]
    [InlineData("Chengdu=a.gpkg", "must be lower-case")]
    [InlineData("a=x.gpkg,a=y.gpkg", "named twice")]
    [InlineData("a=", "has no data")]
    [InlineData("../x=a.gpkg", "must be lower-case")]
    [InlineData(" ", "at least one city")]
    public void ParseList_badLists_sayWhatIsWrong(string text, string said)
    {
        var e = Assert.Throws<GeoInputException>(() => CitySource.ParseList(text));
        Assert.Contains(said, e.Message);
    }

    [Theory]
    [InlineData("GET", "/api/audit", "?profile=walk&minutes=10", null, "walk")]
    [InlineData("POST", "/api/isochrones", "", "{\"locations\": [[1, 2]], \"profile\": \"car\"}", "car")]
    [InlineData("POST", "/v2/isochrones/foot-walking", "", "{\"locations\": [[1, 2]]}", "walk")]
    [InlineData("POST", "/api/isochrones", "", "{\"profile\": \"bicycle\"}", "ebike")]
    [InlineData("POST", "/api/isochrones", "", "{not json", "ebike")]
    [InlineData("GET", "/api/info", "", null, "ebike")]
    public void RequestProfile_comesFromQueryBodyOrPath_elseTheDefault(string method, string path, string query, string? body, string profile)
    {
        var request = new CityRequest(method, path, query, body is null ? null : "application/json",
            body is null ? Array.Empty<byte>() : System.Text.Encoding.UTF8.GetBytes(body), new Dictionary<string, string>());
        Assert.Equal(profile, RequestProfile.Of(request, "ebike"));
    }
}
