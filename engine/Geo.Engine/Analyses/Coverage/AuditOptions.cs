using Geo.Streets;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The audit's break (minutes), lateral distance (null: the profile's), the share below which a subdistrict is
/// flagged, the street length below which an uncovered stretch is a fragment rather than a ranked blind spot, and
/// which way the break is measured.
/// </summary>
public sealed record AuditOptions(double Minutes = 15, double? LateralMeters = null, double FlagBelowShare = 0.8,
    double MinBlindSpotMeters = AuditOptions.DefaultMinBlindSpotMeters, TravelDirection Direction = TravelDirection.ToStation)
{
    /// <summary>How far to look for the nearest station of a blind spot, in minutes.</summary>
    public const double NearestStationHorizonMinutes = 120;

    /// <summary>Shorter uncovered stretches are listed as fragments: too small to site a station for.</summary>
    public const double DefaultMinBlindSpotMeters = 200;

    public void Validate()
    {
        Reach.Reachability.ValidateMinutes(Minutes);
        if (!double.IsFinite(MinBlindSpotMeters) || MinBlindSpotMeters < 0)
        {
            throw new GeoInputException($"the smallest blind spot must be 0 m of street or more, got {MinBlindSpotMeters} m");
        }
    }
}
