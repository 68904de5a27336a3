using Geo.Streets;

namespace Geo.Tests.Streets;

public class TravelProfileTests
{
    [Theory]
    [InlineData("walk", "motorway", false)]
    [InlineData("walk", "footway", true)]
    [InlineData("ebike", "trunk", false)]
    [InlineData("ebike", "footway", false)]
    [InlineData("ebike", "cycleway", true)]
    [InlineData("car", "footway", false)]
    [InlineData("car", "motorway", true)]
    public void Allows_byRoadClass(string profile, string highway, bool expected)
    {
        var tags = new Dictionary<string, string> { ["highway"] = highway };
        Assert.Equal(expected, TravelProfile.BuiltIn(profile).Allows(tags));
    }

    [Fact]
    public void Allows_accessTagOverridesRoadClass()
    {
        var walk = TravelProfile.BuiltIn("walk");
        Assert.False(walk.Allows(new Dictionary<string, string> { ["highway"] = "residential", ["access"] = "private" }));
        Assert.True(walk.Allows(new Dictionary<string, string> { ["highway"] = "residential", ["access"] = "private", ["foot"] = "yes" }));
        Assert.False(TravelProfile.BuiltIn("ebike").Allows(new Dictionary<string, string> { ["highway"] = "primary", ["bicycle"] = "no" }));
    }

    [Fact]
    public void Load_unknownProfile_listsTheKnownOnes()
    {
        var error = Assert.Throws<GeoInputException>(() => TravelProfile.Load("horse"));
        Assert.Contains("walk, ebike, car", error.Message);
    }

    [Fact]
    public void LoadInBackground_givesWhatLoadGivesAndThrowsWhatLoadThrows()
    {
        var loaded = TravelProfile.LoadInBackground("car")();
        var expected = TravelProfile.Load("car");
        Assert.Equal((expected.Name, expected.DefaultSpeedKmh, expected.LateralMeters), (loaded.Name, loaded.DefaultSpeedKmh, loaded.LateralMeters));
        Assert.Equal(expected.SpeedsKmh.OrderBy(p => p.Key), loaded.SpeedsKmh.OrderBy(p => p.Key));

        // An unknown name is refused when asked, not when the profile is first needed.
        Assert.Contains("walk, ebike, car", Assert.Throws<GeoInputException>(() => TravelProfile.LoadInBackground("horse")).Message);

        using var folder = new TempFolder();
        string bad = folder.File("bad.json");
        File.WriteAllText(bad, "{ \"name\": \"x\", ");
        var later = TravelProfile.LoadInBackground(bad);
        Assert.Contains("bad.json", Assert.Throws<GeoInputException>(() => later()).Message);
    }

    [Fact]
    public void Parse_malformedJson_saysWhere()
    {
        var error = Assert.Throws<GeoInputException>(() => TravelProfile.Parse("{ \"name\": \"x\", ", "bad.json"));
        Assert.Contains("bad.json", error.Message);
    }

    [Fact]
    public void SpeedKmh_carUsesMaxspeed()
    {
        var car = TravelProfile.BuiltIn("car");
        var city = new TestCity().Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, highway: "primary");
        var street = city.Streets[0] with { MaxSpeedKmh = 60 };
        Assert.Equal(60, car.SpeedKmh(street));
        Assert.Equal(40, car.SpeedKmh(street with { MaxSpeedKmh = null }));
    }
}
