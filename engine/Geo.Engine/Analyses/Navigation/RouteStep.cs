namespace Geo.Analyses.Navigation;

/// <summary>
/// One instruction: a turn onto a street and how far to follow it, in Chinese and English
/// ("左转 人民南路 300 m" / "Turn left onto 人民南路 300 m"). <see cref="FirstPoint"/>..<see cref="LastPoint"/> index
/// the route line's coordinates the step covers.
/// </summary>
public sealed record RouteStep(Turn Turn, string? Street, double Meters, double Seconds, string Zh, string En, int FirstPoint, int LastPoint);
