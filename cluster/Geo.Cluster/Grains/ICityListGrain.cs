using Geo.Cluster.Cities;
using Orleans.Concurrency;

namespace Geo.Cluster.Grains;

/// <summary>The names of the cities the cluster's silos serve, for clients outside it ("geo audit --cities all").</summary>
public interface ICityListGrain : IGrainWithIntegerKey
{
    Task<string[]> Names();
}

[StatelessWorker]
internal sealed class CityListGrain(CityCatalog catalog) : Grain, ICityListGrain
{
    public Task<string[]> Names() => Task.FromResult(catalog.Cities.Select(c => c.Name).ToArray());
}
