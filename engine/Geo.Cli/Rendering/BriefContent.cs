using Geo.Data.Features;
using Geo.Data.GeoPackage;

namespace Geo.Cli.Rendering;

/// <summary>What a briefing shows, read back from an audit folder (and optionally a siting output).</summary>
internal sealed class BriefContent
{
    public required MapLayers Map { get; init; }
    public required FeatureLayer Subdistricts { get; init; }
    public required FeatureLayer BlindSpots { get; init; }
    public FeatureLayer? Pairing { get; init; }
    public FeatureLayer? NewSites { get; init; }
    public required string Profile { get; init; }

    public static BriefContent Load(string auditFolder, string? siting)
    {
        string gpkg = Path.Combine(auditFolder, "audit.gpkg");
        if (!Directory.Exists(auditFolder)) throw new GeoInputException($"audit folder {auditFolder} does not exist: run 'geo audit --out {auditFolder}' first");
        if (!File.Exists(gpkg)) throw new GeoInputException($"{auditFolder} is not an audit folder (no audit.gpkg): run 'geo audit' first");
        var store = new GeoPackageStore(gpkg, create: false);
        FeatureLayer? newSites = null;
        if (siting is not null)
        {
            var sitingStore = new GeoPackageStore(siting, create: false);
            if (!sitingStore.HasLayer("new_sites")) throw new GeoInputException($"{siting} has no 'new_sites' layer: is it the output of 'geo site'?");
            newSites = sitingStore.ReadLayer("new_sites");
        }
        var areas = store.ReadLayer("service_areas");
        int profile = areas.FieldIndex("profile");
        return new BriefContent
        {
            Map = MapLayers.FromStore(store),
            Subdistricts = store.ReadLayer("subdistrict_coverage"),
            BlindSpots = store.ReadLayer("blind_spots"),
            Pairing = store.HasLayer("pairing") ? store.ReadLayer("pairing") : null,
            NewSites = newSites,
            Profile = profile >= 0 && areas.Features.Count > 0 ? areas.Features[0].Values[profile] as string ?? "" : "",
        };
    }

    public IReadOnlyList<string> SubdistrictNames
    {
        get
        {
            int name = Subdistricts.RequireField("name");
            return Subdistricts.Features.Select(f => f.Values[name] as string ?? "").ToList();
        }
    }

    public double Value(Feature f, FeatureLayer layer, string field) =>
        f.Values[layer.RequireField(field)] is { } v ? Convert.ToDouble(v) : double.NaN;

    public string Text(Feature f, FeatureLayer layer, string field) =>
        Convert.ToString(f.Values[layer.RequireField(field)], System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
