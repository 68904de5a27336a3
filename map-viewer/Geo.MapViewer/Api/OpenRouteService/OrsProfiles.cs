namespace Geo.MapViewer.Api.OpenRouteService;

/// <summary>openrouteservice's profile names mapped to Geo's travel profiles.</summary>
internal static class OrsProfiles
{
    private static readonly Dictionary<string, string> ToGeo = new(StringComparer.OrdinalIgnoreCase)
    {
        ["foot-walking"] = "walk",
        ["cycling-electric"] = "ebike",
        ["driving-car"] = "car",
    };

    public static string Geo(string orsProfile) => ToGeo.TryGetValue(orsProfile, out var geo) ? geo
        : throw ApiProblemException.BadRequest($"profile '{orsProfile}' is not served: use {string.Join(", ", ToGeo.Keys)} (Geo's walk, ebike, car)");
}
