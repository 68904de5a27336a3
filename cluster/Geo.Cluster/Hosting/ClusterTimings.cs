using Orleans.Configuration;

namespace Geo.Cluster.Hosting;

/// <summary>
/// How fast the cluster notices a lost silo and moves its cities. Orleans' defaults suit large clusters on busy
/// networks (a dead silo is declared after tens of seconds); a handful of silos on one network can decide in a few
/// seconds, so a city comes back on another silo soon after its silo dies.
/// </summary>
internal static class ClusterTimings
{
    public static void Apply(ISiloBuilder silo)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        // A request waits for its city to load (CityDefaults.Wait) and for one computation (30 s at most).
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(90));
    }
}
