using System.CommandLine;
using System.Net;
using Geo.Analyses.Demand;
using Geo.Analyses.Workflow;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.Subdistricts;
using Geo.MapViewer;
using Geo.MapViewer.Api;
using Geo.MapViewer.Session;
using Geo.Streets;
using Geo.Streets.Snapping;
using Microsoft.Extensions.Hosting;

namespace Geo.Cli.Commands;

internal static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create()
    {
        var data = SharedOptions.Data();
        data.Required = false;
        var cluster = ClusterServe.Options();
        var stations = SharedOptions.Stations();
        var subdistricts = new Option<string?>("--subdistricts") { Description = "Subdistricts: a layer/table, admin:<level>, or cells:<size>; default: the dataset's, else 1 km cells" };
        var demand = new Option<string[]>("--demand") { Description = "Demand: layer[:weight_column], a .geojson/.csv file[:weight], or pois:<query>; repeatable. Default: street length", AllowMultipleArgumentsPerToken = false };
        var profile = new Option<string>("--profile") { Description = "The profile shown first: walk, ebike or car", DefaultValueFactory = _ => "ebike" };
        var minutes = new Option<double>("--minutes") { Description = "The service circle shown first, in minutes", DefaultValueFactory = _ => 15 };
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to listen on; the default keeps the viewer on this machine", DefaultValueFactory = _ => "127.0.0.1" };
        var cacheMb = new Option<int>("--cache-mb") { Description = "Memory budget of cached results (audits per profile and break, siting problems, tiles) in MB; least recently used are dropped and recomputed", DefaultValueFactory = _ => ViewerSession.DefaultCacheMegabytes };
        var computations = new Option<int>("--computations") { Description = "Heavy computations (isochrones, audits, what-if, siting) at once; more wait up to a second, then get 503 with Retry-After", DefaultValueFactory = _ => ServerLimits.DefaultComputations };
        var crs = SharedOptions.InputCrs();
        var snap = SharedOptions.MaxSnap();
        var direction = SharedOptions.Direction();
        var command = new Command(Name,
            "Map viewer and HTTP API: service areas, coverage, gaps, blind spots, pairing, what-if stations and siting on an interactive map, " +
            "with vector tiles and an OpenAPI document at /openapi/v1.json. Works offline.")
        {
            data, stations, subdistricts, demand, profile, minutes, port, host, cacheMb, computations, crs, snap, direction,
        };
        cluster.AddTo(command, data);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            string profileName = parse.GetValue(profile)!.Trim().ToLowerInvariant();
            if (!TravelProfile.BuiltInNames.Contains(profileName)) throw new GeoInputException($"--profile '{profileName}': geo serve shows the built-in profiles {string.Join(", ", TravelProfile.BuiltInNames)}");
            Geo.Analyses.Reach.Reachability.ValidateMinutes(parse.GetValue(minutes));
            int cache = parse.GetValue(cacheMb), slots = parse.GetValue(computations);
            if (cache is < 16 or > 1_048_576) throw new GeoInputException($"--cache-mb {cache}: give a budget between 16 and 1048576 MB");
            if (slots is < 1 or > 256) throw new GeoInputException($"--computations {slots}: give between 1 and 256 heavy computations at once");
            string hostName = parse.GetValue(host)!;
            int portNumber = parse.GetValue(port);
            var limits = ServerLimits.Default with { Computations = slots };
            ListenCheck.Check(hostName, portNumber);
            if (cluster.IsGiven(parse))
            {
                return ClusterServe.Run(parse, cluster, new Geo.Cluster.Cities.CityDefaults(profileName, parse.GetValue(minutes), parse.GetValue(snap),
                    TravelDirections.Parse(parse.GetValue(direction)!), cache), hostName, portNumber, limits);
            }
            var (session, warnings) = Load(parse.GetValue(data)!, parse.GetValue(stations), parse.GetValue(subdistricts), parse.GetValue(demand) ?? Array.Empty<string>(),
                profileName, parse.GetValue(minutes), parse.GetValue(snap), InputCrs.Parse(parse.GetValue(crs)), TravelDirections.Parse(parse.GetValue(direction)!), cache, warmUp: false);
            foreach (var w in warnings.Take(20)) Console.Error.WriteLine($"geo: warning: {w}");
            var app = ViewerServer.Build(session, hostName, portNumber, limits: limits);
            try
            {
                app.Start();
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                throw new GeoInputException(ListenCheck.Explain(hostName, portNumber, e));
            }
            var address = ViewerServer.Address(app);
            if (!IPAddress.IsLoopback(IPAddress.Parse(address.Host.Trim('[', ']')))) Console.Error.WriteLine($"geo: warning: listening on {address.Host}, reachable from other machines");
            Console.WriteLine($"Geo map viewer on {address} ({session.Inputs.StationsFrom}; {session.Inputs.Subdistricts.Count} {Geo.Data.Subdistricts.UnitKinds.Label(session.Inputs.Planning.Units.Kind)}); API document {address}openapi/v1.json; Ctrl+C stops");
            Console.Out.Flush();
            // The page, stations, street tiles and isochrones are answered from here on; the first view's coverage is
            // worked out meanwhile, and requests for it wait for it. A failure there ends the server as it did at start.
            var firstView = session.WarmUpInBackground();
            firstView.ContinueWith(t =>
            {
                if (t.IsFaulted) app.Lifetime.StopApplication();
                else
                {
                    Console.WriteLine($"Coverage of the first view ({session.FirstView.Profile}, {session.FirstView.Minutes:0.##} min) ready after {session.FirstView.Seconds:0.0} s");
                    Console.Out.Flush();
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            app.WaitForShutdown();
            if (firstView.IsFaulted) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstView.Exception!.InnerException!);
            return 0;
        }));
        return command;
    }

    /// <summary>Reads everything the viewer shows, once: the same defaults as 'geo audit'.</summary>
    internal static (ViewerSession Session, IReadOnlyList<string> Warnings) Load(string dataSpec, string? stationsSpec, string? subdistrictsSpec, string[] demandSpecs,
        string profile, double minutes, double maxSnap, InputCrs crs, TravelDirection direction = TravelDirection.ToStation,
        int cacheMegabytes = ViewerSession.DefaultCacheMegabytes, bool warmUp = true) =>
        ViewerLoading.Load(dataSpec, stationsSpec, subdistrictsSpec, demandSpecs, profile, minutes, maxSnap, crs, direction, cacheMegabytes, warmUp: warmUp);
}
