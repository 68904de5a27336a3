using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Navigation;

/// <summary>
/// An answer as GeoJSON features in lon/lat: per station its route (a line with time, length and steps in zh and en)
/// and its point, the same in the command line's output and the API's.
/// </summary>
public static class NearestStationFeatures
{
    public static FeatureCollection ToFeatures(NearestStationsAnswer answer)
    {
        var features = new FeatureCollection();
        foreach (var r in answer.Routes)
        {
            features.Add(new Feature(r.Route.Line, Attributes(
                ("kind", "route"), ("rank", r.Rank), ("station_id", r.Station.Id), ("station_name", r.Station.Name),
                ("seconds", Round(r.Route.Seconds, 1)), ("minutes", Round(r.Route.Minutes, 2)), ("meters", Round(r.Route.Meters, 1)),
                ("opening_hours", r.Station.OpeningHours),
                ("summary_zh", r.Route.Summary(chinese: true)), ("summary_en", r.Route.Summary(chinese: false)),
                ("steps", Steps(r.Route)))));
            features.Add(new Feature((Point)r.Station.Geometry.Copy(), Attributes(
                ("kind", "station"), ("rank", r.Rank), ("station_id", r.Station.Id), ("station_name", r.Station.Name),
                ("opening_hours", r.Station.OpeningHours))));
        }
        if (answer.NearestClosed is { } closed)
        {
            features.Add(new Feature((Point)closed.Station.Geometry.Copy(), Attributes(
                ("kind", "nearest_closed"), ("station_id", closed.Station.Id), ("station_name", closed.Station.Name),
                ("opening_hours", closed.Station.OpeningHours), ("minutes", Round(closed.Seconds / 60, 2)),
                ("opens_at", closed.OpensAt?.ToString("yyyy-MM-dd'T'HH:mm")))));
        }
        return features;
    }

    public static Dictionary<string, object?>[] Steps(StreetRoute route) => route.Steps.Select(s => new Dictionary<string, object?>
    {
        ["turn"] = s.Turn.ToString().ToLowerInvariant(),
        ["street"] = s.Street,
        ["meters"] = Round(s.Meters, 1),
        ["seconds"] = Round(s.Seconds, 1),
        ["zh"] = s.Zh,
        ["en"] = s.En,
    }).ToArray();

    private static AttributesTable Attributes(params (string Name, object? Value)[] values)
    {
        var table = new AttributesTable();
        foreach (var (name, value) in values) table.Add(name, value);
        return table;
    }

    private static double Round(double value, int digits) => Math.Round(value, digits);
}
