using Geo.Coordinates;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Data.PostGis;
using Geo.Data.Synthetic;
using Geo.MapViewer;
using Geo.MapViewer.Session;
using Geo.Tests.PostGis;
using Microsoft.AspNetCore.Builder;

namespace Geo.Tests.Cluster;

/// <summary>
/// The cities the cluster tests serve: a small generated city and Andorra in GeoPackages, Liechtenstein in a
/// PostGIS schema, and a "city" whose file is not a GeoPackage. Each real city also runs as a single-city server
/// in this process, the reference every silo's answer is compared with.
/// </summary>
public sealed class ClusterCities : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<WebApplication> _servers = new();

    public PostGisServer Database { get; } = new();

    /// <summary>name=source pairs for --cities.</summary>
    public Dictionary<string, string> Sources { get; } = new();

    /// <summary>The single-city server of each real city.</summary>
    public Dictionary<string, HttpClient> Reference { get; } = new();

    public Dictionary<string, ViewerSession> Sessions { get; } = new();

    public string Membership => Database.ConnectionString;

    public string CitiesOption => string.Join(",", Sources.Select(s => $"{s.Key}={s.Value}"));

    public static async Task<ClusterCities> Create(int syntheticVertices = 2000, bool withExtracts = true)
    {
        var cities = new ClusterCities();
        string town = cities._folder.File("town.gpkg");
        using (var store = new GeoPackageStore(town, create: true))
        {
            store.WriteLayers(DatasetLayers.ToLayers(SyntheticCity.Generate(new SyntheticCityOptions(Vertices: syntheticVertices, Stations: 10, Seed: 5))));
        }
        cities.Sources["town"] = town;
        if (withExtracts)
        {
            string andorra = cities._folder.File("andorra.gpkg");
            using (var store = new GeoPackageStore(andorra, create: true))
            {
                store.WriteLayers(DatasetLayers.ToLayers(new OsmPbfImporter().Import(RepoPaths.SharedDataset("andorra.osm.pbf")).Dataset));
            }
            cities.Sources["andorra"] = andorra;
            var schema = cities.Database.NewSchema("cluster_li");
            new PostGisStore(schema).WriteLayers(DatasetLayers.ToLayers(new OsmPbfImporter().Import(RepoPaths.SharedDataset("liechtenstein.osm.pbf")).Dataset));
            cities.Sources["liechtenstein"] = $"postgis:{schema.ConnectionString};Schema={schema.Schema}";
        }
        string broken = cities._folder.File("broken.gpkg");
        File.WriteAllText(broken, "not a GeoPackage");
        cities.Sources["broken"] = broken;
        foreach (var (name, source) in cities.Sources.Where(s => s.Key != "broken"))
        {
            var session = ViewerLoading.Load(source, null, null, Array.Empty<string>(), "ebike", 15, 300, InputCrs.Wgs84).Session;
            var app = ViewerServer.Build(session, "127.0.0.1", 0, quiet: true);
            await app.StartAsync();
            cities._servers.Add(app);
            cities.Sessions[name] = session;
            cities.Reference[name] = new HttpClient { BaseAddress = ViewerServer.Address(app), Timeout = TimeSpan.FromSeconds(120) };
        }
        return cities;
    }

    public static string NewClusterId() => $"test-{Guid.NewGuid():N}"[..17];

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Reference.Values) client.Dispose();
        foreach (var app in _servers) await app.DisposeAsync();
        Database.Dispose();
        _folder.Dispose();
    }
}
