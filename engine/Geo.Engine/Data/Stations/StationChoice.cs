using Geo.Coordinates;
using Geo.Data.Features;
using Geo.Data.Model;

namespace Geo.Data.Stations;

/// <summary>
/// The one rule every verb follows for which stations to use: the ones given; else the dataset's stations layer;
/// else the station-like POIs of the OSM data, named as such, since no real station list of any Chinese city is
/// published; with none of these, a clear error. Siting alone may start from no stations, when told so.
/// </summary>
public static class StationChoice
{
    public const string None = "none";

    public static ChosenStations Choose(string? spec, IFeatureStore store, StreetDataset dataset, InputCrs crs, bool noneAllowed = false)
    {
        if (spec is not null && string.Equals(spec.Trim(), None, StringComparison.OrdinalIgnoreCase))
        {
            if (!noneAllowed) throw new GeoInputException("--stations none: this verb needs stations to work on");
            return new ChosenStations(Array.Empty<Station>(), "none given (--stations none)");
        }
        if (spec is not null) return new ChosenStations(StationSource.Load(spec, store, dataset, crs), Described(spec, store, dataset));
        if (dataset.Stations.Count > 0) return new ChosenStations(dataset.Stations, $"the stations layer of {store.Description}");
        var query = PoiQuery.Parse(PoiQuery.StationLike);
        var pois = dataset.Pois.Where(query.Matches).ToList();
        if (pois.Count == 0)
        {
            throw new GeoInputException(
                $"no stations: {store.Description} has no stations layer and none of its POIs is station-like ({PoiQuery.StationLike}); pass --stations");
        }
        var stations = StationSource.Load(StationSource.PoiPrefix + PoiQuery.StationLike, store, dataset, crs);
        return new ChosenStations(stations, $"{Kinds(pois)} from the OSM POIs (the data has no stations layer)");
    }

    private static string Described(string spec, IFeatureStore store, StreetDataset dataset)
    {
        if (spec.StartsWith(StationSource.PoiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var query = PoiQuery.Parse(spec[StationSource.PoiPrefix.Length..]);
            return $"{Kinds(dataset.Pois.Where(query.Matches).ToList())} from the OSM POIs ({query.Text})";
        }
        return Files.InputLayerFile.IsFile(spec) ? $"from {Path.GetFileName(spec)}" : $"the '{spec}' layer of {store.Description}";
    }

    /// <summary>What the chosen POIs are, in words: "post offices", "community centres and 驿站 by name".</summary>
    private static string Kinds(IReadOnlyList<PointOfInterest> pois)
    {
        var kinds = pois.Select(p => p.Amenity switch
            {
                "post_office" => "post offices",
                "community_centre" => "community centres",
                "social_facility" => "social facilities",
                "parcel_locker" => "parcel lockers",
                null or "" => "service points by name",
                var other => other.Replace('_', ' '),
            })
            .GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        return kinds.Count switch
        {
            0 => "POIs",
            1 => kinds[0],
            _ => string.Join(", ", kinds.Take(kinds.Count - 1)) + " and " + kinds[^1],
        };
    }
}
