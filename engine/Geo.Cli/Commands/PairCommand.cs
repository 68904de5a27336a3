using System.CommandLine;
using System.Globalization;
using Geo.Analyses.Pairing;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.Stations;
using Geo.Data.Subdistricts;
using Geo.Streets;
using Geo.Cli.Outputs;
using Spectre.Console;

namespace Geo.Cli.Commands;

internal static class PairCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var stations = SharedOptions.Stations();
        var subdistricts = new Option<string?>("--subdistricts")
        {
            Description = "Subdistricts: a layer/table, an admin level (8 or admin:8), or cells:<size>; default: the dataset's finest admin level",
        };
        var profile = SharedOptions.Profile();
        var cap = new Option<int?>("--max-subdistricts-per-station") { Description = "Most subdistricts one station may serve, counting the one it stands in" };
        var minutes = new Option<double>("--max-minutes")
        {
            Description = "Longest travel time between a station and a subdistrict's reference point (and for territories)",
            DefaultValueFactory = _ => PairingOptions.DefaultLimitMinutes,
        };
        var border = new Option<string>("--border-rule")
        {
            Description = "Which subdistrict gets a station on a shared border: lowest-id or nearest-interior",
            DefaultValueFactory = _ => "lowest-id",
        };
        border.AcceptOnlyFromAmong("lowest-id", "nearest-interior");
        var snap = SharedOptions.MaxSnap();
        var crs = SharedOptions.InputCrs();
        var direction = SharedOptions.Direction();
        var output = SharedOptions.Output();
        var csv = new Option<string?>("--csv") { Description = "Also write the two-way pairing table to this CSV file" };
        var command = new Command("pair", "Pair stations with streets and subdistricts (结对子), and split the streets into station territories; exits 2 when some subdistrict is left unpaired.")
        {
            data, stations, subdistricts, profile, cap, minutes, border, crs, snap, direction, output, csv,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var options = new PairingOptions
            {
                MaxSubdistrictsPerStation = parse.GetValue(cap),
                LimitMinutes = parse.GetValue(minutes),
                BorderRule = parse.GetValue(border) == "nearest-interior" ? BorderRule.NearestInterior : BorderRule.LowestId,
                MaxSnapMeters = parse.GetValue(snap),
                Direction = TravelDirections.Parse(parse.GetValue(direction)!),
            };
            options.Validate();
            var travel = TravelProfile.LoadInBackground(parse.GetValue(profile)!);
            var inputCrs = InputCrs.Parse(parse.GetValue(crs));
            string outTarget = parse.GetValue(output)!;
            using var outputs = new OutputSet(parse.GetValue(data), parse.GetValue(stations), parse.GetValue(profile));
            var layerTarget = new LayerTarget(outputs, outTarget, "--out");
            string? csvStaging = parse.GetValue(csv) is string csvFile ? outputs.File(csvFile, "--csv") : null;

            PairingResult result = null!;
            IReadOnlyList<string> sourceWarnings = Array.Empty<string>();
            ChosenStations chosen = null!;
            CommandRunner.Progress.Status().Start("reading the dataset", context =>
            {
                using var store = FeatureStores.Open(parse.GetValue(data)!, create: false);
                var dataset = DatasetLayers.Read(store);
                chosen = StationChoice.Choose(parse.GetValue(stations), store, dataset, inputCrs);
                var list = chosen.Stations;
                context.Status($"building the {travel().Name} street graph");
                var graph = StreetGraphBuilder.Build(dataset, travel());
                var areas = SubdistrictSource.Load(AdminLevelSpec(parse.GetValue(subdistricts)), store, dataset, graph, inputCrs);
                sourceWarnings = areas.Warnings;
                context.Status($"pairing {list.Count} stations with {areas.Subdistricts.Count} subdistricts");
                result = PairingAnalysis.Run(graph, list, areas.Subdistricts, dataset.Pois, options, areas.Description);
            });
            string written = layerTarget.Write(PairingLayers.ToLayers(result));
            if (csvStaging is not null) PairingCsv.WriteFile(csvStaging, result);
            outputs.Commit();
            foreach (var warning in sourceWarnings) Console.Error.WriteLine($"geo: warning: {warning}");
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"geo: warning: {warning}");
            Console.WriteLine(chosen.Headline);
            PrintSummary(result);
            Console.WriteLine($"wrote {written}" + (parse.GetValue(csv) is string c ? $" and {c}" : ""));
            return result.Summary.Feasible ? 0 : 2;
        }));
        return command;
    }

    private static void PrintSummary(PairingResult result)
    {
        var s = result.Summary;
        int inside = result.Rows.Count(r => r.How == PairingHow.Inside);
        Console.WriteLine($"{result.Stations.Count} stations, {result.Subdistricts.Count} subdistricts ({result.Graph.Profile.Name}): " +
            $"{inside} inside pairings, {result.Rows.Count(r => r.How == PairingHow.Nearest)} nearest, {result.Rows.Count(r => r.How == PairingHow.Assigned)} assigned" +
            (s.CapsBound ? $" (cap of {result.Options.MaxSubdistrictsPerStation} per station bound: least total travel time)" : ""));
        Console.WriteLine($"subdistricts with no station inside: {Listed(PairingLayers.SubdistrictList(result, s.SubdistrictsWithoutStation))}");
        Console.WriteLine($"stations outside all subdistricts: {Listed(string.Join("; ", s.StationsOutside.Select(j => result.Stations[j].Id)))}");
        if (s.Longest is { Seconds: double longest } row)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"longest pairing: {result.Stations[row.Station].Id} → {result.Subdistricts[row.Subdistrict].Name}, {longest / 60:0.0} min"));
        }
        Console.WriteLine($"territories: {result.Territories.Pieces.Count} street pieces labelled, {result.Territories.UnreachedPieces} beyond {result.Options.LimitMinutes.ToString(CultureInfo.InvariantCulture)} min of every station");
        if (!s.Feasible)
        {
            Console.WriteLine($"no feasible pairing: unpaired subdistricts: {PairingLayers.SubdistrictList(result, s.Unpaired)}");
        }
    }

    /// <summary>A bare number names an admin level, as planners say "level 8".</summary>
    private static string? AdminLevelSpec(string? spec) =>
        spec is not null && spec.Length > 0 && spec.All(char.IsAsciiDigit) ? "admin:" + spec : spec;

    private static string Listed(string text) => text.Length == 0 ? "none" : text;
}
