using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Data.Model;

namespace Geo.Streets;

/// <summary>
/// How one travel mode moves along streets: which road classes it may use (those with a speed), at what speed,
/// whether one-ways bind it and which OSM access tags it obeys. Profiles are data: the shipped ones are the JSON
/// files in Streets/Profiles; a user may pass the path of a JSON file of the same shape.
/// </summary>
public sealed class TravelProfile
{
    public required string Name { get; init; }
    public required StreetAccess Mode { get; init; }
    public string Description { get; init; } = "";
    public required double DefaultSpeedKmh { get; init; }
    public bool UseMaxspeed { get; init; }
    public bool RespectOneway { get; init; }
    /// <summary>How far a service-area polygon reaches sideways from a reached street, in metres.</summary>
    public double LateralMeters { get; init; } = 50;
    /// <summary>Access tags in order of precedence: the first one present on a way decides.</summary>
    public IReadOnlyList<string> AccessTags { get; init; } = new[] { "access" };
    /// <summary>Speed per highway class; a class absent here is closed to this mode.</summary>
    public required IReadOnlyDictionary<string, double> SpeedsKmh { get; init; }

    public static IReadOnlyList<string> BuiltInNames { get; } = new[] { "walk", "ebike", "car" };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Faster than any street vehicle: a larger figure is a typing slip, not a profile.</summary>
    public const double MaxSpeedKmh = 300;

    /// <summary>
    /// How far a service area may reach sideways from a street: below a metre the polygon cells become
    /// microscopic (billions of them), beyond 500 m the "service area" is a blanket over the whole city.
    /// </summary>
    public const double MinLateralMeters = 1, MaxLateralMeters = 500;

    public static void RequireLateral(double meters, string what)
    {
        if (!double.IsFinite(meters) || meters < MinLateralMeters || meters > MaxLateralMeters)
        {
            throw new GeoInputException($"{what} must be between {MinLateralMeters} and {MaxLateralMeters} m, got {meters.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static bool SaneSpeed(double kmh) => double.IsFinite(kmh) && kmh > 0 && kmh <= MaxSpeedKmh;

    /// <summary>A shipped profile by name (walk, ebike, car) or a JSON file path.</summary>
    public static TravelProfile Load(string nameOrPath)
    {
        RequireKnown(nameOrPath);
        return LoadKnown(nameOrPath);
    }

    /// <summary>
    /// <see cref="Load"/> on another thread, for a command to read its data meanwhile: the first profile a process
    /// reads takes about 0.1 s, nearly all of it compiling the JSON reader. A name that is neither a shipped profile
    /// nor a .json file is refused at once; the function returns the profile, or throws what <see cref="Load"/> would.
    /// </summary>
    public static Func<TravelProfile> LoadInBackground(string nameOrPath)
    {
        RequireKnown(nameOrPath);
        var loading = Task.Run(() => LoadKnown(nameOrPath));
        return () => loading.GetAwaiter().GetResult();
    }

    private static TravelProfile LoadKnown(string nameOrPath) =>
        BuiltInNames.Contains(nameOrPath) ? BuiltIn(nameOrPath) : Parse(File.ReadAllText(nameOrPath), nameOrPath);

    private static void RequireKnown(string nameOrPath)
    {
        if (BuiltInNames.Contains(nameOrPath) || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath)) return;
        throw new GeoInputException(
            $"unknown profile '{nameOrPath}': use one of {string.Join(", ", BuiltInNames)} or the path of a profile .json file");
    }

    public static TravelProfile BuiltIn(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Geo.Profiles.{name}.json")
            ?? throw new GeoInputException($"unknown profile '{name}'");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), name);
    }

    public static TravelProfile Parse(string json, string source)
    {
        TravelProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<TravelProfile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new GeoInputException($"profile {source}: malformed JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
        if (profile is null || !SaneSpeed(profile.DefaultSpeedKmh) || profile.SpeedsKmh.Count == 0 || !profile.SpeedsKmh.Values.All(SaneSpeed))
        {
            var bad = profile?.SpeedsKmh.FirstOrDefault(p => !SaneSpeed(p.Value));
            throw new GeoInputException($"profile {source}: needs defaultSpeedKmh and a speed for each class in speedsKmh above 0 and at most {MaxSpeedKmh} km/h" +
                (bad is { Key: not null } b ? $" (speedsKmh.{b.Key} is {b.Value})" : profile is null ? "" : $" (defaultSpeedKmh is {profile.DefaultSpeedKmh})"));
        }
        RequireLateral(profile.LateralMeters, $"profile {source}: lateralMeters");
        return profile;
    }

    public bool AllowsHighway(string highway) => SpeedsKmh.ContainsKey(highway);

    /// <summary>
    /// Whether this mode may use a way with these OSM tags: the first access tag present decides
    /// (yes/designated/permissive/destination open it, no/private/agricultural… close it), else the road class.
    /// </summary>
    public bool Allows(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue("highway", out var highway)) return false;
        foreach (var key in AccessTags)
        {
            if (!tags.TryGetValue(key, out var value)) continue;
            switch (value)
            {
                case "yes" or "designated" or "permissive" or "destination" or "customers" or "delivery":
                    return highway is not ("construction" or "proposed" or "abandoned" or "platform" or "raceway")
                        && (AllowsHighway(highway) || key != "access");
                case "no" or "private" or "agricultural" or "forestry" or "use_sidepath" or "discouraged" or "dismount":
                    return false;
            }
        }
        return AllowsHighway(highway);
    }

    /// <summary>Travel speed on a street piece in km/h: the posted maxspeed where the profile uses it, else by class.</summary>
    public double SpeedKmh(StreetSegment street)
    {
        if (UseMaxspeed && street.MaxSpeedKmh is > 0 and var posted) return posted;
        return SpeedsKmh.TryGetValue(street.Highway, out var speed) ? speed : DefaultSpeedKmh;
    }
}
