using System.Globalization;
using Geo.Coordinates;
using Geo.Data.Features;
using Geo.Data.Files;
using Geo.Data.Model;
using Geo.Data.Stations;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Demand;

/// <summary>
/// Demand layers: <c>layer</c> or <c>layer:weight_column</c> of the store, a .geojson/.csv file (optionally
/// <c>file.csv:weight</c>), or <c>pois:query</c> (weight 1 each). Polygons count at their interior point. Points
/// outside the data's extent are left out and counted in a warning.
/// </summary>
public static class DemandSource
{
    public sealed record Loaded(IReadOnlyList<DemandPoint> Points, IReadOnlyList<string> Warnings);

    /// <param name="crs">The CRS of the demand files and layers named (not of the dataset's own POIs); WGS84 when null.</param>
    public static Loaded Load(IEnumerable<string> specs, IFeatureStore store, StreetDataset dataset, Envelope lonLatExtent, InputCrs? crs = null)
    {
        var points = new List<DemandPoint>();
        var warnings = new List<string>();
        foreach (var spec in specs)
        {
            var loaded = LoadOne(spec, store, dataset, crs ?? InputCrs.Wgs84);
            int outside = 0;
            foreach (var p in loaded)
            {
                if (lonLatExtent.Contains(p.Geometry.Coordinate)) points.Add(p);
                else outside++;
            }
            if (outside == loaded.Count) throw new GeoInputException($"every demand point of '{spec}' lies outside the data's extent: is it the same city, in lon/lat?");
            if (outside > 0) warnings.Add($"{outside} of {loaded.Count} demand points of '{spec}' lie outside the data's extent and were left out");
        }
        return new Loaded(points, warnings);
    }

    private static List<DemandPoint> LoadOne(string spec, IFeatureStore store, StreetDataset dataset, InputCrs crs)
    {
        if (spec.StartsWith(StationSource.PoiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var query = PoiQuery.Parse(spec[StationSource.PoiPrefix.Length..]);
            var pois = dataset.Pois.Where(query.Matches).Select(p => new DemandPoint(spec, 1, p.Geometry)).ToList();
            if (pois.Count == 0) throw new GeoInputException($"demand '{spec}': no POI matches");
            return pois;
        }
        string name = spec, weightColumn = "";
        int colon = spec.LastIndexOf(':');
        if (colon > 0 && !spec[(colon + 1)..].Contains('/') && !spec[(colon + 1)..].Contains('.'))
        {
            name = spec[..colon];
            weightColumn = spec[(colon + 1)..];
        }
        bool isFile = InputLayerFile.IsFile(name);
        FeatureLayer layer = isFile ? InputLayerFile.Read(name, crs) : store.ReadLayer(LayerName.Require(name, "demand layer"));
        if (layer.Srid != 4326) throw new GeoInputException($"demand layer '{name}' is in EPSG:{layer.Srid}; demand must be lon/lat (EPSG:4326)");
        int weight = weightColumn.Length == 0 ? -1 : layer.FieldIndex(weightColumn);
        if (weightColumn.Length > 0 && weight < 0)
        {
            throw new GeoInputException($"demand layer '{name}' has no weight column '{weightColumn}' (columns: {string.Join(", ", layer.Fields.Select(f => f.Name))})");
        }
        var result = new List<DemandPoint>(layer.Features.Count);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            var f = layer.Features[i];
            double w = 1;
            if (weight >= 0)
            {
                var value = f.Values[weight];
                if (value is null || !double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out w) || w < 0 || !double.IsFinite(w))
                {
                    throw new GeoInputException($"demand layer '{name}' feature {i + 1}: weight '{value}' in column '{weightColumn}' is not a non-negative number");
                }
            }
            var geometry = isFile || crs.IsWgs84 ? f.Geometry : crs.ToWgs84(f.Geometry);
            LonLatRange.Require(geometry, $"demand layer '{name}' feature {i + 1}");
            var point = geometry as Point ?? geometry.InteriorPoint;
            point.SRID = 4326;
            result.Add(new DemandPoint(name, w, point));
        }
        if (result.Count == 0) throw new GeoInputException($"demand layer '{name}' is empty");
        return result;
    }
}
