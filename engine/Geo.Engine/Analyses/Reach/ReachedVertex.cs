namespace Geo.Analyses.Reach;

/// <summary>A street junction reached from an origin, with its OSM node id, lon/lat and travel time.</summary>
public sealed record ReachedVertex(long OsmNodeId, double Lon, double Lat, double Seconds);
