using System.CommandLine;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Cli.Outputs;
using Spectre.Console;

namespace Geo.Cli.Commands;

internal static class SynthCommand
{
    public static Command Create()
    {
        var vertices = new Option<int>("--vertices") { Description = "Street junctions to generate (a Chengdu-sized city has about 300,000)", DefaultValueFactory = _ => 300_000 };
        var stations = new Option<int>("--stations") { Description = "Stations to place", DefaultValueFactory = _ => 1_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same city", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "GeoPackage file or postgis:<connection string> to write", Required = true };
        var command = new Command("synth", "Generate a deterministic Chengdu-like synthetic city (streets, subdistricts …街道, stations …驿站, POIs).")
        {
            vertices, stations, seed, output,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var options = new SyntheticCityOptions(parse.GetValue(vertices), parse.GetValue(stations), parse.GetValue(seed));
            options.Validate();
            using var outputs = new OutputSet();
            var target = new LayerTarget(outputs, parse.GetValue(output)!, "--out");
            StreetDataset city = null!;
            string written = "";
            CommandRunner.Progress.Status().Start("generating the city", context =>
            {
                city = SyntheticCity.Generate(options);
                context.Status("writing");
                written = target.Write(DatasetLayers.ToLayers(city));
                outputs.Commit();
            });
            int junctions = city.Streets.SelectMany(s => new[] { s.FromNodeId, s.ToNodeId }).Distinct().Count();
            Console.WriteLine($"{written.Split(" (")[0]}: synthetic city of {junctions} junctions, {city.Streets.Count} street pieces, " +
                $"{city.Subdistricts.Count} subdistricts, {city.Stations.Count} stations, {city.Pois.Count} POIs (seed {options.Seed})");
            return 0;
        }));
        return command;
    }
}
