namespace Geo.Streets.Search;

/// <summary>A vertex a search starts from, already <paramref name="Seconds"/> away from the origin point numbered <paramref name="Origin"/>.</summary>
public readonly record struct SearchSeed(int Vertex, double Seconds, int Origin);
