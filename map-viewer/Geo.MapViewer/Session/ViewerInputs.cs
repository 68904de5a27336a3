using Geo.Analyses.Demand;
using Geo.Data.Model;
using Geo.Streets;

namespace Geo.MapViewer.Session;

/// <summary>
/// What the viewer shows, loaded once when the server starts: the dataset, its stations and subdistricts, the demand
/// (null: street length), the profile and break shown first, and the direction of travel.
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

    /// <summary>Which way every break is measured: audit, service areas, pairing and siting alike.</summary>
    public TravelDirection Direction { get; init; } = TravelDirection.ToStation;
}
