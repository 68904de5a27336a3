using System.CommandLine;
using System.Globalization;
using Geo.Analyses.Pairing;
using Geo.Data;
using Geo.Data.Model;
using Geo.Streets;
using Spectre.Console;

namespace Geo.Cli.Commands;

internal static class PairCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var stations = new Option<string>("--stations")
        {
            Description = "Stations: a layer of the --data store, or a .gpkg / postgis: store whose 'stations' layer is read",
            DefaultValueFactory = _ => DatasetLayers.Stations,
        };
        var subdistricts = new Option<string>("--subdistricts")
        {
            Description = "Subdistricts: a layer of the --data store, or an admin level (e.g. 8) picked from its 'subdistricts' layer",
            DefaultValueFactory = _ => DatasetLayers.Subdistricts,
        };
        var profile = SharedOptions.Profile();
        var cap = new Option<int?>("--max-subdistricts-per-station") { Description = "Most subdistricts one station may serve, counting the one it stands in" };
        var minutes = new Option<double>("--max-minutes")
        {
            Description = "Longest travel time from a station to a subdistrict's reference point (and for territories)",
            DefaultValueFactory = _ => PairingOptions.DefaultLimitMinutes,
        };
        var border = new Option<string>("--border-rule")
        {
            Description = "Which subdistrict gets a station on a shared border: lowest-id or nearest-interior",
            DefaultValueFactory = _ => "lowest-id",
        };
        border.AcceptOnlyFromAmong("lowest-id", "nearest-interior");
        var snap = SharedOptions.MaxSnap();
        var output = new Option<string>("--out") { Description = "GeoPackage file or postgis:<connection string> to write the pairing layers to", Required = true };
        var csv = new Option<string?>("--csv") { Description = "Also write the two-way pairing table to this CSV file" };
        var command = new Command("pair", "Pair stations with streets and subdistricts (结对子), and split the streets into station territories; exits 2 when some subdistrict is left unpaired.")
        {
            data, stations, subdistricts, profile, cap, minutes, border, snap, output, csv,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var options = new PairingOptions
            {
                MaxSubdistrictsPerStation = parse.GetValue(cap),
                LimitMinutes = parse.GetValue(minutes),
                BorderRule = parse.GetValue(border) == "nearest-interior" ? BorderRule.NearestInterior : BorderRule.LowestId,
                MaxSnapMeters = parse.GetValue(snap),
            };
            options.Validate();
            var travel = TravelProfile.Load(parse.GetValue(profile)!);
            string outSpec = parse.GetValue(output)!;
            if (!FeatureStores.IsPostGis(outSpec) && !outSpec.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
            {
                throw new GeoInputException($"--out '{outSpec}' is neither a .gpkg file nor postgis:<connection string>");
            }
            if (parse.GetValue(csv) is string csvFile && Path.GetDirectoryName(Path.GetFullPath(csvFile)) is string folder && !Directory.Exists(folder))
            {
                throw new GeoInputException($"--csv '{csvFile}': folder '{folder}' does not exist");
            }

            StreetDataset dataset;
            IReadOnlyList<Station> stationList;
            IReadOnlyList<Subdistrict> subdistrictList;
            string source;
            using (var store = FeatureStores.Open(parse.GetValue(data)!, create: false))
            {
                stationList = PairingInputs.ReadStations(store, parse.GetValue(stations)!);
                (subdistrictList, source) = PairingInputs.ReadSubdistricts(store, parse.GetValue(subdistricts)!);
                dataset = DatasetLayers.Read(store);
            }

            PairingResult result = null!;
            CommandRunner.Progress.Status().Start("building the street graph", context =>
            {
                var graph = StreetGraphBuilder.Build(dataset, travel);
                context.Status($"pairing {stationList.Count} stations with {subdistrictList.Count} subdistricts");
                result = PairingAnalysis.Run(graph, stationList, subdistrictList, dataset.Pois, options, source);
                context.Status("writing");
                using var target = FeatureStores.Open(outSpec, create: true);
                target.WriteLayers(PairingLayers.ToLayers(result));
                if (parse.GetValue(csv) is string csvPath) PairingCsv.WriteFile(csvPath, result);
            });
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"geo: warning: {warning}");
            PrintSummary(result);
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

    private static string Listed(string text) => text.Length == 0 ? "none" : text;
}
