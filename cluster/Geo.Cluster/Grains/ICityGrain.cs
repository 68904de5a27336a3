namespace Geo.Cluster.Grains;

/// <summary>
/// A city for one travel profile, keyed "city/profile": it holds the same session a single-city 'geo serve' holds
/// (street graph, cached audits and service areas) on whichever silo Orleans placed it, loaded on first use.
/// </summary>
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>Where loading stands; asking does not start it.</summary>
    Task<CityStatus> Status();

    /// <summary>Answers one API request as the single-city server would, loading the city first when needed.</summary>
    Task<CityAnswer> Answer(CityRequest request);

    /// <summary>
    /// Audits the city's stations for the break and writes the audit layers to <paramref name="schema"/> of the
    /// PostGIS database in one transaction (the schema is replaced whole or left as it was).
    /// </summary>
    [ResponseTimeout("00:10:00")]
    Task<CityAuditOutcome> AuditTo(string connection, string schema, double minutes);
}
