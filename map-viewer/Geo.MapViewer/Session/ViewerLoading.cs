using Geo.Analyses.Coverage;
using Geo.Analyses.Workflow;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.MapViewer.Session;

/// <summary>
/// Reads everything the viewer shows, once, with the same defaults as 'geo audit', and works out the first view:
/// what 'geo serve' does at start (the first view then in the background, once it listens) and a city of the cluster
/// does when it is first asked for.
/// </summary>
public static class ViewerLoading
{
    public static (ViewerSession Session, IReadOnlyList<string> Warnings) Load(string dataSpec, string? stationsSpec, string? subdistrictsSpec, string[] demandSpecs,
        string profile, double minutes, double maxSnap, InputCrs crs, TravelDirection direction = TravelDirection.ToStation,
        int cacheMegabytes = ViewerSession.DefaultCacheMegabytes, CancellationToken cancellation = default, bool warmUp = true)
    {
        using var store = FeatureStores.Open(dataSpec, create: false);
        var dataset = DatasetLayers.Read(store);
        cancellation.ThrowIfCancellationRequested();
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn(profile)), maxSnap);
        // The first view's audit counts served land by city block: the blocks are worked out while the rest loads.
        CityBlocks.Prefetch(snapper.Graph);
        // The viewer shows one level of units; the audit folder also has the planning cells inside them.
        var planning = PlanningWorkflow.Read(store, dataset, snapper, stationsSpec, subdistrictsSpec, demandSpecs, crs, cellMeters: null);
        var warnings = planning.Warnings;
        var inputs = new ViewerInputs(FeatureStores.IsPostGis(dataSpec) ? "PostGIS" : Path.GetFileName(dataSpec), dataset,
            planning.Stations.Stations, planning.Stations.Headline, planning.Units.Subdistricts, planning.UnitsDescription, planning.Demand, profile, minutes, maxSnap, warnings)
        {
            Planning = planning,
            Direction = direction,
        };
        var session = new ViewerSession(inputs, snapper, cacheMegabytes);
        cancellation.ThrowIfCancellationRequested();
        if (warmUp) session.WarmUp();
        return (session, warnings);
    }
}
