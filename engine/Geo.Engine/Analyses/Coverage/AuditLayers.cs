using Geo.Analyses.ServiceAreas;
using Geo.Data.Features;
using Geo.Streets;

namespace Geo.Analyses.Coverage;

/// <summary>The audit as layers for any store: service areas, merged coverage, subdistrict figures, gaps, blind spots.</summary>
public static class AuditLayers
{
    public static IReadOnlyList<FeatureLayer> ToLayers(AuditResult audit)
    {
        var layers = ServiceAreaLayersOf(audit.ServiceAreas).Concat(UnitLayers(audit)).ToList();
        if (audit.Pairing is not null) layers.AddRange(Pairing.PairingLayers.ToLayers(audit.Pairing).Where(l => layers.All(x => x.Name != l.Name)));
        return layers;
    }

    /// <summary>The layers of the audit's service areas (each station's, the merged coverage, the stations left out), known before the audit.</summary>
    public static IReadOnlyList<FeatureLayer> ServiceAreaLayersOf(ServiceAreaResult areas) =>
        ServiceAreaLayers.ToLayers(areas).Where(l => l.Name != ServiceAreaLayers.Overlap).ToList();

    /// <summary>The audit's own layers by unit: figures, gaps, blind spots, stations and the summary row.</summary>
    public static IReadOnlyList<FeatureLayer> UnitLayers(AuditResult audit)
    {
        var subdistricts = UnitLayer("subdistrict_coverage", audit);
        var gaps = new FeatureLayer("gaps", GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("subdistrict_id", FieldType.Integer), new FieldDefinition("name", FieldType.Text), new FieldDefinition("gap_km2", FieldType.Real),
        });
        foreach (var s in audit.Subdistricts.Where(s => !s.Gap.IsEmpty)) gaps.Add(s.Gap, s.Id, s.Name, R(s.UncoveredKm2));

        // Areas where the widened stretch has any, the stretch's own streets where it has none: one feature per blind spot.
        var spots = new FeatureLayer("blind_spots", GeometryKind.Geometry, new[]
        {
            new FieldDefinition("spot_id", FieldType.Text), new FieldDefinition("rank", FieldType.Integer), new FieldDefinition("kind", FieldType.Text),
            new FieldDefinition("street_km", FieldType.Real), new FieldDefinition("demand", FieldType.Real),
            new FieldDefinition("subdistrict_id", FieldType.Integer), new FieldDefinition("subdistrict", FieldType.Text),
            new FieldDefinition("nearest_station", FieldType.Text), new FieldDefinition("nearest_minutes", FieldType.Real),
            new FieldDefinition("beyond_break_minutes", FieldType.Real), new FieldDefinition("no_route_km", FieldType.Real),
        });
        foreach (var b in audit.AllBlindSpots)
        {
            spots.Add(b.Shape, b.Id, b.IsFragment ? null : (long)b.Rank, b.IsFragment ? "fragment" : "blind spot", R(b.StreetKm), R(b.Demand),
                b.SubdistrictId, b.Subdistrict, b.NearestStationId, b.NearestStationMinutes is { } m ? R(m) : null,
                b.BeyondBreakMinutes is { } beyond ? R(beyond) : null, R(b.NoRouteKm));
        }
        var stations = new FeatureLayer("stations", GeometryKind.Point, new[]
        {
            new FieldDefinition("station_id", FieldType.Text), new FieldDefinition("name", FieldType.Text), new FieldDefinition("snap_m", FieldType.Real),
        });
        foreach (var s in audit.ServiceAreas.Snapped) stations.Add(s.Station.Geometry, s.Station.Id, s.Station.Name, R(s.Snap.DistanceMeters));
        var summary = new FeatureLayer("audit_summary", GeometryKind.Polygon, new[]
        {
            new FieldDefinition("minutes", FieldType.Real), new FieldDefinition("profile", FieldType.Text),
            new FieldDefinition("street_km", FieldType.Real), new FieldDefinition("covered_street_km", FieldType.Real), new FieldDefinition("street_pct", FieldType.Real),
            new FieldDefinition("area_km2", FieldType.Real), new FieldDefinition("covered_km2", FieldType.Real), new FieldDefinition("area_pct", FieldType.Real),
            new FieldDefinition("demand", FieldType.Real), new FieldDefinition("covered_demand", FieldType.Real), new FieldDefinition("demand_pct", FieldType.Real),
            new FieldDefinition("stations", FieldType.Integer), new FieldDefinition("unsnapped", FieldType.Integer), new FieldDefinition("blind_spots", FieldType.Integer),
            new FieldDefinition("fragments", FieldType.Integer), new FieldDefinition("direction", FieldType.Text),
            new FieldDefinition("land_km2", FieldType.Real), new FieldDefinition("served_land_km2", FieldType.Real), new FieldDefinition("served_land_pct", FieldType.Real),
            new FieldDefinition("stations_from", FieldType.Text), new FieldDefinition("unit_kind", FieldType.Text), new FieldDefinition("units_from", FieldType.Text),
        });
        var t = audit.Totals;
        var extent = new NetTopologySuite.Geometries.Envelope();
        foreach (var s in audit.Subdistricts) extent.ExpandToInclude(s.Boundary.EnvelopeInternal);
        if (!extent.IsNull)
        {
            summary.Add(new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), 4326).ToGeometry(extent),
                audit.Minutes, audit.Profile, R(t.StreetKm), R(t.CoveredStreetKm), R(100 * t.StreetShare), R(t.AreaKm2), R(t.CoveredKm2), R(100 * t.AreaShare),
                R(t.Demand), R(t.CoveredDemand), R(100 * t.DemandShare), (long)t.Stations, (long)t.Unsnapped, (long)audit.BlindSpots.Count,
                (long)audit.Fragments.Count, audit.Direction.Name(),
                R(t.LandKm2), R(t.ServedLandKm2), R(100 * t.LandShare), audit.StationsFrom, Geo.Data.Subdistricts.UnitKinds.Label(audit.UnitKind), audit.SubdistrictsFrom);
        }
        return new[] { subdistricts, gaps, spots, stations, summary };
    }

    /// <summary>The planning cells (网格) inside the audit's units: their own layer beside the units'.</summary>
    public static FeatureLayer CellLayer(AuditResult byCell) => UnitLayer("cell_coverage", byCell);

    private static FeatureLayer UnitLayer(string name, AuditResult audit)
    {
        var layer = new FeatureLayer(name, GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("subdistrict_id", FieldType.Integer), new FieldDefinition("name", FieldType.Text),
            new FieldDefinition("unit_kind", FieldType.Text), new FieldDefinition("parent", FieldType.Text), new FieldDefinition("held_pct", FieldType.Real),
            new FieldDefinition("area_km2", FieldType.Real), new FieldDefinition("covered_km2", FieldType.Real), new FieldDefinition("area_pct", FieldType.Real),
            new FieldDefinition("land_km2", FieldType.Real), new FieldDefinition("served_land_km2", FieldType.Real), new FieldDefinition("served_land_pct", FieldType.Real),
            new FieldDefinition("street_km", FieldType.Real), new FieldDefinition("covered_street_km", FieldType.Real), new FieldDefinition("street_pct", FieldType.Real),
            new FieldDefinition("demand", FieldType.Real), new FieldDefinition("covered_demand", FieldType.Real), new FieldDefinition("demand_pct", FieldType.Real),
            new FieldDefinition("stations_inside", FieldType.Integer), new FieldDefinition("paired_stations", FieldType.Text), new FieldDefinition("worst_minutes", FieldType.Real),
        });
        string kind = Geo.Data.Subdistricts.UnitKinds.Label(audit.UnitKind);
        foreach (var s in audit.Subdistricts)
        {
            layer.Add(s.Boundary, s.Id, s.Name, kind, s.Parent, R(100 * s.HeldShare), R(s.AreaKm2), R(s.CoveredKm2), R(100 * s.AreaShare),
                R(s.LandKm2), R(s.ServedLandKm2), R(100 * s.LandShare), R(s.StreetKm), R(s.CoveredStreetKm), R(100 * s.StreetShare),
                R(s.Demand), R(s.CoveredDemand), R(100 * s.DemandShare), (long)s.StationsInside, string.Join(' ', s.PairedStations), s.WorstMinutes is { } w ? R(w) : null);
        }
        return layer;
    }

    private static double R(double value) => Math.Round(value, 4);
}
