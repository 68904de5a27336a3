using System.Globalization;
using Geo.Analyses.Navigation;
using Microsoft.Playwright;

namespace Geo.Tests.MapViewer;

/// <summary>The map page's "find nearest station" mode in headless Chromium: one click draws the route and lists the steps the engine gives.</summary>
[Collection("Viewer")]
public sealed class NearestMapPageTests(ViewerServerFixture server, BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
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
    }

    public async Task DisposeAsync() => await _page.CloseAsync();

    [Fact]
    public async Task Find_nearest_station_draws_the_route_and_lists_the_engines_steps()
    {
        await _page.UncheckAsync("#nearest-open");
        await _page.ClickAsync("#find-nearest");
        var pixel = await _page.EvaluateAsync<double[]>("([lon, lat]) => window.geoViewer.pixelOf(lon, lat)", new[] { 104.066, 30.657 });
        var box = (await _page.Locator("#map").BoundingBoxAsync())!;
        await _page.Mouse.ClickAsync((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));
        await _page.WaitForSelectorAsync("#nearest-status b[data-station]", new PageWaitForSelectorOptions { Timeout = 30_000 });

        var asked = new Uri(_requests.Single(r => r.Contains("/api/nearest?", StringComparison.Ordinal)));
        var query = System.Web.HttpUtility.ParseQueryString(asked.Query);
        Assert.Equal("any", query["at"]);
        double lon = double.Parse(query["lon"]!, CultureInfo.InvariantCulture), lat = double.Parse(query["lat"]!, CultureInfo.InvariantCulture);
        var expected = new StationNavigator(server.Session.Snapper("ebike"), server.Session.Inputs.Stations).Nearest(lon, lat, new NearestStationQuery()).Routes[0];

        Assert.Equal(expected.Station.Id, await _page.GetAttributeAsync("#nearest-status b[data-station]", "data-station"));
        var steps = await _page.Locator("#nearest-steps li").AllTextContentsAsync();
        Assert.Equal(expected.Route.Steps.Select(s => s.Zh), steps);
        var kinds = await _page.EvaluateAsync<string[]>("() => window.geoViewer.nearestFeatures().map(f => f.getGeometry().getType())");
        Assert.Contains("LineString", kinds);
        Assert.False(await _page.EvaluateAsync<bool>("() => document.getElementById('find-nearest').classList.contains('active')"));
        Assert.Empty(_errors);
    }
}
