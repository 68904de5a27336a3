using System.Globalization;
using Microsoft.Playwright;
using SkiaSharp;

namespace Geo.Tests.MapViewer;

/// <summary>The map page end to end in headless Chromium against the real server: it draws, popups open, what-if changes the figure.</summary>
[Collection("Viewer")]
public sealed class MapPageTests(ViewerServerFixture server, BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private IPage _page = null!;
    private readonly List<string> _requests = new();
    private readonly List<string> _errors = new();

    public async Task InitializeAsync()
    {
        _page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });
        _page.Request += (_, r) => _requests.Add(r.Url);
        _page.PageError += (_, e) => _errors.Add(e);
        await _page.GotoAsync(server.Address.ToString());
        await _page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await _page.WaitForFunctionAsync("() => !document.getElementById('coverage-figure').textContent.includes('…')", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
    }

    public async Task DisposeAsync() => await _page.CloseAsync();

    private async Task<(float X, float Y)> ScreenPoint(double lon, double lat)
    {
        var pixel = await _page.EvaluateAsync<double[]>("([lon, lat]) => window.geoViewer.pixelOf(lon, lat)", new[] { lon, lat });
        var box = (await _page.Locator("#map").BoundingBoxAsync())!;
        return ((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));
    }

    private static double Percent(string text) =>
        double.Parse(text.Split('%')[0].Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_page_draws_a_map_from_the_servers_own_tiles_and_nothing_else()
    {
        var png = await _page.Locator("#map").ScreenshotAsync();
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
        Assert.Contains(_requests, r => r.Contains("/tiles/streets/", StringComparison.Ordinal));
        Assert.All(_requests, r => Assert.StartsWith(server.Address.ToString(), r));
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task Clicking_a_station_shows_its_popup_with_areas_and_paired_subdistricts()
    {
        var station = server.Session.Inputs.Stations[0];
        var (x, y) = await ScreenPoint(station.Geometry.X, station.Geometry.Y);
        await _page.Mouse.ClickAsync(x, y);
        var title = _page.Locator($"#popup h3[data-station='{station.Id}']");
        await title.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal(station.Name ?? station.Id, (await title.TextContentAsync())?.Trim());
        string popup = (await _page.Locator("#popup").TextContentAsync())!;
        Assert.Contains("Service areas", popup);
        Assert.Contains("Paired subdistricts", popup);
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
        await _page.Mouse.ClickAsync(x, y);
        var title = _page.Locator($"#popup h3[data-subdistrict='{subdistrict.s.Id}']");
        await title.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal(subdistrict.s.Name, (await title.TextContentAsync())?.Trim());
        var expected = server.Session.Audit("ebike", ViewerServerFixture.Minutes).Subdistricts.First(r => r.Id == subdistrict.s.Id);
        string popup = (await _page.Locator("#popup").TextContentAsync())!;
        Assert.Contains(FormattableString.Invariant($"{expected.DemandShare * 100:0.0} %"), popup);
    }

    [Fact]
    public async Task A_what_if_station_in_the_largest_blind_spot_raises_the_coverage_figure()
    {
        string before = (await _page.Locator("#coverage-figure").TextContentAsync())!;
        var spot = server.Session.Audit("ebike", ViewerServerFixture.Minutes).BlindSpots[0];
        await _page.ClickAsync("#add-station");
        var (x, y) = await ScreenPoint(spot.Lon, spot.Lat);
        await _page.Mouse.ClickAsync(x, y);
        await _page.WaitForFunctionAsync("(before) => document.getElementById('coverage-figure').textContent !== before", before, new PageWaitForFunctionOptions { Timeout = 30_000 });
        string after = (await _page.Locator("#coverage-figure").TextContentAsync())!;
        Assert.True(Percent(after) > Percent(before), $"coverage {before} → {after}");
        Assert.Contains("ms", await _page.Locator("#whatif-status").TextContentAsync());
    }
}
