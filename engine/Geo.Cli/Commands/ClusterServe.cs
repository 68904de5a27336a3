using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Net.Sockets;
using Geo.Cluster.Cities;
using Geo.Cluster.Hosting;
using Geo.MapViewer.Api;
using Microsoft.Extensions.Hosting;

namespace Geo.Cli.Commands;

/// <summary>
/// 'geo serve --cluster &lt;postgres&gt; --cities name=source,…': this process becomes one silo of the cluster and
/// serves every city's API under /cities/{city}/, holding the cities Orleans places on it.
/// </summary>
internal sealed class ClusterServe
{
    private readonly Option<string?> _cluster = new("--cluster") { Description = "Run as one silo of a cluster whose membership is in this PostgreSQL database (postgis:<connection string> or a plain Npgsql connection string); needs --cities" };
    private readonly Option<string?> _cities = new("--cities") { Description = "With --cluster: the cities served, as name=source,… (a .gpkg file or postgis:…;Schema=<city schema>); every silo gets the same list" };
    private readonly Option<string> _clusterId = new("--cluster-id") { Description = "With --cluster: the cluster's name in the membership tables", DefaultValueFactory = _ => ClusterMembership.DefaultClusterId };
    private readonly Option<int> _siloPort = new("--silo-port") { Description = "With --cluster: the port other silos reach this one on", DefaultValueFactory = _ => 11111 };
    private readonly Option<int> _gatewayPort = new("--gateway-port") { Description = "With --cluster: the port batch clients ('geo audit --cluster') reach this silo on", DefaultValueFactory = _ => 30000 };
    private readonly Option<double> _idle = new("--idle-minutes") { Description = "With --cluster: a city nobody asked for this long is unloaded (the next request loads it again)", DefaultValueFactory = _ => 30 };

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    public static ClusterServe Options() => new();

    public void AddTo(Command command, Option<string> data)
    {
        foreach (var option in new Option[] { _cluster, _cities, _clusterId, _siloPort, _gatewayPort, _idle }) command.Options.Add(option);
        command.Validators.Add(result =>
        {
            bool clustered = result.GetValue(_cluster) is not null, hasData = result.GetValue(data) is not null, hasCities = result.GetValue(_cities) is not null;
            if (clustered && hasData) result.AddError("--data and --cluster exclude each other: a cluster's cities are named by --cities");
            else if (clustered && !hasCities) result.AddError("--cluster needs --cities name=source,…");
            else if (!clustered && hasCities) result.AddError("--cities needs --cluster <postgres connection>");
            else if (!clustered && !hasData) result.AddError("Option '--data' is required.");
        });
    }

    public bool IsGiven(ParseResult parse) => parse.GetValue(_cluster) is not null;

    public static int Run(ParseResult parse, ClusterServe options, CityDefaults defaults, string host, int port, ServerLimits limits)
    {
        var membership = ClusterMembership.Parse(parse.GetValue(options._cluster)!, parse.GetValue(options._clusterId)!);
        double idle = parse.GetValue(options._idle);
        if (!double.IsFinite(idle) || idle is < 0.1 or > 10080) throw new GeoInputException($"--idle-minutes {idle}: give between 0.1 and 10080 minutes");
        var catalog = new CityCatalog(CitySource.ParseList(parse.GetValue(options._cities)!), defaults with { IdleAfter = TimeSpan.FromMinutes(idle) });
        int siloPort = parse.GetValue(options._siloPort), gatewayPort = parse.GetValue(options._gatewayPort);
        foreach (var (name, value) in new[] { ("--silo-port", siloPort), ("--gateway-port", gatewayPort) })
        {
            if (value is < 1 or > 65535) throw new GeoInputException($"{name} {value} is not a TCP port (1–65535)");
            try
            {
                ListenCheck.Check(host, value);
            }
            catch (GeoInputException e)
            {
                throw new GeoInputException(e.Message.Replace("another --port (0 picks a free one)", $"another {name}", StringComparison.Ordinal));
            }
        }
        membership.Check();
        var app = ClusterSilo.Build(membership, catalog, new SiloAddresses(host, port, siloPort, gatewayPort), limits);
        using (var joining = new CancellationTokenSource(JoinTimeout))
        {
            try
            {
                app.StartAsync(joining.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                throw new GeoInputException(ListenCheck.Explain(host, port, e));
            }
            catch (OperationCanceledException) when (joining.IsCancellationRequested)
            {
                throw new GeoInputException($"could not join cluster '{membership.ClusterId}' within {JoinTimeout.TotalSeconds:0} s: the membership tables refused this silo's row, " +
                    $"or other silos did not answer on their --silo-port (check the PostgreSQL log and that scripts/cluster-tables.sql is applied)");
            }
        }
        var address = Geo.MapViewer.ViewerServer.Address(app);
        if (!IPAddress.IsLoopback(IPAddress.Parse(address.Host.Trim('[', ']')))) Console.Error.WriteLine($"geo: warning: listening on {address.Host}, reachable from other machines");
        Console.WriteLine($"Geo cluster silo on {address} (silo {host}:{siloPort}, gateway {gatewayPort}, cluster '{membership.ClusterId}'; " +
            $"{catalog.Cities.Count} cities: {string.Join(", ", catalog.Cities.Select(c => c.Name))}); {address}api/cities lists them; Ctrl+C stops");
        Console.Out.Flush();
        app.WaitForShutdown();
        return 0;
    }
}
