namespace Geo.Analyses.Pairing;

/// <summary>Which subdistrict gets a station that lies on the shared border of two or more.</summary>
public enum BorderRule
{
    /// <summary>The subdistrict with the lowest id.</summary>
    LowestId,

    /// <summary>The subdistrict whose interior point is nearest the station (lowest id on a tie).</summary>
    NearestInterior,
}
