using System.Globalization;

namespace Geo.Analyses.Navigation;

/// <summary>
/// What a rider asks: the <paramref name="K"/> nearest stations by travel time, open at <paramref name="At"/> (a
/// wall-clock time of the data's time zone; null: opening hours are not looked at), within <paramref name="MaxMinutes"/>.
/// </summary>
public sealed record NearestStationQuery(int K = 1, DateTime? At = null, double MaxMinutes = NearestStationQuery.DefaultMaxMinutes)
{
    public const int MaxK = 10;
    public const double DefaultMaxMinutes = 60;

    public void Validate()
    {
        if (K < 1 || K > MaxK) throw new GeoInputException($"k must be between 1 and {MaxK}, got {K}");
        if (!double.IsFinite(MaxMinutes) || MaxMinutes <= 0 || MaxMinutes > Reach.Reachability.MaxMinutes)
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture,
                $"the search limit must be above 0 and at most {Reach.Reachability.MaxMinutes} minutes, got {MaxMinutes}"));
        }
    }
}
