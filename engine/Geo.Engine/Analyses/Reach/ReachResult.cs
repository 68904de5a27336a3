using Geo.Streets.Snapping;

namespace Geo.Analyses.Reach;

/// <summary>Every junction reached within the limit, nearest first, and where the origin joined the network.</summary>
public sealed record ReachResult(SnapResult Origin, double LimitSeconds, IReadOnlyList<ReachedVertex> Vertices);
