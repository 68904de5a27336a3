using Geo.Cluster.Cities;
using Geo.Cluster.Grains;
using Geo.Streets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Geo.Cluster.Front;

/// <summary>
/// <c>GET /api/cities</c>: every city with its state for the profile shown first (not loaded, loading, ready,
/// failed with the reason) and where it lives, and its other profiles' states. Asking does not load a city.
/// </summary>
internal static class CityListEndpoint
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cities", async (CityCatalog catalog, IGrainFactory grains) =>
        {
            var rows = await Task.WhenAll(catalog.Cities.Select(async city =>
            {
                var states = await Task.WhenAll(TravelProfile.BuiltInNames.Select(p => grains.GetGrain<ICityGrain>(CityCatalog.Key(city.Name, p)).Status()));
                var shown = states.First(s => s.Profile == catalog.Defaults.Profile);
                return new
                {
                    name = city.Name,
                    profile = shown.Profile,
                    state = Word(shown.State),
                    reason = shown.Reason,
                    silo = shown.State == CityState.NotLoaded ? null : shown.Silo,
                    load_seconds = shown.LoadSeconds is double s ? Math.Round(s, 2) : (double?)null,
                    api = $"/cities/{city.Name}/api/info",
                    profiles = states.ToDictionary(x => x.Profile, x => new { state = Word(x.State), reason = x.Reason, silo = x.State == CityState.NotLoaded ? null : x.Silo }),
                };
            }));
            return Results.Json(new { cities = rows });
        }).ExcludeFromDescription();
    }

    public static string Word(CityState state) => state switch
    {
        CityState.NotLoaded => "not loaded",
        CityState.Loading => "loading",
        CityState.Ready => "ready",
        _ => "failed",
    };
}
