namespace Geo.Analyses.Coverage;

/// <summary>The audit's break (minutes), lateral distance (null: the profile's) and the share below which a subdistrict is flagged.</summary>
public sealed record AuditOptions(double Minutes = 15, double? LateralMeters = null, double FlagBelowShare = 0.8)
{
    /// <summary>How far to look for the nearest station of a blind spot, in minutes.</summary>
    public const double NearestStationHorizonMinutes = 120;
}
