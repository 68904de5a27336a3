using System.Globalization;
using System.Text.Json;
using Geo.Analyses.Navigation;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Cli;

/// <summary>geo nearest as a user runs it, on a small synthetic city whose stations carry opening hours.</summary>
public class NearestCommandTests : IClassFixture<NearestCommandTests.City>
{
    public sealed class City : IDisposable
    {
        private readonly TempFolder _folder = new();
        public string Gpkg => _folder.File("city.gpkg");
        public string File(string name) => _folder.File(name);

        public City()
        {
            var result = GeoCli.Run("synth", "--vertices", "2000", "--stations", "30", "--out", Gpkg);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }

        public void Dispose() => _folder.Dispose();
    }

    private readonly City _city;

    public NearestCommandTests(City city) => _city = city;

    private static void AssertOneLineError(GeoCli.Result result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("geo: error:")).ToList();
        Assert.Single(errors);
        Assert.Contains(expected, errors[0]);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Nearest_geojson_equalsTheEngineAndCarriesRoutesAndSteps()
    {
        var result = GeoCli.Run("nearest", "--data", _city.Gpkg, "--from", "104.066,30.657", "--k", "3", "--at", "2026-12-02T21:30", "--format", "geojson");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Asia/Shanghai", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var routes = json.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "route").ToList();
        Assert.Equal(3, routes.Count);

        using var store = new GeoPackageStore(_city.Gpkg, create: false);
        var dataset = DatasetLayers.Read(store);
        var navigator = new StationNavigator(new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"))), dataset.Stations);
        var expected = navigator.Nearest(104.066, 30.657, new NearestStationQuery(3, new DateTime(2026, 12, 2, 21, 30, 0)));
        for (int i = 0; i < 3; i++)
        {
            var p = routes[i].GetProperty("properties");
            Assert.Equal(expected.Routes[i].Station.Id, p.GetProperty("station_id").GetString());
            Assert.Equal(expected.Routes[i].Route.Meters, p.GetProperty("meters").GetDouble(), 0);
            Assert.Equal(expected.Routes[i].Route.Seconds, p.GetProperty("seconds").GetDouble(), 0);
            Assert.Equal(expected.Routes[i].Route.Steps.Count, p.GetProperty("steps").GetArrayLength());
            Assert.StartsWith("沿 ", p.GetProperty("summary_zh").GetString());
        }
    }

    [Fact]
    public void Nearest_csvOfPoints_givesOneRowPerPointWithTheReasonWhenNone()
    {
        string points = _city.File("riders.csv");
        File.WriteAllText(points, "id,lon,lat\nr1,104.066,30.657\nr2,104.07,30.66\nfar,104.5,30.66\n");
        var result = GeoCli.Run("nearest", "--data", _city.Gpkg, "--from", points, "--at", "any");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("point_id,lon,lat,station_id,station_name,minutes,meters", lines[0]);
        Assert.StartsWith("r1,", lines[1]);
        Assert.Matches(@"^r2,[^,]+,[^,]+,S\d{4},[^,]+,\d+\.\d\d,\d+\.\d,", lines[2]);
        Assert.StartsWith("far,", lines[3]);
        Assert.Contains("outside the streets' extent", lines[3]);
        Assert.Contains("2 of 3 points", result.Stderr);
    }

    [Fact]
    public void Nearest_allClosed_saysWhenTheNearestOpens()
    {
        string stations = _city.File("office.csv");
        File.WriteAllText(stations, "id,name,lon,lat,opening_hours\nA,街道办,104.0662,30.6571,Mo-Fr 08:00-20:00\nB,坏时间,104.0800,30.6700,weekdays\n");
        // 2026-12-05 is a Saturday.
        var result = GeoCli.Run("nearest", "--data", _city.Gpkg, "--stations", stations, "--from", "104.066,30.657", "--at", "2026-12-05T10:00");
        AssertOneLineError(result, "is closed: it opens 2026-12-07 08:00");
        Assert.Contains("geo: warning: station B is never taken as open", result.Stderr);
    }

    [Theory]
    [InlineData("--k", "0", "k must be between 1 and 10")]
    [InlineData("--at", "tomorrow", "--at 'tomorrow' is not a date and time")]
    [InlineData("--profile", "horse", "unknown profile 'horse'")]
    [InlineData("--time-zone", "Mars/Olympus", "time zone 'Mars/Olympus' is unknown")]
    [InlineData("--max-minutes", "500", "at most 120 minutes")]
    public void Nearest_badOption_isOneErrorLine(string option, string value, string expected)
    {
        AssertOneLineError(GeoCli.Run("nearest", "--data", _city.Gpkg, "--from", "104.066,30.657", option, value), expected);
    }

    [Fact]
    public void Nearest_offTheNetwork_saysHowFarTheNearestStreetIs()
    {
        var result = GeoCli.Run("nearest", "--data", _city.Gpkg, "--from", string.Create(CultureInfo.InvariantCulture, $"104.066,{30.679 + 0.009}"));
        AssertOneLineError(result, "off the network");
        Assert.Matches(@"is \d+ m away \(limit 300 m\)", result.Stderr);
    }
}
