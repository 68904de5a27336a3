using System.CommandLine;
using System.Globalization;
using Geo.Data;
using Geo.Data.Model;
using Geo.Streets.Snapping;

namespace Geo.Cli.Commands;

/// <summary>Options several verbs share, so they read and say the same everywhere.</summary>
internal static class SharedOptions
{
    public static Option<string?> Language() => new("--lang")
    {
        Description = "Language of the outputs: zh or en; default: zh when most names are Chinese (or, without names, when the data lies in China), else en",
    };

    /// <summary>The language asked for, or the one the data suggests, with the reason to print.</summary>
    public static (Geo.Rendering.Words.OutputLanguage Language, string Reason) ChooseLanguage(string? given, Func<(Geo.Rendering.Words.OutputLanguage, string)> detect) =>
        given is null ? detect() : (Geo.Rendering.Words.OutputLanguages.Parse(given), "--lang");

    public static Option<string> Data() => new("--data")
    {
        Description = "Dataset: a GeoPackage made by 'geo import' / 'geo synth', or postgis:<connection string>[;Schema=geo]",
        Required = true,
    };

    public static Option<string> Profile() => new("--profile")
    {
        Description = "Travel profile: walk, ebike, car, or a profile .json file",
        DefaultValueFactory = _ => "ebike",
    };

    public static Option<string> InputCrs() => new("--input-crs")
    {
        Description = "CRS of given coordinates: wgs84, gcj02 (Amap/Tencent), bd09 (Baidu) or EPSG:<code>",
        DefaultValueFactory = _ => "wgs84",
    };

    public static Option<double> MaxSnap() => new("--max-snap")
    {
        Description = "Farthest a point may be from a usable street, in metres",
        DefaultValueFactory = _ => StreetSnapper.DefaultMaxDistanceMeters,
    };

    public static Option<string> Direction() => new("--direction")
    {
        Description = "Which way the break is measured: to-station (riders travel to the station; default) or from-station (out from the station). Differs only on one-way streets",
        DefaultValueFactory = _ => "to-station",
    };

    public static Option<string?> Stations() => new("--stations")
    {
        Description = "Stations: a layer/table of the dataset (default: its 'stations' layer), a .geojson or .csv file (lon/lat columns), or pois:<query> such as pois:amenity=community_centre|name~驿站",
    };

    public static Option<string> Output() => new("--out")
    {
        Description = "Where to write: a .gpkg file, postgis:<connection string>[;Schema=…], or a .geojson file",
        Required = true,
    };

    public static StreetDataset LoadDataset(string spec)
    {
        using var store = FeatureStores.Open(spec, create: false);
        return DatasetLayers.Read(store);
    }

    public static (double X, double Y) ParseLonLat(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y)
            || !double.IsFinite(x) || !double.IsFinite(y))
        {
            throw new GeoInputException($"{option} '{text}' is not lon,lat (e.g. 104.066,30.657)");
        }
        return (x, y);
    }
}
