namespace Geo.MapViewer.Api;

/// <summary>
/// A siting question over street-junction candidates thinned to <c>candidate_spacing</c> metres: <c>add</c> K new sites
/// covering the most (maximal covering) or the fewest reaching <c>target</c> percent of demand (set covering).
/// <c>time_limit</c> (seconds) bounds the exact model after greedy.
/// </summary>
public sealed record SitingRequest(int? Add = null, double? Target = null, string? Profile = null, double? Minutes = null, double? CandidateSpacing = null, double? TimeLimit = null);
