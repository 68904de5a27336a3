using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Analyses.Navigation;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Files;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.IO.Converters;

namespace Geo.Cli.Commands;

/// <summary>geo nearest: the nearest open stations from a rider's point with the route there, or one row per point of a CSV file.</summary>
internal static class NearestCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var stations = SharedOptions.Stations();
        var from = new Option<string>("--from") { Description = "The rider's point as lon,lat, or a .csv file of points (lon/lat columns, optional id) for one row per point", Required = true };
        var profile = SharedOptions.Profile();
        var k = new Option<int>("--k") { Description = $"How many nearest stations (1–{NearestStationQuery.MaxK})", DefaultValueFactory = _ => 1 };
        var at = new Option<string?>("--at") { Description = "Only stations open at this time, e.g. 2026-12-02T21:30 in the data's time zone (default: now); 'any' ignores opening hours" };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone of the opening hours (default: Asia/Shanghai for data in China, else UTC)" };
        var maxMinutes = new Option<double>("--max-minutes") { Description = "Farthest station to offer, in minutes", DefaultValueFactory = _ => NearestStationQuery.DefaultMaxMinutes };
        var format = new Option<string>("--format") { Description = "text, geojson or csv (a CSV of points always gives csv)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "geojson", "csv");
        var lang = new Option<string>("--lang") { Description = "Language of the text steps: zh or en", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var crs = SharedOptions.InputCrs();
        var snap = SharedOptions.MaxSnap();
        var command = new Command("nearest", "The nearest open station(s) by travel time from a rider's point, with the route and steps (驿站导航); or from every point of a CSV file.")
        {
            data, stations, from, profile, k, at, zone, maxMinutes, format, lang, crs, snap,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var travel = TravelProfile.LoadInBackground(parse.GetValue(profile)!);
            var inputCrs = InputCrs.Parse(parse.GetValue(crs));
            string fromText = parse.GetValue(from)!;
            bool batch = fromText.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
            var riders = batch ? ReadPoints(fromText, inputCrs) : new[] { Point(fromText, inputCrs) };
            string dataSpec = parse.GetValue(data)!;
            using var store = FeatureStores.Open(dataSpec, create: false);
            var dataset = Geo.Data.Model.DatasetLayers.Read(store);
            var chosen = Geo.Data.Stations.StationChoice.Choose(parse.GetValue(stations), store, dataset, inputCrs);
            var list = chosen.Stations;
            var timeZone = DataTimeZone.Decide(dataset.Metadata.Extent, parse.GetValue(zone));
            string atText = parse.GetValue(at) ?? "now";
            DateTime? when = atText.Equals("any", StringComparison.OrdinalIgnoreCase) ? null
                : atText.Equals("now", StringComparison.OrdinalIgnoreCase) ? DataTimeZone.Now(timeZone) : DataTimeZone.ParseLocal(atText, timeZone);
            var query = new NearestStationQuery(parse.GetValue(k), when, parse.GetValue(maxMinutes));
            query.Validate();
            var navigator = new StationNavigator(new StreetSnapper(StreetGraphBuilder.Build(dataset, travel()), parse.GetValue(snap)), list);
            Console.Error.WriteLine(when is null
                ? $"geo: {chosen.Headline}; opening hours not looked at"
                : $"geo: {chosen.Headline}; open at {when:yyyy-MM-dd HH:mm} {timeZone.Id}" + (parse.GetValue(zone) is null && timeZone == TimeZoneInfo.Utc ? " (the data is outside China; give --time-zone for local hours)" : ""));
            foreach (var (s, problem) in navigator.UnreadableHours) Console.Error.WriteLine($"geo: warning: station {s.Id} is never taken as open: {problem}");
            foreach (var (s, reason) in navigator.Unsnapped) Console.Error.WriteLine($"geo: warning: station {s.Id} left out: {reason}");

            if (batch) return WriteBatch(navigator, riders, query, Console.Out);
            var answer = navigator.Nearest(riders[0].Lon, riders[0].Lat, query);
            if (answer.Routes.Count == 0)
            {
                string reason = answer.From.IsSnapped ? answer.NoneReason! : $"--from {fromText} is off the network: {answer.NoneReason}";
                throw new GeoInputException(reason);
            }
            switch (parse.GetValue(format))
            {
                case "geojson": WriteGeoJson(answer); break;
                case "csv": WriteRoutesCsv(answer, Console.Out); break;
                default: WriteText(answer, parse.GetValue(lang) == "zh"); break;
            }
            return 0;
        }));
        return command;
    }

    private static (string Id, double Lon, double Lat) Point(string text, InputCrs crs)
    {
        var (x, y) = SharedOptions.ParseLonLat(text, "--from");
        var (lon, lat) = crs.ToWgs84(x, y);
        return ("1", lon, lat);
    }

    private static (string Id, double Lon, double Lat)[] ReadPoints(string path, InputCrs crs)
    {
        var layer = CsvPointFile.Read(path);
        int id = new[] { "id", "point_id", "rider_id", "name" }.Select(layer.FieldIndex).FirstOrDefault(i => i >= 0, -1);
        return layer.Features.Select((f, i) =>
        {
            var p = (NetTopologySuite.Geometries.Point)f.Geometry;
            var (lon, lat) = crs.ToWgs84(p.X, p.Y);
            return (id >= 0 && f.Values[id] is string s ? s : (i + 1).ToString(CultureInfo.InvariantCulture), lon, lat);
        }).ToArray();
    }

    private static int WriteBatch(StationNavigator navigator, (string Id, double Lon, double Lat)[] riders, NearestStationQuery query, TextWriter output)
    {
        var answers = new NearestStationsAnswer[riders.Length];
        Parallel.For(0, riders.Length, i => answers[i] = navigator.Nearest(riders[i].Lon, riders[i].Lat, query with { K = 1 }));
        output.WriteLine("point_id,lon,lat,station_id,station_name,minutes,meters,snap_meters,reason");
        int found = 0;
        for (int i = 0; i < riders.Length; i++)
        {
            var (id, lon, lat) = riders[i];
            var a = answers[i];
            var route = a.Routes.FirstOrDefault();
            if (route is not null) found++;
            output.WriteLine(string.Join(",",
                Csv(id), F(lon, "0.0000000"), F(lat, "0.0000000"),
                Csv(route?.Station.Id), Csv(route?.Station.Name),
                route is null ? "" : F(route.Route.Minutes, "0.00"), route is null ? "" : F(route.Route.Meters, "0.0"),
                a.From.IsSnapped ? F(a.From.DistanceMeters, "0.0") : "", Csv(a.NoneReason)));
        }
        Console.Error.WriteLine($"geo: {found} of {riders.Length} points have an open station within {query.MaxMinutes:0.##} min");
        return 0;
    }

    private static void WriteText(NearestStationsAnswer answer, bool chinese)
    {
        foreach (var r in answer.Routes)
        {
            string name = r.Station.Name is null ? r.Station.Id : $"{r.Station.Name} ({r.Station.Id})";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Rank}. {name}  {r.Route.Minutes:0.0} min, {r.Route.Meters:0} m"));
            Console.WriteLine("   " + r.Route.Summary(chinese));
        }
    }

    private static void WriteRoutesCsv(NearestStationsAnswer answer, TextWriter output)
    {
        output.WriteLine("rank,station_id,station_name,minutes,meters,steps_zh,steps_en");
        foreach (var r in answer.Routes)
        {
            output.WriteLine(string.Join(",", r.Rank.ToString(CultureInfo.InvariantCulture), Csv(r.Station.Id), Csv(r.Station.Name),
                F(r.Route.Minutes, "0.00"), F(r.Route.Meters, "0.0"), Csv(r.Route.Summary(true)), Csv(r.Route.Summary(false))));
        }
    }

    private static void WriteGeoJson(NearestStationsAnswer answer)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() }, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = Console.OpenStandardOutput();
        JsonSerializer.Serialize(stream, NearestStationFeatures.ToFeatures(answer), options);
        stream.WriteByte((byte)'\n');
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Csv(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
    }
}
