namespace Geo.Tests.Cluster;

/// <summary>Three silos of one cluster on loopback, membership in the real local PostgreSQL, serving <see cref="ClusterCities"/>.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterCities Cities { get; private set; } = null!;
    public SiloProcess[] Silos { get; private set; } = Array.Empty<SiloProcess>();
    public string ClusterId { get; } = ClusterCities.NewClusterId();

    public async Task InitializeAsync()
    {
        Cities = await ClusterCities.Create();
        Silos = await SiloProcess.StartMany(3, Cities.Membership, ClusterId, Cities.CitiesOption);
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos) await silo.DisposeAsync();
        Cities.Database.Scalar($"DELETE FROM geo_cluster_silos WHERE cluster_id = '{ClusterId}'; DELETE FROM geo_cluster_version WHERE cluster_id = '{ClusterId}'");
        await Cities.DisposeAsync();
    }
}

[CollectionDefinition("Cluster")]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;
