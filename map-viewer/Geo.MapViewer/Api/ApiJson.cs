using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.MapViewer.Api;

/// <summary>How responses are written: snake_case JSON, geometries and feature collections as GeoJSON (RFC 7946, lon/lat).</summary>
internal static class ApiJson
{
    public const string GeoJsonType = "application/geo+json";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory() },
    };

    public static IResult Json(object value) => Results.Json(value, Options);

    public static IResult GeoJson(FeatureCollection features) => Results.Json(features, Options, GeoJsonType);

    public static IFeature Feature(Geometry geometry, params (string Name, object? Value)[] properties)
    {
        var table = new AttributesTable();
        foreach (var (name, value) in properties) table.Add(name, value is double d ? Round(d) : value);
        return new Feature(geometry, table);
    }

    public static FeatureCollection Collection(IEnumerable<IFeature> features)
    {
        var collection = new FeatureCollection();
        foreach (var f in features) collection.Add(f);
        return collection;
    }

    /// <summary>Figures rounded for display; NaN and infinities become null so the JSON stays valid.</summary>
    public static double? Round(double value, int digits = 4) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
