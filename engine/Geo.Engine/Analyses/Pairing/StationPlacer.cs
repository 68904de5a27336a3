using System.Globalization;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Pairing;

/// <summary>Decides which subdistrict each station stands in, applying the border rule where two or more cover it.</summary>
public static class StationPlacer
{
    public static StationPlacement Place(Point stationMetric, SubdistrictLocator locator,
        IReadOnlyList<PairingSubdistrict> subdistricts, BorderRule rule)
    {
        var covering = locator.Covering(stationMetric);
        if (covering.Count == 0) return new StationPlacement(-1, StationPlacement.OutsideRule);
        if (covering.Count == 1) return new StationPlacement(covering[0], StationPlacement.InsideRule);

        string among = string.Join(", ", covering.Select(i => string.Create(CultureInfo.InvariantCulture, $"{subdistricts[i].Name} ({subdistricts[i].Id})")));
        int chosen = rule switch
        {
            BorderRule.NearestInterior => covering
                .OrderBy(i => subdistricts[i].InteriorMetric.Distance(stationMetric))
                .ThenBy(i => subdistricts[i].Id).First(),
            _ => covering.OrderBy(i => subdistricts[i].Id).First(),
        };
        string how = rule == BorderRule.NearestInterior ? "nearest interior point" : "lowest id";
        return new StationPlacement(chosen, $"on the border of {among}: {how}");
    }
}
