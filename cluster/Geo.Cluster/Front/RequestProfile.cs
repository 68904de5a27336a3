using System.Text.Json;
using Geo.Cluster.Cities;
using Geo.Cluster.Grains;
using Microsoft.AspNetCore.WebUtilities;

namespace Geo.Cluster.Front;

/// <summary>
/// Which profile's grain answers a request: <c>?profile=</c>, a JSON body's top-level <c>"profile"</c>, or the
/// openrouteservice path's profile (<c>/v2/isochrones/cycling-electric</c>); otherwise the cluster's first profile.
/// A name that is no built-in profile goes to the default grain, whose pipeline refuses it as the single server does.
/// </summary>
internal static class RequestProfile
{
    private static readonly Dictionary<string, string> OpenRouteService = new(StringComparer.OrdinalIgnoreCase)
    {
        ["foot-walking"] = "walk",
        ["cycling-electric"] = "ebike",
        ["driving-car"] = "car",
    };

    public static string Of(CityRequest request, string fallback)
    {
        string? named = FromQuery(request.Query) ?? FromPath(request.Path) ?? FromBody(request);
        named = named?.Trim().ToLowerInvariant();
        return named is not null && CityCatalog.IsProfile(named) ? named : fallback;
    }

    private static string? FromQuery(string query) =>
        QueryHelpers.ParseQuery(query).TryGetValue("profile", out var values) && values.Count > 0 ? values[0] : null;

    private static string? FromPath(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && parts[0] == "v2" && OpenRouteService.TryGetValue(parts[2], out var profile) ? profile : null;
    }

    private static string? FromBody(CityRequest request)
    {
        if (request.Body.Length == 0 || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) return null;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
