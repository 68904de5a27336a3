using System.Net;
using Geo.Cluster.Cities;
using Geo.Cluster.Front;
using Geo.MapViewer.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Geo.Cluster.Hosting;

/// <summary>Where one silo listens: HTTP for clients, and Orleans' silo-to-silo and gateway ports.</summary>
public sealed record SiloAddresses(string Host, int HttpPort, int SiloPort, int GatewayPort);

/// <summary>
/// One silo of 'geo serve --cluster': an Orleans silo (membership in PostgreSQL) that holds some of the cities, and
/// a Kestrel front serving <c>/api/cities</c> and <c>/cities/{city}/…</c> for all of them.
/// </summary>
public static class ClusterSilo
{
    public static WebApplication Build(ClusterMembership membership, CityCatalog catalog, SiloAddresses at, ServerLimits limits, bool quiet = false)
    {
        if (!IPAddress.TryParse(at.Host, out var address)) throw new GeoInputException($"--host '{at.Host}' is not an IP address, e.g. 127.0.0.1");
        ThreadPool.GetMinThreads(out int workers, out int completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completions);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ClusterSilo).Assembly.GetName().Name });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, at.HttpPort);
            k.Limits.MaxRequestBodySize = Geo.MapViewer.ViewerServer.MaxBodyBytes;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        if (!quiet)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Geo", LogLevel.Information);
            // Orleans' start-up notes (server GC, a watchdog late after a pause) are not the user's business.
            builder.Logging.AddFilter("Orleans", LogLevel.Error);
        }
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(limits);
        builder.UseOrleans(silo =>
        {
            membership.Join(silo);
            silo.ConfigureEndpoints(address, at.SiloPort, at.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<SiloOptions>(o => o.SiloName = $"geo-{at.Host}-{at.HttpPort}");
            ClusterTimings.Apply(silo);
        });
        var app = builder.Build();
        CityListEndpoint.Map(app);
        CityForwarding.Map(app);
        return app;
    }
}
