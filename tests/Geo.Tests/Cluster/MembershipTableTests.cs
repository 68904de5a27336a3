using Geo.Tests.PostGis;
using Npgsql;

namespace Geo.Tests.Cluster;

/// <summary>
/// The membership statements of scripts/cluster-tables.sql keep Orleans' contract: a silo's row is added or changed
/// only by a caller who saw the current version, which then moves by one; anything else changes nothing and says 0.
/// </summary>
[Collection("PostGIS")]
public class MembershipTableTests(PostGisServer server)
{
    [Fact]
    public void InsertAndUpdate_onlyWithTheCurrentVersion_andADuplicateChangesNothing()
    {
        string cluster = ClusterCities.NewClusterId();
        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        var queries = new Dictionary<string, string>();
        using (var read = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read()) queries[reader.GetString(0)] = reader.GetString(1);
        }
        try
        {
            Assert.Equal(1, Run(connection, queries["InsertMembershipVersionKey"], cluster));
            Assert.Equal(0, Run(connection, queries["InsertMembershipVersionKey"], cluster));
            var start = DateTime.UtcNow;
            object[] silo = { "127.0.0.1", 11111, 7 };
            int Insert(int version) => Run(connection, queries["InsertMembershipKey"], cluster, silo, ("SiloName", "a"), ("HostName", "h"), ("Status", 1), ("ProxyPort", 30000),
                ("StartTime", start), ("IAmAliveTime", start), ("Version", version));
            int Update(int version, int status) => Run(connection, queries["UpdateMembershipKey"], cluster, silo, ("Status", status), ("SuspectTimes", "x"),
                ("IAmAliveTime", start), ("Version", version));

            Assert.Equal(0, Insert(5));
            Assert.Equal(0, Version(connection, cluster));
            Assert.Equal(1, Insert(0));
            Assert.Equal(1, Version(connection, cluster));
            Assert.Equal(0, Insert(1));
            Assert.Equal(1, Version(connection, cluster));
            Assert.Equal(0, Update(0, 3));
            Assert.Equal(1, Update(1, 3));
            Assert.Equal(2, Version(connection, cluster));
            using (var gateways = Command(connection, queries["GatewaysQueryKey"], cluster, null, ("Status", 3)))
            using (var reader = gateways.ExecuteReader())
            {
                Assert.True(reader.Read());
                Assert.Equal(("127.0.0.1", 30000, 7), (reader.GetString(reader.GetOrdinal("Address")), reader.GetInt32(reader.GetOrdinal("ProxyPort")), reader.GetInt32(reader.GetOrdinal("Generation"))));
                Assert.False(reader.Read());
            }
            using (var all = Command(connection, queries["MembershipReadAllKey"], cluster, null))
            using (var reader = all.ExecuteReader())
            {
                Assert.True(reader.Read());
                Assert.Equal((3, "x", 2), (reader.GetInt32(reader.GetOrdinal("Status")), reader.GetString(reader.GetOrdinal("SuspectTimes")), reader.GetInt32(reader.GetOrdinal("Version"))));
            }
        }
        finally
        {
            Run(connection, queries["DeleteMembershipTableEntriesKey"], cluster);
        }
    }

    private static int Version(NpgsqlConnection connection, string cluster) =>
        (int)new NpgsqlCommand($"SELECT version FROM geo_cluster_version WHERE cluster_id = '{cluster}'", connection).ExecuteScalar()!;

    private static int Run(NpgsqlConnection connection, string sql, string cluster, object[]? silo = null, params (string Name, object Value)[] values)
    {
        using var command = Command(connection, sql, cluster, silo, values);
        return command.ExecuteScalar() is int n ? n : 0;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string cluster, object[]? silo, params (string Name, object Value)[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("DeploymentId", cluster);
        if (silo is not null)
        {
            command.Parameters.AddWithValue("Address", silo[0]);
            command.Parameters.AddWithValue("Port", silo[1]);
            command.Parameters.AddWithValue("Generation", silo[2]);
        }
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
