using NetTopologySuite.Geometries;

namespace Geo.Analyses.Demand;

/// <summary>Where riders work or people live, with a weight (1 per POI, or a population/orders column).</summary>
public sealed record DemandPoint(string Source, double Weight, Point Geometry);
