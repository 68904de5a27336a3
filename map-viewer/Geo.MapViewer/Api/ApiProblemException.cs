namespace Geo.MapViewer.Api;

/// <summary>A request the API refuses, with the HTTP status and what was wrong; written as application/problem+json.</summary>
public sealed class ApiProblemException(int status, string title, string detail, int? retryAfterSeconds = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    /// <summary>Seconds after which the same request may succeed (sent as Retry-After), when the refusal is about load.</summary>
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public static ApiProblemException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad request", detail);
    public static ApiProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>A request asking for more work or a larger answer than one request may.</summary>
    public static ApiProblemException TooMuch(string detail) => new(StatusCodes.Status422UnprocessableEntity, "Request too large to compute", detail);

    public static ApiProblemException Busy(string detail) =>
        new(StatusCodes.Status503ServiceUnavailable, "Server busy", detail, ServerLimits.RetryAfterSeconds);
}
