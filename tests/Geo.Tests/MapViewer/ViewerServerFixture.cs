using System.Net.Http.Json;
using System.Text.Json;
using Geo.Cli.Commands;
using Geo.Coordinates;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.MapViewer;
using Geo.MapViewer.Api;
using Geo.MapViewer.Session;
using Microsoft.AspNetCore.Builder;

namespace Geo.Tests.MapViewer;

/// <summary>
/// A real Kestrel server on loopback (a free port) serving a small generated city with a 5-minute e-bike break, so
/// coverage is partial and blind spots exist. Shared by the API and browser tests.
/// </summary>
public sealed class ViewerServerFixture : IAsyncLifetime
{
    public const double Minutes = 5;
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public ViewerSession Session { get; private set; } = null!;

    /// <summary>Two heavy computations at once, and a short wait for a slot, so tests can fill the slots and see 503.</summary>
    public ServerLimits Limits { get; } = ServerLimits.Default with { Computations = 2, QueueWait = TimeSpan.FromMilliseconds(200) };

    public async Task InitializeAsync()
    {
        string gpkg = _folder.File("city.gpkg");
        using (var store = new GeoPackageStore(gpkg, create: true))
        {
            store.WriteLayers(DatasetLayers.ToLayers(SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 2000, Stations: 10, Seed: 3))));
        }
        Session = ServeCommand.Load(gpkg, null, null, Array.Empty<string>(), "ebike", Minutes, 300, InputCrs.Parse("wgs84")).Session;
        _app = ViewerServer.Build(Session, "127.0.0.1", 0, quiet: true, Limits);
        await _app.StartAsync();
        Address = ViewerServer.Address(_app);
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _folder.Dispose();
    }

    public async Task<JsonElement> GetJson(string path)
    {
        using var response = await Client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> PostJson(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

[CollectionDefinition("Viewer")]
public sealed class ViewerCollection : ICollectionFixture<ViewerServerFixture>;
