using System.Globalization;
using Geo.Analyses.Navigation;
using Microsoft.Playwright;

namespace Geo.Tests.MapViewer;

/// <summary>The map page's "find nearest station" mode in headless Chromium: one click draws the route and lists the steps the engine gives.</summary>
[Collection("Viewer")]
public sealed class NearestMapPageTests(ViewerServerFixture server, BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private ViewerPage _viewer = null!;

    public async Task InitializeAsync() => _viewer = await ViewerPage.OpenAsync(browser, server.Address);

    public async Task DisposeAsync() => await _viewer.CloseAsync();

    [Fact]
    public async Task Find_nearest_station_draws_the_route_and_lists_the_engines_steps()
    {
        var page = _viewer.Page;
        await page.UncheckAsync("#nearest-open");
        await page.ClickAsync("#find-nearest");
        await _viewer.ClickAt(104.066, 30.657);
        await page.WaitForSelectorAsync("#nearest-status b[data-station]", new PageWaitForSelectorOptions { Timeout = 30_000 });

        var asked = new Uri(_viewer.Requests.Single(r => r.Contains("/api/nearest?", StringComparison.Ordinal)));
        var query = System.Web.HttpUtility.ParseQueryString(asked.Query);
        Assert.Equal("any", query["at"]);
        double lon = double.Parse(query["lon"]!, CultureInfo.InvariantCulture), lat = double.Parse(query["lat"]!, CultureInfo.InvariantCulture);
        var expected = new StationNavigator(server.Session.Snapper("ebike"), server.Session.Inputs.Stations).Nearest(lon, lat, new NearestStationQuery()).Routes[0];

        Assert.Equal(expected.Station.Id, await page.GetAttributeAsync("#nearest-status b[data-station]", "data-station"));
        var steps = await page.Locator("#nearest-steps li").AllTextContentsAsync();
        Assert.Equal(expected.Route.Steps.Select(s => s.Zh), steps);
        var kinds = await page.EvaluateAsync<string[]>("() => window.geoViewer.nearestFeatures().map(f => f.getGeometry().getType())");
        Assert.Contains("LineString", kinds);
        Assert.False(await page.EvaluateAsync<bool>("() => document.getElementById('find-nearest').classList.contains('active')"));
        Assert.Empty(_viewer.Errors);
    }
}
