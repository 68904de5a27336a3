using Geo.Analyses.Coverage;
using Geo.MapViewer.Session;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Geo.MapViewer.Tiles;

/// <summary>
/// The vector-tile layers and the features each holds: the base map from the dataset's own streets and boundaries,
/// the stations, and the audit's service areas, merged coverage, gaps, blind spots, pairing lines and territories.
/// </summary>
internal static class TileLayers
{
    public static readonly IReadOnlyList<string> Names = new[]
    {
        "streets", "subdistricts", "stations", "service_areas", "coverage", "gaps", "blind_spots", "pairing", "territories",
    };

    /// <summary>Layers that do not change with the travel profile and break.</summary>
    public static bool IsStatic(string layer) => layer is "streets" or "stations";

    /// <summary>Whether what a layer's tiles are cut from is at hand, so a tile costs no more than cutting it.</summary>
    public static bool IsReady(ViewerSession session, string layer, string profile, double minutes) =>
        IsStatic(layer) || (layer == "service_areas" ? session.HasBreakAreas(profile, minutes) : session.HasAudit(profile, minutes));

    private static readonly HashSet<string> MajorRoads = new(StringComparer.Ordinal) { "motorway", "trunk", "primary", "secondary", "motorway_link", "trunk_link", "primary_link" };

    public static IEnumerable<TileFeature> Features(ViewerSession session, string layer, string profile, double minutes, CancellationToken cancellation = default)
    {
        switch (layer)
        {
            case "streets":
                return session.Inputs.Dataset.Streets.Select(s => new TileFeature(s.Geometry, Attributes(("highway", s.Highway), ("name", s.Name)),
                    MajorRoads.Contains(s.Highway) ? 0 : s.Highway is "tertiary" or "secondary_link" or "tertiary_link" ? 12 : 14));
            case "stations":
                return session.Inputs.Stations.Select(s => new TileFeature(s.Geometry, Attributes(("id", s.Id), ("name", s.Name))));
            case "service_areas":
                return session.BreakAreas(profile, minutes, cancellation).Areas
                    .Select(a => new TileFeature(a.Area, Attributes(("station", a.StationId), ("name", a.StationName), ("minutes", a.Minutes))));
        }
        var audit = session.Audit(profile, minutes, cancellation);
        return layer switch
        {
            "subdistricts" => audit.Subdistricts.Select(s => new TileFeature(s.Boundary, Attributes(
                ("id", s.Id), ("name", s.Name), ("area_share", s.AreaShare), ("street_share", s.StreetShare), ("demand_share", s.DemandShare),
                ("stations_inside", s.StationsInside), ("paired", string.Join(",", s.PairedStations))))),
            "coverage" => audit.ServiceAreas.Coverage.Select(c => new TileFeature(c.Area, Attributes(("minutes", c.Minutes), ("stations", c.Stations)))),
            "gaps" => audit.Subdistricts.Where(s => !s.Gap.IsEmpty).Select(s => new TileFeature(s.Gap, Attributes(("id", s.Id), ("name", s.Name), ("uncovered_km2", s.UncoveredKm2)))),
            "blind_spots" => BlindSpots(audit),
            "pairing" => PairingLines(audit),
            "territories" => audit.Pairing is null ? Enumerable.Empty<TileFeature>() : audit.Pairing.Territories.Areas.Where(t => !t.Area.IsEmpty)
                .Select(t => new TileFeature(t.Area, Attributes(("station", audit.Pairing.Stations[t.Station].Id)))),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "unknown tile layer"),
        };
    }

    /// <summary>
    /// Each blind spot's area (its streets where the area is empty), and one labelled point per ranked spot so its
    /// rank shows once, not once per tile; fragments are drawn without a label.
    /// </summary>
    private static IEnumerable<TileFeature> BlindSpots(AuditResult audit)
    {
        foreach (var b in audit.AllBlindSpots)
        {
            var attributes = Attributes(("id", b.Id), ("rank", b.IsFragment ? null : (object)b.Rank), ("demand", b.Demand), ("street_km", b.StreetKm),
                ("subdistrict", b.Subdistrict), ("nearest_station_minutes", b.NearestStationMinutes), ("beyond_break_minutes", b.BeyondBreakMinutes),
                ("no_route_km", b.NoRouteKm));
            yield return new TileFeature(b.Shape, attributes);
            if (!b.IsFragment) yield return new TileFeature(new Point(b.Lon, b.Lat) { SRID = 4326 }, attributes);
        }
    }

    private static IEnumerable<TileFeature> PairingLines(AuditResult audit)
    {
        var pairing = audit.Pairing;
        if (pairing is null) yield break;
        var centres = pairing.Subdistricts.Select(s => s.Source.Geometry.InteriorPoint.Coordinate).ToArray();
        foreach (var row in pairing.Rows)
        {
            if (row.Station < 0 || row.Subdistrict < 0) continue;
            var station = pairing.Stations[row.Station];
            var line = new LineString(new[] { station.Geometry.Coordinate.Copy(), centres[row.Subdistrict].Copy() }) { SRID = 4326 };
            yield return new TileFeature(line, Attributes(("station", station.Id), ("subdistrict", pairing.Subdistricts[row.Subdistrict].Name),
                ("how", row.How.ToString().ToLowerInvariant()), ("minutes", row.Seconds is { } s ? Math.Round(s / 60, 1) : null)));
        }
    }

    private static AttributesTable Attributes(params (string Name, object? Value)[] values)
    {
        var table = new AttributesTable();
        foreach (var (name, value) in values)
        {
            if (value is null) continue;
            table.Add(name, value is double d ? Math.Round(d, 4) : value);
        }
        return table;
    }
}
