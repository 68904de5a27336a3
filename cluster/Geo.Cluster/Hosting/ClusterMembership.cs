using Geo.Data.PostGis;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;

namespace Geo.Cluster.Hosting;

/// <summary>
/// Where the cluster's silos find each other: the membership tables in PostgreSQL (scripts/cluster-tables.sql,
/// applied by scripts/postgis.sh), under one cluster id. Checked before a silo starts so a missing table or an
/// unreachable server is one plain line, not a startup stack.
/// </summary>
public sealed record ClusterMembership(string ConnectionString, string ClusterId = ClusterMembership.DefaultClusterId)
{
    public const string DefaultClusterId = "geo";

    public const string Invariant = "Npgsql";

    public static ClusterMembership Parse(string given, string clusterId)
    {
        if (!Cities.CitySource.IsPlainName(clusterId)) throw new GeoInputException($"--cluster-id '{clusterId}' must be lower-case letters, digits, '-' or '_'");
        // The same connection strings as PostGIS data, with or without the postgis: prefix.
        var location = PostGisLocation.Parse(given);
        return new ClusterMembership(location.ConnectionString, clusterId);
    }

    /// <summary>A silo joins through these membership tables, under this cluster id.</summary>
    public void Join(ISiloBuilder silo)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ConnectionString;
        });
        Identify(silo.Services);
    }

    /// <summary>A client finds the silos' gateways through the same tables and cluster id.</summary>
    public void Join(IClientBuilder client)
    {
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ConnectionString;
        });
        Identify(client.Services);
    }

    private void Identify(IServiceCollection services) => services.Configure<ClusterOptions>(o =>
    {
        o.ClusterId = ClusterId;
        o.ServiceId = ClusterId;
    });

    /// <summary>Fails with one line when the server cannot be reached or the membership tables are missing.</summary>
    public void Check()
    {
        string server = new NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"{b.Host}:{b.Port}" : "";
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'MembershipReadAllKey'", connection);
            if ((long)command.ExecuteScalar()! == 0) throw new GeoInputException($"--cluster: the membership statements are missing in {server}; apply scripts/cluster-tables.sql");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new GeoInputException($"--cluster: {server} has no cluster membership tables; apply them with: psql \"<connection>\" -f scripts/cluster-tables.sql (scripts/postgis.sh start does)");
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new GeoInputException($"--cluster: cannot reach the PostgreSQL server {server}: {e.Message}");
        }
    }
}
