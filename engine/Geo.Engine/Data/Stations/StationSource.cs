using System.Globalization;
using Geo.Coordinates;
using Geo.Data.Features;
using Geo.Data.Files;
using Geo.Data.Model;

namespace Geo.Data.Stations;

/// <summary>
/// Loads stations from wherever the user keeps them: a layer or table of the data store, a GeoJSON or CSV file, or a
/// POI query on the dataset (<c>pois:amenity=community_centre|name~驿站</c>). Ids must be unique.
/// </summary>
public static class StationSource
{
    public const string PoiPrefix = "pois:";

    public static IReadOnlyList<Station> Load(string spec, IFeatureStore store, StreetDataset dataset, InputCrs crs)
    {
        IReadOnlyList<Station> stations;
        if (spec.StartsWith(PoiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var query = PoiQuery.Parse(spec[PoiPrefix.Length..]);
            stations = dataset.Pois.Where(query.Matches)
                .Select(p => new Station($"{p.OsmType[0]}{p.OsmId}", p.Name, p.Geometry)).ToArray();
            if (stations.Count == 0) throw new GeoInputException($"no POI of {store.Description} matches '{query.Text}'");
        }
        else if (InputLayerFile.IsFile(spec))
        {
            stations = FromLayer(InputLayerFile.Read(spec, crs), InputCrs.Wgs84, spec);
        }
        else
        {
            LayerName.Require(spec, "station layer");
            stations = FromLayer(store.ReadLayer(spec), crs, $"{store.Description} layer '{spec}'");
        }
        RequireUniqueIds(stations, spec);
        return stations;
    }

    public static IReadOnlyList<Station> FromLayer(FeatureLayer layer, InputCrs crs, string where)
    {
        if (layer.Srid != 4326) throw new GeoInputException($"{where} is in EPSG:{layer.Srid}; stations must be lon/lat (EPSG:4326)");
        int id = new[] { "station_id", "id", "fid", "code" }.Select(layer.FieldIndex).FirstOrDefault(i => i >= 0, -1);
        int name = new[] { "name", "station_name", "名称" }.Select(layer.FieldIndex).FirstOrDefault(i => i >= 0, -1);
        int hours = new[] { "opening_hours", "营业时间" }.Select(layer.FieldIndex).FirstOrDefault(i => i >= 0, -1);
        var stations = new List<Station>(layer.Features.Count);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            var f = layer.Features[i];
            if (f.Geometry is not NetTopologySuite.Geometries.Point point || point.IsEmpty)
            {
                throw new GeoInputException($"{where}: feature {i + 1} is a {f.Geometry?.GeometryType ?? "missing geometry"}, not a point");
            }
            if (!double.IsFinite(point.X) || !double.IsFinite(point.Y)) throw new GeoInputException($"{where}: feature {i + 1} has a coordinate that is not a finite number");
            var lonLat = crs.ToWgs84Point(point.X, point.Y);
            LonLatRange.Require(lonLat.X, lonLat.Y, $"{where}: feature {i + 1}");
            string stationId = id >= 0 && f.Values[id] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture)! : (i + 1).ToString(CultureInfo.InvariantCulture);
            stations.Add(new Station(stationId, name >= 0 ? f.Values[name] as string : null, lonLat,
                hours >= 0 && f.Values[hours] is string h && !string.IsNullOrWhiteSpace(h) ? h : null));
        }
        if (stations.Count == 0) throw new GeoInputException($"{where} holds no stations");
        return stations;
    }

    private static void RequireUniqueIds(IReadOnlyList<Station> stations, string spec)
    {
        var duplicates = stations.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        if (duplicates.Count > 0)
        {
            throw new GeoInputException($"stations from {spec} have duplicate ids: {string.Join(", ", duplicates)}");
        }
    }
}
