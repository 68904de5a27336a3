using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Geo.MapViewer.Api;

/// <summary>
/// Turns every failure into application/problem+json: bad input says what was wrong (4xx), a busy server or a
/// computation over its time limit answers 503 with Retry-After, anything else 500 without internals. The server
/// keeps serving either way.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested) return true;
        var (status, title, detail) = exception switch
        {
            ApiProblemException p => (p.Status, p.Title, p.Message),
            GeoInputException g => (StatusCodes.Status400BadRequest, "Bad request", PlainWords.WithoutTypeNames(g.Message)),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", PlainWords.BadRequest(b)),
            JsonException => (StatusCodes.Status400BadRequest, "Malformed JSON", "the body is not valid JSON"),
            TimeoutException t => (StatusCodes.Status503ServiceUnavailable, "Computation too long", t.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "the server failed on this request; it keeps serving others"),
        };
        if (status >= 500 && exception is not TimeoutException and not ApiProblemException) log.LogError(exception, "request {Path} failed", context.Request.Path);
        int? retryAfter = exception switch
        {
            ApiProblemException { RetryAfterSeconds: { } s } => s,
            TimeoutException => ServerLimits.RetryAfterSeconds,
            _ => null,
        };
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
        });
    }
}
