using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Rendering.Maps;
using Geo.Rendering.Words;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Geo.Rendering.Brief;

/// <summary>What a briefing shows, read back from an audit folder (and optionally a siting output).</summary>
public sealed class BriefContent
{
    public required MapLayers Map { get; init; }
    public required FeatureLayer Subdistricts { get; init; }
    public required FeatureLayer BlindSpots { get; init; }
    public required FeatureLayer Summary { get; init; }
    public FeatureLayer? Pairing { get; init; }
    public FeatureLayer? NewSites { get; init; }
    public required string Profile { get; init; }

    /// <summary>Station names by id, so tables name stations rather than show their ids.</summary>
    public required IReadOnlyDictionary<string, string> StationNames { get; init; }

    private STRtree<(string Name, Geometry Line)>? _namedStreets;
    private IReadOnlyList<Feature> _streets = Array.Empty<Feature>();
    private int _streetName = -1;

    public static BriefContent Load(string auditFolder, string? siting)
    {
        string gpkg = Path.Combine(auditFolder, "audit.gpkg");
        if (!Directory.Exists(auditFolder)) throw new GeoInputException($"audit folder {auditFolder} does not exist: run 'geo audit --out {auditFolder}' first");
        if (!File.Exists(gpkg)) throw new GeoInputException($"{auditFolder} is not an audit folder (no audit.gpkg): run 'geo audit' first");
        var store = new GeoPackageStore(gpkg, create: false);
        FeatureLayer? newSites = null;
        if (siting is not null)
        {
            if (!File.Exists(siting)) throw new GeoInputException($"siting output {siting} does not exist: run 'geo site --out {siting}' first");
            var sitingStore = new GeoPackageStore(siting, create: false);
            if (!sitingStore.HasLayer("new_sites")) throw new GeoInputException($"{siting} has no 'new_sites' layer: is it the output of 'geo site'?");
            newSites = sitingStore.ReadLayer("new_sites");
        }
        var areas = store.ReadLayer("service_areas");
        int profile = areas.FieldIndex("profile");
        var names = new Dictionary<string, string>();
        if (store.HasLayer("stations"))
        {
            var stations = store.ReadLayer("stations");
            int id = stations.FieldIndex("station_id"), name = stations.FieldIndex("name");
            if (id >= 0 && name >= 0)
            {
                foreach (var f in stations.Features)
                {
                    if (f.Values[id] is string key && f.Values[name] is string text && text.Length > 0) names[key] = text;
                }
            }
        }
        var content = new BriefContent
        {
            Map = MapLayers.FromStore(store),
            Subdistricts = store.ReadLayer("subdistrict_coverage"),
            BlindSpots = store.ReadLayer("blind_spots"),
            Summary = store.ReadLayer("audit_summary"),
            Pairing = store.HasLayer("pairing") ? store.ReadLayer("pairing") : null,
            NewSites = newSites,
            Profile = profile >= 0 && areas.Features.Count > 0 ? areas.Features[0].Values[profile] as string ?? "" : "",
            StationNames = names,
        };
        if (store.HasLayer("streets"))
        {
            var streets = store.ReadLayer("streets");
            content._streets = streets.Features;
            content._streetName = streets.FieldIndex("name");
        }
        return content;
    }

    public IReadOnlyList<string> SubdistrictNames
    {
        get
        {
            int name = Subdistricts.RequireField("name");
            return Subdistricts.Features.Select(f => f.Values[name] as string ?? "").ToList();
        }
    }

    /// <summary>The language the data asks for when none is given, and why.</summary>
    public (OutputLanguage Language, string Reason) DetectLanguage()
    {
        var centre = Map.Extent().Centre;
        return OutputLanguages.Detect(SubdistrictNames.Concat(StationNames.Values), centre.X, centre.Y);
    }

    public string StationName(string? id) =>
        id is null ? "" : StationNames.TryGetValue(id, out var name) ? name : id;

    /// <summary>The name of the nearest named street within <paramref name="metres"/> of a point, for sites the data gave no name.</summary>
    public string? StreetNear(Point point, double metres = 300)
    {
        if (_streetName < 0) return null;
        if (_namedStreets is null)
        {
            _namedStreets = new STRtree<(string, Geometry)>();
            foreach (var f in _streets)
            {
                if (f.Values[_streetName] is string n && n.Length > 0) _namedStreets.Insert(f.Geometry.EnvelopeInternal, (n, f.Geometry));
            }
            _namedStreets.Build();
        }
        double degrees = metres / 111_320 / Math.Max(0.2, Math.Cos(point.Y * Math.PI / 180));
        var search = new Envelope(point.Coordinate);
        search.ExpandBy(degrees);
        return _namedStreets.Query(search).OrderBy(s => s.Line.Distance(point)).Select(s => s.Name).FirstOrDefault();
    }

    public double Value(Feature f, FeatureLayer layer, string field) =>
        f.Values[layer.RequireField(field)] is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;

    public double SummaryValue(string field) =>
        Summary.Features.Count == 0 || Summary.FieldIndex(field) < 0 ? double.NaN : Value(Summary.Features[0], Summary, field);

    public string Text(Feature f, FeatureLayer layer, string field) =>
        Convert.ToString(f.Values[layer.RequireField(field)], System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
