using Geo.Streets;

namespace Geo.Cluster.Cities;

/// <summary>
/// The cities this cluster serves and how each is opened: every silo is started with the same list, so a city's
/// grain finds its data wherever Orleans places it.
/// </summary>
public sealed class CityCatalog
{
    public CityCatalog(IReadOnlyList<CitySource> cities, CityDefaults defaults)
    {
        Cities = cities;
        Defaults = defaults;
    }

    public IReadOnlyList<CitySource> Cities { get; }

    public CityDefaults Defaults { get; }

    public CitySource? Find(string name) => Cities.FirstOrDefault(c => c.Name == name);

    /// <summary>The grain key of a city for one profile: "chengdu/ebike".</summary>
    public static string Key(string city, string profile) => $"{city}/{profile}";

    public static (string City, string Profile) FromKey(string key)
    {
        int slash = key.LastIndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }

    public static bool IsProfile(string profile) => TravelProfile.BuiltInNames.Contains(profile);
}

/// <summary>What every city is opened with: the profile and break shown first, snapping, direction, budgets.</summary>
public sealed record CityDefaults(
    string Profile = "ebike",
    double Minutes = 15,
    double MaxSnapMeters = 300,
    TravelDirection Direction = TravelDirection.ToStation,
    int CacheMegabytes = 1024,
    TimeSpan? IdleAfter = null,
    TimeSpan? LoadWait = null)
{
    /// <summary>A city nobody asked for this long is unloaded; the next request loads it again.</summary>
    public TimeSpan Idle => IdleAfter ?? TimeSpan.FromMinutes(30);

    /// <summary>How long a request waits for its city to load before it is told to come back (503, Retry-After).</summary>
    public TimeSpan Wait => LoadWait ?? TimeSpan.FromSeconds(20);
}
