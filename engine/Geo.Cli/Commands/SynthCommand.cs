using System.CommandLine;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Files;
using Geo.Data.Model;
using Geo.Data.Subdistricts;
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
        var frame = new Option<string?>("--frame") { Description = "Lay the city over these real boundaries (a .geojson or .shp of 街道): its subdistricts take their names" };
        var centre = new Option<string?>("--centre") { Description = "lon,lat of the city centre; default 104.066,30.657 (Chengdu), or with --frame the centre of its small, central units" };
        var crs = SharedOptions.InputCrs();
        var output = new Option<string>("--out") { Description = "GeoPackage file or postgis:<connection string> to write", Required = true };
        var command = new Command("synth", "Generate a deterministic Chengdu-like synthetic city (streets, subdistricts …街道, stations …驿站, POIs).")
        {
            vertices, stations, seed, frame, centre, crs, output,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var options = new SyntheticCityOptions(parse.GetValue(vertices), parse.GetValue(stations), parse.GetValue(seed));
            if (parse.GetValue(frame) is { } framePath)
            {
                if (!InputLayerFile.IsFile(framePath)) throw new GeoInputException($"--frame '{framePath}': give a .geojson or .shp file of boundaries");
                var units = SubdistrictCheck.Valid(DatasetLayers.ReadSubdistricts(InputLayerFile.Read(framePath, InputCrs.Parse(parse.GetValue(crs)))), framePath, new List<string>());
                var (lon, lat) = SyntheticFrame.Centre(units);
                options = options with { CentreLon = lon, CentreLat = lat, Frame = units, FrameName = Path.GetFileName(framePath) };
            }
            if (parse.GetValue(centre) is { } centreText)
            {
                var (lon, lat) = SharedOptions.ParseLonLat(centreText, "--centre");
                options = options with { CentreLon = lon, CentreLat = lat };
            }
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
                $"{city.Subdistricts.Count} {(options.Frame is null ? "subdistricts" : $"街道 of {options.FrameName}")}, {city.Stations.Count} stations, {city.Pois.Count} POIs (seed {options.Seed})");
            return 0;
        }));
        return command;
    }
}
