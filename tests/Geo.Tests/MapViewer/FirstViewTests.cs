using System.Net;
using System.Text.Json;
using Geo.MapViewer.Session;

namespace Geo.Tests.MapViewer;

/// <summary>
/// 'geo serve' listens before the first view's coverage is worked out: requests for that coverage wait for it and get
/// what a server that worked it out first answers; everything else is answered meanwhile; a failure is reported.
/// </summary>
public sealed class FirstViewTests : IDisposable
{
    private const double Minutes = ColdCity.Minutes;
    private static readonly (string Profile, double Minutes) FirstViewKey = (ColdCity.Profile, Minutes);
    private readonly ColdCity _city = new();

    public void Dispose() => _city.Dispose();

    [Fact]
    public async Task Requests_for_the_first_view_wait_for_it_and_everything_else_is_answered_meanwhile()
    {
        var warm = _city.Load(warmUp: true);
        await using var warmServer = await ColdCity.Serve(warm);
        var cold = _city.Load(warmUp: false);
        Assert.False(cold.HasAudit(FirstViewKey.Profile, FirstViewKey.Minutes));
        using var gate = new ManualResetEventSlim();
        // The first view's audit is held up until the test lets it go, so what the server does meanwhile is seen.
        var held = ColdCity.HoldAuditUntil(gate, cold, warm);
        await using var server = await ColdCity.Serve(cold);
        var warming = cold.WarmUpInBackground();

        var info = await server.Json("/api/info");
        Assert.Equal("working", info.GetProperty("first_view").GetProperty("state").GetString());
        Assert.Equal(Minutes, info.GetProperty("first_view").GetProperty("minutes").GetDouble());
        var audit = server.Client.GetStringAsync($"/api/audit?minutes={Minutes}");
        var (z, x, y) = TileOf(cold.Extent.Centre.X, cold.Extent.Centre.Y, 13);
        var coverageTile = server.Client.GetAsync($"/tiles/coverage/{z}/{x}/{y}.pbf");

        Assert.Equal(10, (await server.Json("/api/stations")).GetProperty("features").GetArrayLength());
        using (var streets = await server.Client.GetAsync($"/tiles/streets/{z}/{x}/{y}.pbf")) Assert.Equal(HttpStatusCode.OK, streets.StatusCode);
        var another = await server.Json("/api/audit?minutes=4");
        Assert.True(another.GetProperty("totals").ValueKind == JsonValueKind.Object, "another break's audit is worked out meanwhile");
        await Task.Delay(300);
        Assert.False(audit.IsCompleted, "the first view's audit was answered before it was worked out");
        Assert.False(coverageTile.IsCompleted, "a coverage tile of the first view was answered before it was worked out");

        gate.Set();
        await warming;
        await held;
        Assert.Equal(await warmServer.Client.GetStringAsync($"/api/audit?minutes={Minutes}"), await audit);
        using (var tile = await coverageTile)
        {
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
            using var warmTile = await warmServer.Client.GetAsync($"/tiles/coverage/{z}/{x}/{y}.pbf");
            Assert.Equal(await warmTile.Content.ReadAsByteArrayAsync(), await tile.Content.ReadAsByteArrayAsync());
        }
        var ready = (await server.Json("/api/info")).GetProperty("first_view");
        Assert.Equal("ready", ready.GetProperty("state").GetString());
        Assert.True(ready.GetProperty("seconds").GetDouble() >= 0.3, "the first view took at least as long as it was held up");
        Assert.True(cold.HasAudit(FirstViewKey.Profile, FirstViewKey.Minutes));
    }

    [Fact]
    public async Task A_first_view_that_fails_is_reported_and_a_request_works_it_out_again()
    {
        var cold = _city.Load(warmUp: false);
        using var gate = new ManualResetEventSlim();
        var held = ColdCity.HoldAudit(cold, () =>
        {
            gate.Wait(TimeSpan.FromSeconds(60));
            throw new GeoInputException("the demand layer went away");
        });
        await using var server = await ColdCity.Serve(cold);
        var warming = cold.WarmUpInBackground();
        // The failure comes once the first view waits for the held audit (its what-if base is then under way).
        while (cold.Cache.Count < 2) await Task.Delay(10);
        await Task.Delay(100);
        gate.Set();
        var failure = await Assert.ThrowsAsync<GeoInputException>(() => warming);
        Assert.Contains("demand layer went away", failure.Message);
        await Assert.ThrowsAsync<GeoInputException>(() => held);

        var state = (await server.Json("/api/info")).GetProperty("first_view");
        Assert.Equal("failed", state.GetProperty("state").GetString());
        Assert.Contains("demand layer went away", state.GetProperty("error").GetString());
        var audit = await server.Json($"/api/audit?minutes={Minutes}");
        Assert.Equal(JsonValueKind.Object, audit.GetProperty("totals").ValueKind);
    }

    [Fact]
    public async Task A_stations_popup_drawn_alone_is_what_the_whole_layer_draws_for_it()
    {
        var session = _city.Load(warmUp: true);
        await using var server = await ColdCity.Serve(session);
        Assert.False(session.HasBreakAreas(ColdCity.Profile, Minutes));
        var ids = session.Inputs.Stations.Select(s => s.Id).ToList();
        var alone = new List<string>();
        foreach (var id in ids) alone.Add(await server.Client.GetStringAsync($"/api/stations/{Uri.EscapeDataString(id)}"));
        Assert.False(session.HasBreakAreas(ColdCity.Profile, Minutes), "a popup should not draw every station's areas");

        var layer = session.BreakAreas(ColdCity.Profile, Minutes);
        foreach (var (id, body) in ids.Zip(alone))
        {
            Assert.Equal(await server.Client.GetStringAsync($"/api/stations/{Uri.EscapeDataString(id)}"), body);
            var drawnAlone = session.StationAreas(ColdCity.Profile, Minutes, id);
            Assert.Same(layer, drawnAlone);
        }
        var fresh = _city.Load(warmUp: false);
        foreach (var id in ids)
        {
            var one = fresh.StationAreas(ColdCity.Profile, Minutes, id).Areas;
            var all = layer.Areas.Where(a => a.StationId == id).ToList();
            Assert.Equal(all.Count, one.Count);
            for (int k = 0; k < all.Count; k++)
            {
                Assert.True(all[k].Area.EqualsExact(one[k].Area), $"station {id}, {all[k].Minutes} min: drawn alone differs from the layer");
                Assert.Equal(all[k].AreaKm2, one[k].AreaKm2);
                Assert.Equal(all[k].StreetKm, one[k].StreetKm);
            }
        }
    }

    [Fact]
    public async Task Waiting_applies_only_to_the_first_views_profile_and_break_and_never_faults()
    {
        var first = new FirstView("ebike", 15);
        int settled = 0;
        first.Settled += () => Interlocked.Increment(ref settled);
        using var gate = new ManualResetEventSlim();
        var work = first.RunInBackground(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(60));
            throw new InvalidOperationException("broken");
        }, TaskScheduler.Default);
        Assert.True(first.IsWorking);
        Assert.True(first.WaitIfWorkingAsync("walk", 15, default).IsCompleted);
        Assert.True(first.WaitIfWorkingAsync("ebike", 10, default).IsCompleted);
        var waiting = first.WaitIfWorkingAsync("EBIKE", 15, default);
        using (var cancel = new CancellationTokenSource())
        {
            var leaving = first.WaitIfWorkingAsync("ebike", 15, cancel.Token);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        }
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        gate.Set();
        await waiting;
        await Assert.ThrowsAsync<InvalidOperationException>(() => work);
        Assert.False(first.IsReady);
        Assert.Equal("broken", first.Failure!.Message);
        Assert.Equal(1, settled);
        first.Run(() => { });
        Assert.True(first.IsReady);
        Assert.Null(first.Failure);
        Assert.Equal(2, settled);
    }

    private static (int Z, int X, int Y) TileOf(double lon, double lat, int z)
    {
        double n = 1 << z, phi = lat * Math.PI / 180;
        int x = (int)Math.Floor((lon + 180) / 360 * n);
        int y = (int)Math.Floor((1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * n);
        return (z, x, y);
    }
}
