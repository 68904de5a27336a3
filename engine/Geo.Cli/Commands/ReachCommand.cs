using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Geo.Analyses.Reach;
using Geo.Coordinates;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Cli.Commands;

internal static class ReachCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var from = new Option<string>("--from") { Description = "Origin as lon,lat", Required = true };
        var profile = SharedOptions.Profile();
        var minutes = new Option<double>("--minutes") { Description = "Time limit in minutes", DefaultValueFactory = _ => 15 };
        var format = new Option<string>("--format") { Description = "csv or geojson", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "geojson");
        var crs = SharedOptions.InputCrs();
        var snap = SharedOptions.MaxSnap();
        var command = new Command("reach", "Every street junction reached from a point within a time limit (like pgr_drivingDistance).")
        {
            data, from, profile, minutes, format, crs, snap,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            Reachability.ValidateMinutes(parse.GetValue(minutes));
            var travel = TravelProfile.LoadInBackground(parse.GetValue(profile)!);
            var (x, y) = SharedOptions.ParseLonLat(parse.GetValue(from)!, "--from");
            var (lon, lat) = InputCrs.Parse(parse.GetValue(crs)).ToWgs84(x, y);
            LonLatRange.Require(lon, lat, "--from");
            var dataset = SharedOptions.LoadDataset(parse.GetValue(data)!);
            var graph = StreetGraphBuilder.Build(dataset, travel());
            var result = Reachability.From(new StreetSnapper(graph, parse.GetValue(snap)), lon, lat, parse.GetValue(minutes));
            if (parse.GetValue(format) == "geojson") WriteGeoJson(result);
            else WriteCsv(result);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"geo: {result.Vertices.Count} junctions reached within {parse.GetValue(minutes)} min by {travel().Name}; origin snapped {result.Origin.DistanceMeters:0.0} m to '{graph.Pieces.Source[result.Origin.Piece].Name ?? graph.Pieces.Source[result.Origin.Piece].Highway}'"));
            return 0;
        }));
        return command;
    }

    private static void WriteCsv(ReachResult result)
    {
        var output = Console.Out;
        output.WriteLine("osm_node_id,lon,lat,seconds");
        foreach (var v in result.Vertices)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v.OsmNodeId},{v.Lon:0.0000000},{v.Lat:0.0000000},{v.Seconds:0.00}"));
        }
    }

    private static void WriteGeoJson(ReachResult result)
    {
        using var stream = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var v in result.Vertices)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(v.Lon, 7));
            json.WriteNumberValue(Math.Round(v.Lat, 7));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteNumber("osm_node_id", v.OsmNodeId);
            json.WriteNumber("seconds", Math.Round(v.Seconds, 2));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
