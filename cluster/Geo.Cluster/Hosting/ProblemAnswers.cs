using System.Text.Json;
using Geo.Cluster.Grains;

namespace Geo.Cluster.Hosting;

/// <summary>Answers the cluster gives itself (a city loading, failed, unknown, or its silo lost), as problem+json like every refusal of the API.</summary>
internal static class ProblemAnswers
{
    public const int RetryAfterSeconds = 2;

    public static CityAnswer Unavailable(string detail) => Of(503, "Service Unavailable", detail, retry: true);

    public static CityAnswer Failed(string detail) => Of(500, "City could not be loaded", detail, retry: false);

    public static CityAnswer NotFound(string detail) => Of(404, "Not Found", detail, retry: false);

    public static CityAnswer Of(int status, string title, string detail, bool retry)
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/problem+json" };
        if (retry) headers["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new { type = "about:blank", title, status, detail });
        return new CityAnswer(status, headers, body);
    }
}
