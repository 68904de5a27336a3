using Geo.Cluster.Cities;
using Geo.Cluster.Grains;
using Geo.Cluster.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Geo.Cluster.Front;

/// <summary>
/// <c>/cities/{city}/…</c> on every silo: the request goes to the city's grain for the profile it asks for,
/// wherever the grain lives. When the silo holding it is lost mid-request the request is sent once more (Orleans
/// places the city again); if that fails too, the client gets 503 with Retry-After.
/// </summary>
internal static class CityForwarding
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.Map("/cities/{city}/{**rest}", Forward).ExcludeFromDescription();
    }

    private static async Task Forward(HttpContext context, string city, string? rest, CityCatalog catalog, IGrainFactory grains, ILoggerFactory logs)
    {
        if (catalog.Find(city) is null)
        {
            await Write(context, ProblemAnswers.NotFound($"no city '{city}' here; the cities are {string.Join(", ", catalog.Cities.Select(c => c.Name))} (GET /api/cities)"));
            return;
        }
        var request = await ToCityRequest(context, "/" + (rest ?? ""));
        string profile = RequestProfile.Of(request, catalog.Defaults.Profile);
        var grain = grains.GetGrain<ICityGrain>(CityCatalog.Key(city, profile));
        CityAnswer answer;
        try
        {
            answer = await grain.Answer(request);
        }
        catch (Exception first) when (!context.RequestAborted.IsCancellationRequested)
        {
            logs.CreateLogger("Geo.Cluster").LogWarning("city {City}: {Error}; asking once more", city, first.Message);
            try
            {
                answer = await grain.Answer(request);
            }
            catch (Exception second) when (!context.RequestAborted.IsCancellationRequested)
            {
                answer = ProblemAnswers.Unavailable($"city '{city}' is being moved to another server ({second.GetType().Name}); try again in {ProblemAnswers.RetryAfterSeconds} s");
            }
        }
        await Write(context, answer);
    }

    private static async Task<CityRequest> ToCityRequest(HttpContext context, string path)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in context.Request.Headers)
        {
            // The city's pipeline checks the request's shape (sizes, characters) as the single server does.
            if (name is "Accept" or "Accept-Language" or "Content-Type" or "Content-Length" || name.StartsWith("If-", StringComparison.Ordinal)) headers[name] = value.ToString();
        }
        return new CityRequest(context.Request.Method, path, context.Request.QueryString.Value ?? "", context.Request.ContentType, body.ToArray(), headers);
    }

    internal static async Task Write(HttpContext context, CityAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers) context.Response.Headers[name] = value;
        context.Response.ContentLength = answer.Body.Length;
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }
}
