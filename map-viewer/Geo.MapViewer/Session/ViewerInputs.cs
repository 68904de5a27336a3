using Geo.Analyses.Demand;
using Geo.Data.Model;

namespace Geo.MapViewer.Session;

/// <summary>
/// What the viewer shows, loaded once when the server starts: the dataset, its stations and subdistricts, the demand
/// (null: street length), and the profile and break shown first.
/// </summary>
public sealed record ViewerInputs(
    string DataName,
    StreetDataset Dataset,
    IReadOnlyList<Station> Stations,
    string StationsFrom,
    IReadOnlyList<Subdistrict> Subdistricts,
    string SubdistrictsFrom,
    IReadOnlyList<DemandPoint>? Demand,
    string DefaultProfile,
    double DefaultMinutes,
    double MaxSnapMeters,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The workflow's reading of the same inputs, which every audit the viewer runs starts from.</summary>
    public required Geo.Analyses.Workflow.PlanningInputs Planning { get; init; }
}
