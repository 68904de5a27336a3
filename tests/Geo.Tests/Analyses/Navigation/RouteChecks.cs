using Geo.Analyses.Navigation;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Navigation;

/// <summary>What every route must satisfy: its length is the sum of its stretches and steps, the line runs from snap to snap without gaps, and its time adds up.</summary>
internal static class RouteChecks
{
    public static void AssertWellFormed(StreetGraph graph, StreetRoute route, SnapResult from, SnapResult to, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, route.Seconds, 3);
        Assert.Equal(route.Seconds, route.Spans.Sum(s => s.Seconds), 6);
        Assert.Equal(route.Meters, route.Spans.Sum(s => s.Meters), 6);
        Assert.Equal(route.Meters, route.Steps.Sum(s => s.Meters), 6);
        Assert.Equal(route.Seconds, route.Steps.Sum(s => s.Seconds), 6);
        Assert.Equal(Turn.Arrive, route.Steps[^1].Turn);

        // Consecutive stretches meet: each ends where the next begins.
        var pieces = graph.Pieces;
        var start = pieces.PointAlong(route.Spans.Count > 0 ? route.Spans[0].Piece : from.Piece, route.Spans.Count > 0 ? route.Spans[0].FromMeters : from.MetersAlong);
        Assert.True(Near(start, (from.X, from.Y), 0.05), $"route starts {Distance(start, (from.X, from.Y)):0.000} m from the rider's snap");
        for (int i = 0; i + 1 < route.Spans.Count; i++)
        {
            var end = pieces.PointAlong(route.Spans[i].Piece, route.Spans[i].ToMeters);
            var next = pieces.PointAlong(route.Spans[i + 1].Piece, route.Spans[i + 1].FromMeters);
            Assert.True(Near(end, next, 0.05), $"stretch {i} ends {Distance(end, next):0.000} m from where stretch {i + 1} begins");
        }
        if (route.Spans.Count > 0)
        {
            var last = route.Spans[^1];
            var finish = pieces.PointAlong(last.Piece, last.ToMeters);
            Assert.True(Near(finish, (to.X, to.Y), 0.05), $"route ends {Distance(finish, (to.X, to.Y)):0.000} m from the station's snap");
        }

        // The drawn line, measured back in metres, is as long as the reported distance.
        double drawn = 0;
        var coords = route.Line.Coordinates;
        for (int i = 0; i + 1 < coords.Length; i++)
        {
            var (ax, ay) = graph.Projection.Project(coords[i].X, coords[i].Y);
            var (bx, by) = graph.Projection.Project(coords[i + 1].X, coords[i + 1].Y);
            drawn += Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
        }
        Assert.True(Math.Abs(drawn - route.Meters) <= 0.5 + route.Meters * 1e-3, $"line is {drawn:0.00} m, route says {route.Meters:0.00} m");
        var (fromLon, fromLat) = graph.Projection.Unproject(graph.OriginX + from.X, graph.OriginY + from.Y);
        Assert.True(Math.Abs(coords[0].X - fromLon) < 1e-6 && Math.Abs(coords[0].Y - fromLat) < 1e-6, "line starts at the rider's snap");
        var (toLon, toLat) = graph.Projection.Unproject(graph.OriginX + to.X, graph.OriginY + to.Y);
        Assert.True(Math.Abs(coords[^1].X - toLon) < 1e-6 && Math.Abs(coords[^1].Y - toLat) < 1e-6, "line ends at the station's snap");
    }

    private static bool Near((double X, double Y) a, (double X, double Y) b, double tolerance) => Distance(a, b) <= tolerance;

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
