using System.Globalization;
using Microsoft.Playwright;
using SkiaSharp;

namespace Geo.Tests.MapViewer;

/// <summary>
/// The map page end to end in headless Chromium against the real server: it draws, popups open and name things, a
/// what-if adds one station per click and draws only the coverage it adds, Reset restores the starting figures, and
/// the page speaks Chinese or English with the server's glossary and colours.
/// </summary>
[Collection("Viewer")]
public sealed class MapPageTests(ViewerServerFixture server, BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private ViewerPage _viewer = null!;
    private IPage Page => _viewer.Page;

    public async Task InitializeAsync()
    {
        _viewer = await ViewerPage.OpenAsync(browser, server.Address);
        await Page.WaitForFunctionAsync("() => !document.getElementById('coverage-figure').textContent.includes('…')", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
    }

    public async Task DisposeAsync() => await _viewer.CloseAsync();

    private Task<(float X, float Y)> ScreenPoint(double lon, double lat) => _viewer.ScreenPoint(lon, lat);

    private static double Percent(string text) =>
        double.Parse(text.Split('%')[0].Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_page_draws_a_map_from_the_servers_own_tiles_and_nothing_else()
    {
        var png = await Page.Locator("#map").ScreenshotAsync();
        using var bitmap = SKBitmap.Decode(png);
        var background = new SKColor(0xee, 0xf2, 0xf5);
        int drawn = 0, total = 0;
        var colours = new HashSet<SKColor>();
        for (int y = 0; y < bitmap.Height; y += 3)
        {
            for (int x = 0; x < bitmap.Width; x += 3)
            {
                var c = bitmap.GetPixel(x, y);
                total++;
                colours.Add(c);
                if (Math.Abs(c.Red - background.Red) + Math.Abs(c.Green - background.Green) + Math.Abs(c.Blue - background.Blue) > 24) drawn++;
            }
        }
        Assert.True(drawn > total / 20, $"only {drawn} of {total} sampled pixels differ from the empty background");
        Assert.True(colours.Count > 20, $"the map shows only {colours.Count} colours");
        Assert.Contains(_viewer.Requests, r => r.Contains("/tiles/streets/", StringComparison.Ordinal));
        Assert.All(_viewer.Requests, r => Assert.StartsWith(server.Address.ToString(), r));
        Assert.Empty(_viewer.Errors);
    }

    [Fact]
    public async Task Clicking_a_station_shows_its_popup_with_areas_and_paired_subdistricts()
    {
        var station = server.Session.Inputs.Stations[0];
        var (x, y) = await ScreenPoint(station.Geometry.X, station.Geometry.Y);
        await Page.Mouse.ClickAsync(x, y);
        var title = Page.Locator($"#popup h3[data-station='{station.Id}']");
        await title.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal(station.Name ?? station.Id, (await title.TextContentAsync())?.Trim());
        string popup = (await Page.Locator("#popup").TextContentAsync())!;
        Assert.Contains("服务圈", popup);
        Assert.Contains("结对: 街道", popup);
        Assert.DoesNotContain(station.Id, popup);
        Assert.Contains(server.Session.Audit("ebike", ViewerServerFixture.Minutes).Subdistricts.Select(s => s.Name), name => popup.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clicking_a_subdistrict_shows_its_coverage_figures()
    {
        var stations = server.Session.Inputs.Stations.Select(s => s.Geometry.Coordinate).ToList();
        var subdistrict = server.Session.Inputs.Subdistricts
            .Select(s => (s, Point: s.Geometry.InteriorPoint.Coordinate))
            .OrderByDescending(p => stations.Min(c => c.Distance(p.Point)))
            .First();
        var (x, y) = await ScreenPoint(subdistrict.Point.X, subdistrict.Point.Y);
        await Page.Mouse.ClickAsync(x, y);
        var title = Page.Locator($"#popup h3[data-subdistrict='{subdistrict.s.Id}']");
        await title.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal(subdistrict.s.Name, (await title.TextContentAsync())?.Trim());
        var expected = server.Session.Audit("ebike", ViewerServerFixture.Minutes).Subdistricts.First(r => r.Id == subdistrict.s.Id);
        string popup = (await Page.Locator("#popup").TextContentAsync())!;
        Assert.Contains(FormattableString.Invariant($"{expected.DemandShare * 100:0.0} %"), popup);
    }

    [Fact]
    public async Task A_what_if_station_in_the_largest_blind_spot_raises_the_coverage_figure()
    {
        string before = (await Page.Locator("#coverage-figure").TextContentAsync())!;
        var spot = server.Session.Audit("ebike", ViewerServerFixture.Minutes).BlindSpots[0];
        await Page.ClickAsync("#add-station");
        var (x, y) = await ScreenPoint(spot.Lon, spot.Lat);
        await Page.Mouse.ClickAsync(x, y);
        await Page.WaitForFunctionAsync("(before) => document.getElementById('coverage-figure').textContent !== before", before, new PageWaitForFunctionOptions { Timeout = 30_000 });
        string after = (await Page.Locator("#coverage-figure").TextContentAsync())!;
        Assert.True(Percent(after) > Percent(before), $"coverage {before} → {after}");
        Assert.Contains("ms", await Page.Locator("#whatif-status").TextContentAsync());
    }

    private async Task<string[]> Figures() =>
        (await Page.Locator("#figures strong").AllTextContentsAsync()).ToArray();

    private async Task AddStationAt(double lon, double lat)
    {
        string before = (await Page.Locator("#coverage-figure").InnerHTMLAsync())!;
        await Page.ClickAsync("#add-station");
        var (x, y) = await ScreenPoint(lon, lat);
        await Page.Mouse.ClickAsync(x, y);
        await Page.WaitForFunctionAsync("(before) => document.getElementById('coverage-figure').innerHTML !== before", before, new PageWaitForFunctionOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task Add_station_adds_one_station_per_click_and_then_stops_adding()
    {
        var spots = server.Session.Audit("ebike", ViewerServerFixture.Minutes).BlindSpots;
        await AddStationAt(spots[0].Lon, spots[0].Lat);
        Assert.False(await Page.EvaluateAsync<bool>("() => window.geoViewer.state.adding"));
        Assert.DoesNotContain("active", await Page.Locator("#add-station").GetAttributeAsync("class") ?? "");

        var other = spots.Count > 1 ? spots[1] : spots[0];
        var (x, y) = await ScreenPoint(other.Lon, other.Lat);
        await Page.Mouse.ClickAsync(x, y);
        await Page.WaitForTimeoutAsync(1500);
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.geoViewer.state.added.length"));
        Assert.Single(_viewer.Requests, r => r.EndsWith("/api/whatif", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reset_restores_the_starting_figures()
    {
        var start = await Figures();
        var spot = server.Session.Audit("ebike", ViewerServerFixture.Minutes).BlindSpots[0];
        await AddStationAt(spot.Lon, spot.Lat);
        Assert.NotEqual(start, await Figures());

        await Page.ClickAsync("#reset-whatif");
        Assert.Equal(start, await Figures());
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => window.geoViewer.state.added.length"));
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => window.geoViewer.whatIfFeatures().length"));
        Assert.False(await Page.EvaluateAsync<bool>("() => window.geoViewer.state.adding"));
    }

    [Fact]
    public async Task A_what_if_draws_only_the_coverage_it_adds()
    {
        var spot = server.Session.Audit("ebike", ViewerServerFixture.Minutes).BlindSpots[0];
        var (x0, y0) = await ScreenPoint(spot.Lon, spot.Lat);
        await Page.Mouse.MoveAsync(1, 1);
        var before = await Page.Locator("#map").ScreenshotAsync();
        await AddStationAt(spot.Lon, spot.Lat);
        await Page.Mouse.MoveAsync(1, 1);
        await Page.WaitForTimeoutAsync(500);
        var after = await Page.Locator("#map").ScreenshotAsync();

        var kinds = await Page.EvaluateAsync<string[]>("() => window.geoViewer.whatIfFeatures().map(f => f.getGeometry().getType() === 'Point' ? 'station' : f.get('kind'))");
        Assert.Equal(new[] { "station", "added_coverage" }, kinds.Order().Reverse().ToArray());
        // Every pixel the what-if changed lies within the added coverage's extent (the station's marker included).
        var box = await Page.EvaluateAsync<double[]>("() => window.geoViewer.whatIfPixelExtent()");
        using var a = SKBitmap.Decode(before);
        using var b = SKBitmap.Decode(after);
        int changed = 0, outside = 0;
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                SKColor p = a.GetPixel(x, y), q = b.GetPixel(x, y);
                if (Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue) <= 30) continue;
                changed++;
                if (x < box[0] - 12 || x > box[2] + 12 || y < box[1] - 12 || y > box[3] + 12) outside++;
            }
        }
        Assert.True(changed > 50, $"the what-if changed only {changed} pixels");
        Assert.True(outside <= changed / 100, $"{outside} of {changed} changed pixels lie outside the added coverage ({string.Join(", ", box)}), station at {x0}, {y0}");
    }

    [Fact]
    public async Task The_page_speaks_Chinese_first_for_Chinese_data_and_switches_to_English_with_the_glossary()
    {
        string Label(string term) => $"#figures [data-term='{term}']";
        Assert.Equal("道路覆盖率", await Page.Locator(Label("street_coverage")).TextContentAsync());
        Assert.Equal("面积覆盖率", await Page.Locator(Label("served_land")).TextContentAsync());
        Assert.Equal("需求覆盖率", await Page.Locator(Label("demand")).TextContentAsync());
        string header = (await Page.Locator("#dataset-name").TextContentAsync())!;
        Assert.Contains($"{server.Session.Inputs.Subdistricts.Count} 个街道", header);
        Assert.Contains(server.Session.Inputs.StationsFrom, await Page.Locator("#dataset-name").GetAttributeAsync("title"));
        Assert.Contains($"{server.Session.Inputs.Stations.Count} 个站点", header);
        Assert.Contains("盲区", await Page.Locator("#legend").TextContentAsync());
        var zhShot = await Page.ScreenshotAsync();

        await Page.ClickAsync("#lang-switch");
        await Page.WaitForFunctionAsync("() => document.querySelector(\"#figures [data-term='street_coverage']\").textContent === 'street coverage'");
        Assert.Equal("served land", await Page.Locator(Label("served_land")).TextContentAsync());
        Assert.Equal("en", await Page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Contains($"{server.Session.Inputs.Subdistricts.Count} subdistricts", await Page.Locator("#dataset-name").TextContentAsync());
        string legend = (await Page.Locator("#legend").TextContentAsync())!;
        foreach (var entry in Geo.Rendering.Style.MapStyle.Legend(Geo.Rendering.Words.OutputLanguage.En, ViewerServerFixture.Minutes, Geo.Rendering.Words.UnitKind.Subdistrict))
        {
            Assert.Contains(entry.Label, legend);
        }
        var enShot = await Page.ScreenshotAsync();
        using var zh = SKBitmap.Decode(zhShot);
        using var en = SKBitmap.Decode(enShot);
        Assert.Equal(zh.Width, en.Width);
        Assert.Empty(_viewer.Errors);
    }

    [Fact]
    public async Task The_legend_and_the_coverage_layer_use_the_styles_coverage_colour()
    {
        string swatch = (await Page.Locator("[data-legend='coverage'] .swatch").GetAttributeAsync("style"))!;
        Assert.Contains(Geo.Rendering.Style.MapStyle.Coverage.Css.Replace(" ", ""), swatch.Replace(" ", ""));
        Assert.Equal(Geo.Rendering.Style.MapStyle.Coverage.Css, await Page.EvaluateAsync<string>("() => window.geoViewer.palette.coverage"));
    }
}
