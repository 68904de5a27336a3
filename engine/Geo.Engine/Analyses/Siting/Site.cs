using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Siting;

/// <summary>A place a station stands (existing) or could stand (candidate): lon/lat point and where it joins the streets.</summary>
public sealed record Site(string Id, string? Name, Point Geometry, SnapResult Snap, bool Existing);
