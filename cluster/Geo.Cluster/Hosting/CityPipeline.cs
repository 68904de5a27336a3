using Geo.Cluster.Grains;
using Geo.MapViewer;
using Geo.MapViewer.Api;
using Geo.MapViewer.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Geo.Cluster.Hosting;

/// <summary>
/// One city's API answered in memory: the single-city server's own pipeline (request checks, endpoints, problem
/// bodies, tiles) over the city's session, with no listener. Answers are therefore the single server's, byte for byte.
/// </summary>
internal sealed class CityPipeline : IAsyncDisposable
{
    // Headers of an answer a client needs; the rest (Date, Server) belong to the front that sends it.
    private static readonly string[] KeptHeaders = { "Content-Type", "Retry-After", "Allow", "Location", "Cache-Control", "ETag", "Content-Encoding", "X-Content-Type-Options" };

    private readonly WebApplication _app;
    private readonly TestServer _server;

    private CityPipeline(ViewerSession session, WebApplication app)
    {
        Session = session;
        _app = app;
        _server = app.GetTestServer();
    }

    public ViewerSession Session { get; }

    public static async Task<CityPipeline> Start(ViewerSession session, ServerLimits limits)
    {
        var builder = ViewerServer.CreateBuilder(session, quiet: true, limits);
        builder.WebHost.UseTestServer();
        var app = ViewerServer.MapEndpoints(builder.Build());
        await app.StartAsync();
        return new CityPipeline(session, app);
    }

    public async Task<CityAnswer> Send(CityRequest request, CancellationToken cancellation)
    {
        var context = await _server.SendAsync(c =>
        {
            c.Request.Method = request.Method;
            c.Request.Path = request.Path;
            c.Request.QueryString = new QueryString(request.Query);
            foreach (var (name, value) in request.Headers) c.Request.Headers[name] = value;
            if (request.ContentType is not null) c.Request.ContentType = request.ContentType;
            if (request.Body.Length > 0 || HttpMethods.IsPost(request.Method))
            {
                c.Request.Body = new MemoryStream(request.Body, writable: false);
                c.Request.ContentLength = request.Body.Length;
            }
        }, cancellation);
        using var body = new MemoryStream();
        await context.Response.Body.CopyToAsync(body, cancellation);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in KeptHeaders)
        {
            if (context.Response.Headers.TryGetValue(name, out var value)) headers[name] = value.ToString();
        }
        return new CityAnswer(context.Response.StatusCode, headers, body.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
