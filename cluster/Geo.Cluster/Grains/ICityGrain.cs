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
    /// PostGIS database in one transaction (the schema is replaced whole or left as it was). The audit runs on its
    /// own; a call waits for it a few seconds and answers null while it still runs, so the caller asks again, and
    /// a call to a silo that died fails within the ordinary response time instead of hanging for the whole audit.
    /// </summary>
    Task<CityAuditOutcome?> AuditTo(string connection, string schema, double minutes);
}
