namespace Geo.MapViewer.Api;

/// <summary>A request the API refuses, with the HTTP status and what was wrong; written as application/problem+json.</summary>
public sealed class ApiProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static ApiProblemException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad request", detail);
    public static ApiProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);
}
