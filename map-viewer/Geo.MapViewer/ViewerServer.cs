using System.Net;
using Geo.MapViewer.Api;
using Geo.MapViewer.Session;
using Geo.MapViewer.Tiles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;

namespace Geo.MapViewer;

/// <summary>
/// The map viewer's web server: the map page, the JSON/GeoJSON API with its OpenAPI document at /openapi/v1.json,
/// and Mapbox vector tiles, on Kestrel bound to loopback unless told otherwise.
/// </summary>
public static class ViewerServer
{
    public const long MaxBodyBytes = 64 * 1024;
    public const string OpenApiPath = "/openapi/v1.json";
    private const int MinPoolThreads = 16;

    public static WebApplication Build(ViewerSession session, string host = "127.0.0.1", int port = 5080, bool quiet = false, ServerLimits? limits = null)
    {
        if (!IPAddress.TryParse(host, out var address)) throw new GeoInputException($"--host '{host}' is not an IP address, e.g. 127.0.0.1");
        if (port is < 0 or > 65535) throw new GeoInputException($"--port {port} is not a TCP port (0–65535)");
        // A computation waiting for another's cached result blocks its thread; a few threads up front keep light
        // requests (/api/info, cached tiles) from waiting for the pool to grow meanwhile.
        ThreadPool.GetMinThreads(out int workers, out int completions);
        ThreadPool.SetMinThreads(Math.Max(workers, MinPoolThreads), completions);
        var builder = CreateBuilder(session, quiet, limits);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, port);
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            // Kestrel's own limits sit well above RequestShape's, so what passes the first is refused by the second
            // with a problem+json body; past Kestrel's, the connection is answered with a bare status.
            k.Limits.MaxRequestLineSize = 4 * RequestShape.MaxTargetBytes;
            k.Limits.MaxRequestHeadersTotalSize = 4 * RequestShape.MaxHeaderBytes;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        return MapEndpoints(builder.Build());
    }

    /// <summary>
    /// The server's services for one dataset, without a listener: <see cref="Build"/> adds Kestrel on an address,
    /// and a host of many cities answers through the same pipeline in memory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(ViewerSession session, bool quiet = false, ServerLimits? limits = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ViewerServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        // A failure to start (address in use …) is reported by the caller in one line, not logged with its stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        if (!quiet) builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(session);
        var serverLimits = limits ?? ServerLimits.Default;
        builder.Services.AddSingleton(serverLimits);
        var memory = new MemoryBudget(MemoryBudget.Measure().Resident, session.Cache.BudgetBytes, serverLimits.Computations);
        memory.MeasureStartAgainWhenSettled(session.FirstView);
        builder.Services.AddSingleton(memory);
        builder.Services.AddSingleton(new NavigationState(session));
        builder.Services.AddSingleton(new TileCache(session));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Geo service-coverage API";
            document.Info.Description = "Service areas, coverage audit, pairing, siting and vector tiles over one street dataset. Coordinates are lon/lat (EPSG:4326).";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The map page, the API and the tiles, in the order every request passes them.</summary>
    public static WebApplication MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(RoutingProblems.Write);
        app.Use(RequestShape.Check);
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            await next();
        });
        var page = new ManifestEmbeddedFileProvider(typeof(ViewerServer).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.MapOpenApi(OpenApiPath);
        InfoEndpoints.Map(app);
        IsochroneEndpoints.Map(app);
        AuditEndpoints.Map(app);
        StationEndpoints.Map(app);
        WhatIfEndpoints.Map(app);
        SitingEndpoints.Map(app);
        NearestEndpoints.Map(app);
        Geo.MapViewer.Api.OpenRouteService.OrsEndpoints.Map(app);
        StyleEndpoints.Map(app);
        TileEndpoints.Map(app);
        return app;
    }

    /// <summary>The address the server listens on, once started (port 0 picks a free one).</summary>
    public static Uri Address(WebApplication app)
    {
        var server = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var addresses = server.Features.GetRequiredFeature<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First());
    }
}
