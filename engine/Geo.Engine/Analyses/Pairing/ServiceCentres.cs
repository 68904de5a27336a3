using Geo.Data.Model;

namespace Geo.Analyses.Pairing;

/// <summary>
/// The POIs that can stand for a subdistrict's centre: 党群服务中心 first, then 社区服务中心, then any
/// amenity=community_centre; the lowest OSM id among equals, so the choice is the same on every run.
/// </summary>
public static class ServiceCentres
{
    /// <summary>The rank of a POI as a service centre (lower is better); null when it is not one.</summary>
    public static int? Rank(PointOfInterest poi)
    {
        string name = poi.Name ?? "";
        if (name.Contains("党群服务中心", StringComparison.Ordinal)) return 0;
        if (name.Contains("社区服务中心", StringComparison.Ordinal)) return 1;
        if (string.Equals(poi.Amenity, "community_centre", StringComparison.OrdinalIgnoreCase)) return 2;
        return null;
    }

    public static bool IsBetter(PointOfInterest candidate, int candidateRank, PointOfInterest? current, int currentRank) =>
        current is null || candidateRank < currentRank || (candidateRank == currentRank && candidate.OsmId < current.OsmId);
}
