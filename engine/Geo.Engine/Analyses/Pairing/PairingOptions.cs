using System.Globalization;
using Geo.Analyses.Reach;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Pairing;

/// <summary>The choices a planner makes for a pairing run.</summary>
public sealed record PairingOptions
{
    public const double DefaultLimitMinutes = 60;

    /// <summary>How many subdistricts one station may serve, counting the one it stands in; null for no cap.</summary>
    public int? MaxSubdistrictsPerStation { get; init; }

    /// <summary>Longest travel time between a station and a subdistrict's reference point still counted as reachable.</summary>
    public double LimitMinutes { get; init; } = DefaultLimitMinutes;

    public BorderRule BorderRule { get; init; } = BorderRule.LowestId;

    /// <summary>Farthest a station or reference point may be from a usable street.</summary>
    public double MaxSnapMeters { get; init; } = StreetSnapper.DefaultMaxDistanceMeters;

    /// <summary>A station this close to a subdistrict's boundary counts as on it (coordinates carry rounding).</summary>
    public double BorderToleranceMeters { get; init; } = 0.5;

    /// <summary>Which way travel times run: riders to the station (default), or from it.</summary>
    public TravelDirection Direction { get; init; } = TravelDirection.ToStation;

    /// <summary>
    /// The covered street intervals of an audit made with the same stations, break and direction; when given, a
    /// subdistrict without a service centre is measured from its covered street point nearest its interior point.
    /// </summary>
    public IReadOnlyList<ServiceAreas.ReachedInterval>? Coverage { get; init; }

    public void Validate()
    {
        if (MaxSubdistrictsPerStation is < 1)
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture,
                $"the cap of subdistricts per station must be at least 1 (the subdistrict a station stands in counts), got {MaxSubdistrictsPerStation}"));
        }
        Reachability.ValidateMinutes(LimitMinutes);
        if (!double.IsFinite(MaxSnapMeters) || MaxSnapMeters <= 0)
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture, $"the snapping distance must be positive, got {MaxSnapMeters} m"));
        }
        if (!double.IsFinite(BorderToleranceMeters) || BorderToleranceMeters < 0)
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture, $"the border tolerance must be 0 m or more, got {BorderToleranceMeters} m"));
        }
    }
}
