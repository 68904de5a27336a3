using NetTopologySuite.Geometries;

namespace Geo.Analyses.Navigation;

/// <summary>
/// A route along the streets from one snapped point to another: its travel time and length, the stretches it is made
/// of, the line in lon/lat (EPSG:4326) from snap to snap, and the steps (street changes with lengths and turns).
/// </summary>
public sealed record StreetRoute(double Seconds, double Meters, IReadOnlyList<RouteSpan> Spans, LineString Line, IReadOnlyList<RouteStep> Steps)
{
    public double Minutes => Seconds / 60;

    /// <summary>The steps as one line, e.g. "沿 一环路 800 m → 左转 人民南路 300 m → 到达 …".</summary>
    public string Summary(bool chinese) => string.Join(" → ", Steps.Select(s => chinese ? s.Zh : s.En));
}
