using Geo.Analyses.Reach;
using Geo.Streets;

namespace Geo.Analyses.Siting;

/// <summary>The break a site must reach demand within, which way it is measured, and the solver's effort.</summary>
public sealed record SitingOptions(double Minutes = 15, TravelDirection Direction = TravelDirection.ToStation)
{
    /// <summary>Candidates this close to an existing station (metres along the ground) are that station, not a new site.</summary>
    public const double SameSiteMeters = 1;

    public void Validate() => Reachability.ValidateMinutes(Minutes);
}
