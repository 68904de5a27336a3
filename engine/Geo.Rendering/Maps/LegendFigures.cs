namespace Geo.Rendering.Maps;

/// <summary>The figures a map's legend states, and whose they are: the whole map's, or one unit's on its own page.</summary>
public sealed record LegendFigures(string Whose, double StreetShare, double AreaShare);
