namespace Geo.Analyses.Navigation;

/// <summary>Travel times (seconds) and route lengths (metres) from each source to each destination; null where unreachable.</summary>
public sealed record TravelMatrix(double?[][] Seconds, double?[][] Meters);
