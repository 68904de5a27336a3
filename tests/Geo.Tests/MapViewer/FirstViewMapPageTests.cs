using Microsoft.Playwright;

namespace Geo.Tests.MapViewer;

/// <summary>
/// The map page opened while the server still works out the first view: it draws the streets and stations, says the
/// coverage is being worked out, and shows the figures once they are ready.
/// </summary>
public sealed class FirstViewMapPageTests(BrowserSession browser) : IClassFixture<BrowserSession>, IDisposable
{
    private readonly ColdCity _city = new();

    public void Dispose() => _city.Dispose();

    [Fact]
    public async Task The_page_opens_before_the_coverage_is_ready_and_says_so()
    {
        var warm = _city.Load(warmUp: true);
        var cold = _city.Load(warmUp: false);
        using var gate = new ManualResetEventSlim();
        var held = ColdCity.HoldAuditUntil(gate, cold, warm);
        await using var server = await ColdCity.Serve(cold);
        var warming = cold.WarmUpInBackground();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        try
        {
            await page.GotoAsync(new Uri(server.Address, "?lang=en").ToString());
            var status = page.Locator("#whatif-status");
            await Assertions.Expect(status).ToContainTextAsync("Working out today's coverage", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
            await page.WaitForFunctionAsync("() => document.querySelectorAll('canvas').length > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            Assert.Equal("…", await page.Locator("#coverage-figure").TextContentAsync());

            gate.Set();
            await warming;
            await held;
            await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            Assert.Contains("%", await page.Locator("#coverage-figure").TextContentAsync());
            await Assertions.Expect(status).ToHaveTextAsync("Click \"Add a station\", then click the map once.");
            Assert.Empty(errors);
        }
        finally
        {
            gate.Set();
            await page.CloseAsync();
        }
    }
}
