using Geo.Analyses.ServiceAreas;
using Geo.Data.Features;
using Geo.Data.Model;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Siting;

/// <summary>
/// Siting results as layers for any store: <c>new_sites</c> (points, in order, with marginal and cumulative coverage) and
/// <c>new_site_areas</c> (their service areas as <c>geo service-areas</c> draws them, outward from the site; where one-way
/// streets matter these can differ slightly from the rider-to-site coverage the choice was made on).
/// </summary>
public static class SitingLayers
{
    public const string Sites = "new_sites";
    public const string Areas = "new_site_areas";

    public static IReadOnlyList<FeatureLayer> ToLayers(SitingProblem problem, SitingSolution solution, StreetSnapper snapper)
    {
        var sites = new FeatureLayer(Sites, GeometryKind.Point, new[]
        {
            new FieldDefinition("site_order", FieldType.Integer), new FieldDefinition("site_id", FieldType.Text),
            new FieldDefinition("name", FieldType.Text), new FieldDefinition("street", FieldType.Text), new FieldDefinition("marginal", FieldType.Real),
            new FieldDefinition("cumulative", FieldType.Real), new FieldDefinition("cumulative_pct", FieldType.Real),
            new FieldDefinition("demand", FieldType.Text), new FieldDefinition("minutes", FieldType.Real),
            new FieldDefinition("profile", FieldType.Text),
        });
        foreach (var s in solution.Sites)
        {
            var site = problem.Candidates[s.Candidate];
            sites.Add(site.Geometry, (long)s.Order, s.Id, site.Name, StreetOf(snapper, site), Math.Round(s.Marginal, 6), Math.Round(s.Cumulative, 6),
                Math.Round(s.CumulativeShare * 100, 4), problem.Demand.Description, problem.Options.Minutes, problem.Profile);
        }

        var areas = new FeatureLayer(Areas, GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("site_order", FieldType.Integer), new FieldDefinition("site_id", FieldType.Text),
            new FieldDefinition("minutes", FieldType.Real), new FieldDefinition("profile", FieldType.Text),
            new FieldDefinition("area_km2", FieldType.Real), new FieldDefinition("street_km", FieldType.Real),
        });
        if (solution.Sites.Count > 0)
        {
            var stations = solution.Sites.Select(s => new Station(s.Id, problem.Candidates[s.Candidate].Name, problem.Candidates[s.Candidate].Geometry)).ToList();
            var drawn = ServiceAreaAnalysis.Run(snapper, stations, new ServiceAreaOptions(new[] { problem.Options.Minutes }, Overlap: false, Direction: problem.Options.Direction));
            var order = solution.Sites.ToDictionary(s => s.Id, s => (long)s.Order);
            foreach (var a in drawn.Areas.Where(a => !a.Area.IsEmpty))
            {
                areas.Add(a.Area, order[a.StationId], a.StationId, a.Minutes, problem.Profile, Math.Round(a.AreaKm2, 6), Math.Round(a.StreetKm, 4));
            }
        }
        return new[] { sites, areas };
    }

    /// <summary>The name of the street a site joins, so a suggestion reads "on 人民南路" rather than as a node id.</summary>
    public static string? StreetOf(StreetSnapper snapper, Site site) =>
        site.Snap.IsSnapped && site.Snap.Piece < snapper.Graph.Pieces.Source.Length ? snapper.Graph.Pieces.Source[site.Snap.Piece].Name : null;
}
