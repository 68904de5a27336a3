using System.Text.Json;
using System.Text.Json.Serialization;

namespace Geo.MapViewer.Api;

/// <summary>Reads a request's JSON body into a request record, refusing a wrong content type, an empty body and malformed JSON with where it broke.</summary>
internal static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"send the body as application/json, got '{request.ContentType ?? "no content type"}'");
        }
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            string path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" ({e.Path})";
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Malformed JSON", $"the body is not valid JSON for this request{where}{path}: {Explain<T>(e)}");
        }
        return value ?? throw ApiProblemException.BadRequest("the body is empty or null: send a JSON object");
    }

    /// <summary>What was wrong, in the request's own field names: an unknown field, a value of the wrong kind, or broken syntax.</summary>
    private static string Explain<T>(JsonException e)
    {
        string message = FirstSentence(e.Message);
        var unknown = System.Text.RegularExpressions.Regex.Match(message, "JSON property '([^']*)' could not be mapped");
        if (unknown.Success) return $"unknown field '{unknown.Groups[1].Value}': use {string.Join(", ", PlainWords.Fields<T>())}";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return PlainWords.ExpectedAt<T>(e.Path) ?? PlainWords.WithoutTypeNames(message);
        }
        return PlainWords.WithoutTypeNames(message);
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
