using System.Text.Json;
using Geo.Analyses.Coverage;
using Geo.Cli.Commands;
using Geo.Coordinates;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.MapViewer;
using Geo.MapViewer.Session;
using Microsoft.AspNetCore.Builder;

namespace Geo.Tests.MapViewer;

/// <summary>
/// A generated city (2,000 junctions, 10 stations, 5-minute e-bike first view) loaded as 'geo serve' loads it, either
/// with the first view worked out before listening or not, and a way to hold the first view's audit up until a test
/// lets it go, so what a server does while it works the first view out can be seen.
/// </summary>
public sealed class ColdCity : IDisposable
{
    public const string Profile = "ebike";
    public const double Minutes = 5;
    private readonly TempFolder _folder = new();
    private readonly string _gpkg;

    public ColdCity()
    {
        _gpkg = _folder.File("city.gpkg");
        using var store = new GeoPackageStore(_gpkg, create: true);
        store.WriteLayers(DatasetLayers.ToLayers(SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2000, Stations: 10, Seed: 3))));
    }

    public ViewerSession Load(bool warmUp) =>
        ServeCommand.Load(_gpkg, null, null, Array.Empty<string>(), Profile, Minutes, 300, InputCrs.Parse("wgs84"), warmUp: warmUp).Session;

    /// <summary>Starts computing the first view's audit on another thread with the given work, and returns once it is under way.</summary>
    public static Task<AuditResult> HoldAudit(ViewerSession session, Func<AuditResult> work)
    {
        var started = new TaskCompletionSource();
        var held = Task.Run(() => session.Cache.GetOrAdd(("audit", Profile, Minutes), _ =>
        {
            started.SetResult();
            return work();
        }, _ => 1, CancellationToken.None, pin: true));
        Task.WaitAny(started.Task, held);
        return held;
    }

    /// <summary>Holds the first view's audit of <paramref name="cold"/> until <paramref name="gate"/> opens, then gives it <paramref name="warm"/>'s.</summary>
    public static Task<AuditResult> HoldAuditUntil(ManualResetEventSlim gate, ViewerSession cold, ViewerSession warm) =>
        HoldAudit(cold, () =>
        {
            gate.Wait(TimeSpan.FromSeconds(60));
            return warm.Audit(Profile, Minutes);
        });

    public static async Task<LoopbackServer> Serve(ViewerSession session)
    {
        var app = ViewerServer.Build(session, "127.0.0.1", 0, quiet: true);
        await app.StartAsync();
        return new LoopbackServer(app, ViewerServer.Address(app));
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>A viewer server started in this process on a free loopback port.</summary>
public sealed class LoopbackServer(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;
    public HttpClient Client { get; } = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<JsonElement> Json(string path)
    {
        using var response = await Client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
