using Geo.Data.Model;
using Geo.Streets.Snapping;

namespace Geo.Analyses.ServiceAreas;

/// <summary>A station and where it joins the street network (or why it does not).</summary>
public sealed record SnappedStation(Station Station, SnapResult Snap);
