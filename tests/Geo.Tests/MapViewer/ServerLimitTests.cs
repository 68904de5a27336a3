using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Geo.Tests.MapViewer;

/// <summary>The limit on heavy computations: with every slot taken, heavy requests get 503 with Retry-After while light ones are served.</summary>
[Collection("Viewer")]
public sealed class ServerLimitTests(ViewerServerFixture server)
{
    [Fact]
    public async Task Heavy_requests_beyond_the_limit_get_503_with_Retry_After()
    {
        var limits = server.Limits;
        for (int i = 0; i < limits.Computations; i++) await limits.Slots.WaitAsync();
        try
        {
            var (lon, lat) = (server.Session.Extent.Centre.X, server.Session.Extent.Centre.Y);
            using var isochrone = await server.Client.PostAsJsonAsync("/api/isochrones", new { locations = new[] { new[] { lon, lat } } });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, isochrone.StatusCode);
            Assert.Equal("application/problem+json", isochrone.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(2), isochrone.Headers.RetryAfter?.Delta);
            Assert.Contains("heavy computations", JsonDocument.Parse(await isochrone.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());

            using var newBreak = await server.Client.GetAsync("/api/audit?minutes=7.77");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, newBreak.StatusCode);
            Assert.NotNull(newBreak.Headers.RetryAfter);

            using var info = await server.Client.GetAsync("/api/info");
            Assert.Equal(HttpStatusCode.OK, info.StatusCode);
            using var cached = await server.Client.GetAsync($"/api/audit?minutes={ViewerServerFixture.Minutes}");
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }
        finally
        {
            limits.Slots.Release(limits.Computations);
        }
        using var after = await server.Client.GetAsync("/api/audit?minutes=7.77");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
