using System.CommandLine;
using Geo.Cluster.Batch;
using Geo.Cluster.Hosting;
using Geo.Data;
using Geo.Data.PostGis;

namespace Geo.Cli.Commands;

/// <summary>
/// 'geo audit --cities a,b|all --cluster &lt;postgres&gt; --out postgis:…': audits the cluster's cities where they
/// live, each city's layers in its own schema in one transaction, and a summary row per city in audit_cities.
/// </summary>
internal sealed class ClusterAuditOptions
{
    private readonly Option<string?> _cities = new("--cities") { Description = "With --cluster: the cities to audit, as a,b,c or all; each city's layers go to <out schema>_<city>, one row per city to <out schema>.audit_cities" };
    private readonly Option<string?> _cluster = new("--cluster") { Description = "With --cities: the PostgreSQL database holding the running cluster's membership ('geo serve --cluster')" };
    private readonly Option<string> _clusterId = new("--cluster-id") { Description = "With --cluster: the cluster's name", DefaultValueFactory = _ => ClusterMembership.DefaultClusterId };

    public static ClusterAuditOptions AddTo(Command command, Option<string> data, Option<string> output, params Option[] singleDataset)
    {
        var options = new ClusterAuditOptions();
        command.Options.Add(options._cities);
        command.Options.Add(options._cluster);
        command.Options.Add(options._clusterId);
        command.Validators.Add(result =>
        {
            bool cities = result.GetValue(options._cities) is not null, clustered = result.GetValue(options._cluster) is not null;
            if (cities != clustered) result.AddError("--cities and --cluster go together: geo audit --cities a,b|all --cluster <postgres> --out postgis:…");
            else if (cities && result.GetValue(data) is not null) result.AddError("--data and --cities exclude each other: the cluster knows each city's data");
            else if (cities && result.GetValue(output) is { } o && !FeatureStores.IsPostGis(o)) result.AddError("with --cities, --out must be postgis:<connection string>[;Schema=…]");
            else if (!cities && result.GetValue(data) is null) result.AddError("Option '--data' is required.");
            else if (cities && singleDataset.FirstOrDefault(s => result.GetResult(s) is { Implicit: false }) is { } extra)
            {
                result.AddError($"{extra.Name} applies to one dataset; with --cities each city uses its own stations and units");
            }
        });
        return options;
    }

    public bool IsGiven(ParseResult parse) => parse.GetValue(_cities) is not null;

    public int Run(ParseResult parse, string profile, double minutes, string output)
    {
        Geo.Analyses.Reach.Reachability.ValidateMinutes(minutes);
        profile = profile.Trim().ToLowerInvariant();
        if (!Geo.Streets.TravelProfile.BuiltInNames.Contains(profile)) throw new GeoInputException($"--profile '{profile}': the cluster's cities have the built-in profiles {string.Join(", ", Geo.Streets.TravelProfile.BuiltInNames)}");
        var membership = ClusterMembership.Parse(parse.GetValue(_cluster)!, parse.GetValue(_clusterId)!);
        membership.Check();
        var location = PostGisLocation.Parse(output);
        var outcomes = ClusterAudit.Run(membership, parse.GetValue(_cities)!, profile, minutes, location, o =>
        {
            if (o.Written) Console.WriteLine($"{o.City}: {o.StreetShare:P1} of streets within {o.Minutes:0.##} minutes ({o.Profile}), {o.BlindSpots} blind spots; wrote schema {o.Schema} on {o.Silo} in {o.Seconds:0.0} s");
            else Console.Error.WriteLine($"geo: warning: {o.City}: not audited: {o.Reason}");
        }).GetAwaiter().GetResult();
        Console.WriteLine($"wrote {outcomes.Count(o => o.Written)} of {outcomes.Count} cities; summary in {location.Schema}.{AuditSummaryTable.Name}");
        var failed = outcomes.Where(o => !o.Written).ToList();
        if (failed.Count > 0) throw new GeoInputException($"{failed.Count} of {outcomes.Count} cities failed: {string.Join("; ", failed.Select(f => $"{f.City}: {f.Reason}"))}");
        return 0;
    }
}
