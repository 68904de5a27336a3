using System.Globalization;
using Geo.Data;
using Geo.Data.Features;
using Geo.Data.Model;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Reads what a pairing run is given by name: the stations (a layer of the dataset's store, or another store whose
/// 'stations' layer is read) and the subdistricts (a layer name, or an admin level picked from the dataset's
/// 'subdistricts' layer).
/// </summary>
public static class PairingInputs
{
    /// <summary>The subdistricts and a description of where they came from, for messages.</summary>
    public static (IReadOnlyList<Subdistrict> Subdistricts, string Source) ReadSubdistricts(IFeatureStore store, string layerOrLevel)
    {
        if (string.IsNullOrWhiteSpace(layerOrLevel)) throw new GeoInputException("no subdistricts given: name a layer or an admin level");
        if (int.TryParse(layerOrLevel, NumberStyles.None, CultureInfo.InvariantCulture, out int level))
        {
            var all = DatasetLayers.ReadSubdistricts(RequireLayer(store, DatasetLayers.Subdistricts, "subdistricts"));
            var atLevel = all.Where(d => d.AdminLevel == level).ToArray();
            if (atLevel.Length == 0)
            {
                var levels = all.Select(d => d.AdminLevel).Distinct().Order().ToArray();
                throw new GeoInputException(
                    $"{store.Description}: layer '{DatasetLayers.Subdistricts}' has no subdistricts at admin level {level}" +
                    (levels.Length > 0 ? $" (levels present: {string.Join(", ", levels)})" : " (the layer is empty)"));
            }
            return (atLevel, $"{store.Description} layer '{DatasetLayers.Subdistricts}' admin level {level}");
        }
        var layer = RequireLayer(store, LayerName.Require(layerOrLevel, "subdistrict layer"), "subdistrict");
        return (DatasetLayers.ReadSubdistricts(layer), $"{store.Description} layer '{layer.Name}'");
    }

    /// <summary>Stations from a layer of <paramref name="data"/>, or from the 'stations' layer of another store (a .gpkg path or postgis:…).</summary>
    public static IReadOnlyList<Station> ReadStations(IFeatureStore data, string source)
    {
        if (string.IsNullOrWhiteSpace(source)) throw new GeoInputException("no stations given: name a layer or a .gpkg / postgis: store");
        if (FeatureStores.IsPostGis(source) || source.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            if (!FeatureStores.IsPostGis(source) && !File.Exists(source)) throw new GeoInputException($"station file '{source}' does not exist");
            using var other = FeatureStores.Open(source, create: false);
            return DatasetLayers.ReadStations(RequireLayer(other, DatasetLayers.Stations, "station"));
        }
        return DatasetLayers.ReadStations(RequireLayer(data, LayerName.Require(source, "station layer"), "station"));
    }

    private static FeatureLayer RequireLayer(IFeatureStore store, string name, string what)
    {
        if (!store.HasLayer(name))
        {
            throw new GeoInputException(
                $"{store.Description} has no {what} layer '{name}' (layers: {string.Join(", ", store.LayerNames())})");
        }
        return store.ReadLayer(name);
    }
}
