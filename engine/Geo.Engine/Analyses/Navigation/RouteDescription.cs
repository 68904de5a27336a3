using System.Globalization;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Navigation;

/// <summary>
/// Turns the stretches of a route into what a rider sees: the line from snap to snap in lon/lat, and steps that follow
/// street names (a new step where the name changes), each with its length and the turn onto it, taken from the angle
/// between the street left and the street joined.
/// </summary>
public static class RouteDescription
{
    private const string UnnamedZh = "无名道路", UnnamedEn = "unnamed street";
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    public static StreetRoute Describe(StreetGraph graph, IReadOnlyList<RouteSpan> spans, SnapResult from, SnapResult to, string? destination)
    {
        var pieces = graph.Pieces;
        var points = new List<(double X, double Y)> { (from.X, from.Y) };
        var groups = new List<(string? Name, double Meters, double Seconds, int First, int Last)>();
        double seconds = 0, meters = 0;
        foreach (var span in spans)
        {
            seconds += span.Seconds;
            meters += span.Meters;
            if (span.Meters <= 0) continue;
            var line = pieces.Between(span.Piece, span.FromMeters, span.ToMeters);
            if (span.ToMeters < span.FromMeters) line.Reverse();
            int first = points.Count - 1;
            foreach (var p in line) if (!Same(points[^1], p)) points.Add(p);
            string? name = pieces.Source[span.Piece].Name;
            if (groups.Count > 0 && groups[^1].Name == name)
            {
                var g = groups[^1];
                groups[^1] = (name, g.Meters + span.Meters, g.Seconds + span.Seconds, g.First, points.Count - 1);
            }
            else
            {
                groups.Add((name, span.Meters, span.Seconds, first, points.Count - 1));
            }
        }
        if (!Same(points[^1], (to.X, to.Y))) points.Add((to.X, to.Y));
        if (points.Count == 1) points.Add(points[0]);

        var steps = new List<RouteStep>(groups.Count + 1);
        for (int i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var turn = i == 0 ? Turn.Depart : TurnBetween(points, groups[i - 1].First, g.First, g.Last);
            steps.Add(Step(turn, g.Name, g.Meters, g.Seconds, g.First, g.Last));
        }
        int end = points.Count - 1;
        steps.Add(new RouteStep(Turn.Arrive, null, 0, 0, $"到达 {destination ?? "终点"}", $"Arrive at {destination ?? "the destination"}", end, end));

        var coordinates = points.Select(p =>
        {
            var (lon, lat) = graph.Projection.Unproject(graph.OriginX + p.X, graph.OriginY + p.Y);
            return new Coordinate(lon, lat);
        }).ToArray();
        return new StreetRoute(seconds, meters, spans.ToArray(), LonLat.CreateLineString(coordinates), steps);
    }

    private static RouteStep Step(Turn turn, string? street, double meters, double seconds, int first, int last)
    {
        string zhName = street ?? UnnamedZh, enName = street ?? UnnamedEn;
        string length = string.Create(CultureInfo.InvariantCulture, $"{meters:0} m");
        string zh = turn switch
        {
            Turn.Depart => $"沿 {zhName} {length}",
            Turn.Left => $"左转 {zhName} {length}",
            Turn.Right => $"右转 {zhName} {length}",
            Turn.UTurn => $"掉头 {zhName} {length}",
            _ => $"直行 {zhName} {length}",
        };
        string en = turn switch
        {
            Turn.Depart => $"Along {enName} {length}",
            Turn.Left => $"Turn left onto {enName} {length}",
            Turn.Right => $"Turn right onto {enName} {length}",
            Turn.UTurn => $"Make a U-turn onto {enName} {length}",
            _ => $"Continue onto {enName} {length}",
        };
        return new RouteStep(turn, street, meters, seconds, zh, en, first, last);
    }

    /// <summary>The turn at point <paramref name="at"/>: heading into it along the previous street against heading out along the next.</summary>
    private static Turn TurnBetween(List<(double X, double Y)> points, int previousFirst, int at, int nextLast)
    {
        var incoming = Heading(points, at, previousFirst, backwards: true);
        var outgoing = Heading(points, at, nextLast, backwards: false);
        if (incoming is null || outgoing is null) return Turn.Straight;
        double delta = outgoing.Value - incoming.Value;
        while (delta > Math.PI) delta -= 2 * Math.PI;
        while (delta <= -Math.PI) delta += 2 * Math.PI;
        double degrees = delta * 180 / Math.PI;
        // Counter-clockwise (positive) is a left turn in a metric x-east, y-north plane.
        return Math.Abs(degrees) < 30 ? Turn.Straight : Math.Abs(degrees) > 150 ? Turn.UTurn : degrees > 0 ? Turn.Left : Turn.Right;
    }

    /// <summary>The direction of travel at a point, measured over the first ~10 m away from it (into it when backwards).</summary>
    private static double? Heading(List<(double X, double Y)> points, int at, int limit, bool backwards)
    {
        var (ax, ay) = points[at];
        int step = backwards ? -1 : 1;
        for (int i = at + step; backwards ? i >= limit : i <= limit; i += step)
        {
            var (bx, by) = points[i];
            double dx = bx - ax, dy = by - ay;
            if (dx * dx + dy * dy >= 100 || i == limit)
            {
                if (dx == 0 && dy == 0) return null;
                return backwards ? Math.Atan2(-dy, -dx) : Math.Atan2(dy, dx);
            }
        }
        return null;
    }

    private static bool Same((double X, double Y) a, (double X, double Y) b) => Math.Abs(a.X - b.X) < 1e-3 && Math.Abs(a.Y - b.Y) < 1e-3;
}
