using Geo.Analyses.Coverage;
using Geo.Streets;

namespace Geo.MapViewer.Api;

/// <summary>The audit's figures as the API returns them: totals, one row per subdistrict, the ranked blind spots.</summary>
internal static class AuditViews
{
    public static object Totals(AuditTotals t) => new
    {
        area_km2 = ApiJson.Round(t.AreaKm2),
        covered_km2 = ApiJson.Round(t.CoveredKm2),
        area_share = ApiJson.Round(t.AreaShare),
        land_km2 = ApiJson.Round(t.LandKm2),
        served_land_km2 = ApiJson.Round(t.ServedLandKm2),
        served_land_share = ApiJson.Round(t.LandShare),
        street_km = ApiJson.Round(t.StreetKm),
        covered_street_km = ApiJson.Round(t.CoveredStreetKm),
        street_share = ApiJson.Round(t.StreetShare),
        demand = ApiJson.Round(t.Demand),
        covered_demand = ApiJson.Round(t.CoveredDemand),
        demand_share = ApiJson.Round(t.DemandShare),
        stations = t.Stations,
        stations_left_out = t.Unsnapped,
    };

    public static object Subdistrict(SubdistrictCoverage s) => new
    {
        id = s.Id,
        name = s.Name,
        area_km2 = ApiJson.Round(s.AreaKm2),
        covered_km2 = ApiJson.Round(s.CoveredKm2),
        area_share = ApiJson.Round(s.AreaShare),
        land_km2 = ApiJson.Round(s.LandKm2),
        served_land_km2 = ApiJson.Round(s.ServedLandKm2),
        served_land_share = ApiJson.Round(s.LandShare),
        held_share = ApiJson.Round(s.HeldShare),
        street_km = ApiJson.Round(s.StreetKm),
        covered_street_km = ApiJson.Round(s.CoveredStreetKm),
        street_share = ApiJson.Round(s.StreetShare),
        demand = ApiJson.Round(s.Demand),
        covered_demand = ApiJson.Round(s.CoveredDemand),
        demand_share = ApiJson.Round(s.DemandShare),
        stations_inside = s.StationsInside,
        worst_minutes = s.WorstMinutes is { } w ? ApiJson.Round(w, 2) : null,
        paired_stations = s.PairedStations,
    };

    public static object BlindSpot(BlindSpot b) => new
    {
        id = b.Id,
        rank = b.Rank,
        lon = ApiJson.Round(b.Lon, 6),
        lat = ApiJson.Round(b.Lat, 6),
        street_km = ApiJson.Round(b.StreetKm),
        demand = ApiJson.Round(b.Demand),
        subdistrict = b.Subdistrict,
        nearest_station_minutes = b.NearestStationMinutes is { } m ? ApiJson.Round(m, 2) : null,
        nearest_station_id = b.NearestStationId,
        beyond_break_minutes = b.BeyondBreakMinutes is { } beyond ? ApiJson.Round(beyond, 2) : null,
        no_route_km = ApiJson.Round(b.NoRouteKm, 3),
    };

    public static object Summary(AuditResult audit) => new
    {
        profile = audit.Profile,
        minutes = audit.Minutes,
        direction = audit.Direction.Name(),
        stations_from = audit.StationsFrom,
        subdistricts_from = audit.SubdistrictsFrom,
        unit_kind = Geo.Data.Subdistricts.UnitKinds.Label(audit.UnitKind),
        served_land_means = AuditReport.LandMeaning,
        demand_from = audit.DemandFrom,
        totals = Totals(audit.Totals),
        subdistricts = audit.Subdistricts.Select(Subdistrict).ToList(),
        blind_spots = audit.BlindSpots.Select(BlindSpot).ToList(),
        blind_spot_count = audit.BlindSpots.Count,
        min_blind_spot_m = audit.MinBlindSpotMeters,
        fragment_count = audit.Fragments.Count,
        fragment_street_km = ApiJson.Round(audit.Fragments.Sum(f => f.StreetKm)),
        warnings = audit.Warnings,
    };
}
