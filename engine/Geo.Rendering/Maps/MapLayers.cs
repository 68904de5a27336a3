using Geo.Analyses.Coverage;
using Geo.Data.Features;
using Geo.Data.Model;
using Geo.Rendering.Words;
using NetTopologySuite.Geometries;

namespace Geo.Rendering.Maps;

/// <summary>
/// What a coverage map shows, in lon/lat: from a fresh audit, or read back from an audit's GeoPackage. Blind spots
/// come ranked first, then fragments (rank 0); each is an area, or its streets where it has no area.
/// </summary>
public sealed record MapLayers(
    IReadOnlyList<Geometry> Streets,
    Geometry Coverage,
    IReadOnlyList<(int Rank, Geometry Area, double Lon, double Lat)> BlindSpots,
    IReadOnlyList<(string Name, Geometry Boundary)> Subdistricts,
    IReadOnlyList<Point> Stations,
    double Minutes,
    double StreetShare,
    double LandShare)
{
    /// <summary>What the units are (区, 街道, 社区 or 网格), so no headline calls a planning cell a subdistrict.</summary>
    public UnitKind Units { get; init; } = UnitKind.Subdistrict;

    /// <summary>The stations' headline ("4 stations: post offices from the OSM POIs: …").</summary>
    public string StationsFrom { get; init; } = "";

    public static MapLayers FromAudit(AuditResult audit, StreetDataset dataset) => new(
        dataset.Streets.Select(s => (Geometry)s.Geometry).ToList(),
        audit.ServiceAreas.Coverage[^1].Area,
        audit.AllBlindSpots.Select(b => (b.Rank, b.Shape, b.Lon, b.Lat)).ToList(),
        audit.Subdistricts.Select(s => (s.Name, s.Boundary)).ToList(),
        audit.ServiceAreas.Snapped.Select(s => s.Station.Geometry).ToList(),
        audit.Minutes, audit.Totals.StreetShare, audit.Totals.LandShare)
    {
        Units = UnitKinds.Of(audit.SubdistrictsFrom, audit.Subdistricts.Select(s => s.Name).ToList()),
        StationsFrom = audit.StationsFrom,
    };

    public static MapLayers FromStore(IFeatureStore store)
    {
        var coverage = store.ReadLayer("coverage");
        var subdistricts = store.ReadLayer("subdistrict_coverage");
        var spots = store.ReadLayer("blind_spots");
        int minutes = coverage.RequireField("minutes"), name = subdistricts.RequireField("name"), rank = spots.RequireField("rank");
        var last = coverage.Features.OrderBy(f => Convert.ToDouble(f.Values[minutes])).LastOrDefault();
        var summary = store.ReadLayer("audit_summary");
        if (summary.Features.Count == 0) throw new GeoInputException("the audit has no summary row: was it written by an older geo audit?");
        double Share(string field) => Convert.ToDouble(summary.Features[0].Values[summary.RequireField(field)]) / 100;
        string Text(string field) => summary.FieldIndex(field) is var i and >= 0 ? summary.Features[0].Values[i] as string ?? "" : "";
        var units = subdistricts.Features.Select(f => (f.Values[name] as string ?? "", f.Geometry)).ToList();
        return new MapLayers(
            store.HasLayer("streets") ? store.ReadLayer("streets").Features.Select(f => f.Geometry).ToList() : Array.Empty<Geometry>(),
            last?.Geometry ?? new GeometryFactory().CreateMultiPolygon(),
            spots.Features.Select(f => (f.Values[rank] is { } r ? (int)Convert.ToInt64(r) : 0, f.Geometry, f.Geometry.InteriorPoint.X, f.Geometry.InteriorPoint.Y))
                .OrderBy(b => b.Item1 == 0).ThenBy(b => b.Item1).ToList(),
            units,
            store.HasLayer("stations") ? store.ReadLayer("stations").Features.Select(f => (Point)f.Geometry).ToList() : Array.Empty<Point>(),
            last is null ? 0 : Convert.ToDouble(last.Values[minutes]),
            Share("street_pct"),
            Share(summary.FieldIndex("served_land_pct") >= 0 ? "served_land_pct" : "area_pct"))
        {
            Units = UnitKinds.Of(null, units.Select(u => u.Item1).ToList()),
            StationsFrom = Text("stations_from"),
        };
    }

    public int RankedBlindSpots => BlindSpots.Count(b => b.Rank > 0);

    private readonly object _streetsInViewGate = new();
    private StreetsInView? _streetsInView;

    /// <summary>
    /// The indices of the streets whose extents meet <paramref name="view"/> (edges included), in the order of
    /// <see cref="Streets"/>; the grid behind it is made on first use and made again for a copy with other streets.
    /// </summary>
    public List<int> StreetsMeeting(Envelope view)
    {
        StreetsInView index;
        lock (_streetsInViewGate)
        {
            if (_streetsInView is null || !ReferenceEquals(_streetsInView.Streets, Streets)) _streetsInView = new StreetsInView(Streets);
            index = _streetsInView;
        }
        return index.Meeting(view);
    }

    public Envelope Extent()
    {
        var extent = new Envelope();
        foreach (var (_, boundary) in Subdistricts) extent.ExpandToInclude(boundary.EnvelopeInternal);
        if (extent.IsNull) foreach (var s in Streets) extent.ExpandToInclude(s.EnvelopeInternal);
        extent.ExpandBy(extent.Width * 0.02, extent.Height * 0.02);
        return extent;
    }
}
