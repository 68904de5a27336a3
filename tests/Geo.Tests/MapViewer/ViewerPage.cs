using Microsoft.Playwright;

namespace Geo.Tests.MapViewer;

/// <summary>
/// One map page opened on the test server and ready to use: it records every request the page makes and every script
/// error it raises, and turns a lon/lat into the screen point to click.
/// </summary>
public sealed class ViewerPage
{
    private ViewerPage(IPage page) => Page = page;

    public IPage Page { get; }
    public List<string> Requests { get; } = new();
    public List<string> Errors { get; } = new();

    public static async Task<ViewerPage> OpenAsync(BrowserSession browser, Uri address)
    {
        var page = new ViewerPage(await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } }));
        page.Page.Request += (_, r) => page.Requests.Add(r.Url);
        page.Page.PageError += (_, e) => page.Errors.Add(e);
        await page.Page.GotoAsync(address.ToString());
        await page.Page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return page;
    }

    public async Task<(float X, float Y)> ScreenPoint(double lon, double lat)
    {
        var pixel = await Page.EvaluateAsync<double[]>("([lon, lat]) => window.geoViewer.pixelOf(lon, lat)", new[] { lon, lat });
        var box = (await Page.Locator("#map").BoundingBoxAsync())!;
        return ((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]));
    }

    public async Task ClickAt(double lon, double lat)
    {
        var (x, y) = await ScreenPoint(lon, lat);
        await Page.Mouse.ClickAsync(x, y);
    }

    public Task CloseAsync() => Page.CloseAsync();
}
