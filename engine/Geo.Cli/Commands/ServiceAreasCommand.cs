using System.CommandLine;
using System.Globalization;
using Geo.Analyses.ServiceAreas;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.Stations;
using Geo.Streets;
using Geo.Streets.Snapping;
using Geo.Cli.Outputs;
using Spectre.Console;

namespace Geo.Cli.Commands;

internal static class ServiceAreasCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var stations = SharedOptions.Stations();
        var profile = SharedOptions.Profile();
        var minutes = new Option<string>("--minutes") { Description = "Time breaks in minutes, ascending", DefaultValueFactory = _ => "5,10,15" };
        var circle = new Option<bool>("--circle") { Description = "Straight-line circles (radius = profile speed × minutes) instead of the street network" };
        var lateral = new Option<double?>("--lateral") { Description = "How far a polygon reaches sideways from a reached street, in metres (default: the profile's)" };
        var noOverlap = new Option<bool>("--no-overlap") { Description = "Skip the overlap layer (how many stations reach each part)" };
        var crs = SharedOptions.InputCrs();
        var snap = SharedOptions.MaxSnap();
        var direction = SharedOptions.Direction();
        var output = SharedOptions.Output();
        var command = new Command("service-areas",
            "Service areas of every station (5/10/15-minute circles along the streets, with holes), merged coverage, overlap, unsnapped stations. " +
            "--out: a .gpkg, postgis:<connection string>, or a .geojson (other layers beside it as name.<layer>.geojson).")
        {
            data, stations, profile, minutes, circle, lateral, noOverlap, crs, snap, direction, output,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var options = new ServiceAreaOptions(ServiceAreaOptions.ParseMinutes(parse.GetValue(minutes)!), parse.GetValue(lateral),
                parse.GetValue(circle), !parse.GetValue(noOverlap), Direction: TravelDirections.Parse(parse.GetValue(direction)!));
            options.Validate();
            var travel = TravelProfile.LoadInBackground(parse.GetValue(profile)!);
            var inputCrs = InputCrs.Parse(parse.GetValue(crs));
            string outTarget = parse.GetValue(output)!;
            using var outputs = new OutputSet(parse.GetValue(data), parse.GetValue(stations), parse.GetValue(profile));
            var layerTarget = new LayerTarget(outputs, outTarget, "--out");
            ServiceAreaResult result = null!;
            ChosenStations chosen = null!;
            CommandRunner.Progress.Status().Start("reading the dataset", context =>
            {
                using var store = FeatureStores.Open(parse.GetValue(data)!, create: false);
                var dataset = DatasetLayers.Read(store);
                chosen = StationChoice.Choose(parse.GetValue(stations), store, dataset, inputCrs);
                var list = chosen.Stations;
                context.Status($"building the {travel().Name} street graph");
                var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, travel()), parse.GetValue(snap));
                context.Status($"service areas of {list.Count} stations");
                result = ServiceAreaAnalysis.Run(snapper, list, options);
            });
            if (result.Snapped.Count == 0)
            {
                var first = result.Unsnapped[0];
                throw new GeoInputException($"none of the {result.Unsnapped.Count} stations is usable by {travel().Name} (station {first.Station.Id}: {first.Reason}); nothing written");
            }
            string written = layerTarget.Write(ServiceAreaLayers.ToLayers(result));
            outputs.Commit();
            foreach (var u in result.Unsnapped) Console.Error.WriteLine($"geo: warning: station {u.Station.Id} left out: {u.Reason}");
            Console.WriteLine(chosen.Headline);
            var largest = result.Coverage[^1];
            var t = result.Timings;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Snapped.Count} stations ({result.Unsnapped.Count} unsnapped), {result.Mode} {result.Profile}: {largest.Minutes}-minute coverage {largest.AreaKm2:0.00} km², {largest.StreetKm:0.0} street km"));
            Console.WriteLine($"wrote {written}");
            Console.Error.WriteLine($"geo: time: snap {t.SnapMs} ms, stations {t.StationsMs} ms, merged coverage {t.CoverageMs} ms, overlap {t.OverlapMs} ms");
            return 0;
        }));
        return command;
    }
}
