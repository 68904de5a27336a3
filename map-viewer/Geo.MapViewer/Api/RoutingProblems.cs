using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Geo.MapViewer.Api;

/// <summary>Requests routing turns away (no such path, wrong method, wrong content type) answered as problem+json that says what to send instead.</summary>
internal static class RoutingProblems
{
    public static async Task Write(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var request = context.Request;
        int code = context.Response.StatusCode;
        string detail = code switch
        {
            StatusCodes.Status404NotFound => $"no endpoint {request.Method} {request.Path}; the API is described at {ViewerServer.OpenApiPath}",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}; see {ViewerServer.OpenApiPath}",
            StatusCodes.Status415UnsupportedMediaType => $"send the body as application/json, got '{request.ContentType ?? "no content type"}'",
            _ => ReasonPhrases.GetReasonPhrase(code),
        };
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = code, Title = ReasonPhrases.GetReasonPhrase(code), Detail = detail, Instance = request.Path },
        });
    }
}
