using Geo.Data.Features;

namespace Geo.Analyses.ServiceAreas;

/// <summary>Service-area results as layers for any store: service_areas, coverage, overlap and unsnapped.</summary>
public static class ServiceAreaLayers
{
    public const string Areas = "service_areas";
    public const string Coverage = "coverage";
    public const string Overlap = "overlap";
    public const string Unsnapped = "unsnapped";

    public static IReadOnlyList<FeatureLayer> ToLayers(ServiceAreaResult result)
    {
        var areas = new FeatureLayer(Areas, GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("station_id", FieldType.Text), new FieldDefinition("name", FieldType.Text),
            new FieldDefinition("minutes", FieldType.Real), new FieldDefinition("profile", FieldType.Text),
            new FieldDefinition("mode", FieldType.Text), new FieldDefinition("area_km2", FieldType.Real),
            new FieldDefinition("street_km", FieldType.Real),
        });
        foreach (var a in result.Areas.Where(a => !a.Area.IsEmpty))
        {
            areas.Add(a.Area, a.StationId, a.StationName, a.Minutes, result.Profile, a.Mode, Math.Round(a.AreaKm2, 6), Math.Round(a.StreetKm, 4));
        }

        var coverage = new FeatureLayer(Coverage, GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("minutes", FieldType.Real), new FieldDefinition("profile", FieldType.Text),
            new FieldDefinition("mode", FieldType.Text), new FieldDefinition("stations", FieldType.Integer),
            new FieldDefinition("area_km2", FieldType.Real), new FieldDefinition("street_km", FieldType.Real),
        });
        foreach (var c in result.Coverage.Where(c => !c.Area.IsEmpty))
        {
            coverage.Add(c.Area, c.Minutes, result.Profile, c.Mode, (long)c.Stations, Math.Round(c.AreaKm2, 6), Math.Round(c.StreetKm, 4));
        }

        var overlap = new FeatureLayer(Overlap, GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("minutes", FieldType.Real), new FieldDefinition("stations_reaching", FieldType.Integer),
            new FieldDefinition("area_km2", FieldType.Real),
        });
        foreach (var o in result.Overlap.Where(o => !o.Area.IsEmpty)) overlap.Add(o.Area, o.Minutes, (long)o.StationsReaching, Math.Round(o.AreaKm2, 6));

        var unsnapped = new FeatureLayer(Unsnapped, GeometryKind.Point, new[]
        {
            new FieldDefinition("station_id", FieldType.Text), new FieldDefinition("name", FieldType.Text), new FieldDefinition("reason", FieldType.Text),
        });
        foreach (var u in result.Unsnapped) unsnapped.Add(u.Station.Geometry, u.Station.Id, u.Station.Name, u.Reason);

        return new[] { areas, coverage, overlap, unsnapped };
    }
}
