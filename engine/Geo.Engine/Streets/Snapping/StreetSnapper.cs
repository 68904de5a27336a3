using System.Globalization;
using NetTopologySuite.Geometries;

namespace Geo.Streets.Snapping;

/// <summary>
/// Snaps points to the nearest street piece the graph's profile may use, within a maximum distance: a point
/// farther than that from every such street is "not snapped", with the distance to the nearest one, never put on a
/// far road. Only the graph's pieces are indexed, so a walker is never put on an expressway.
/// Thread-safe after construction.
/// </summary>
public sealed class StreetSnapper
{
    public const double DefaultMaxDistanceMeters = 300;
    private const double ExtentMarginMeters = 2000;

    private readonly StreetGraph _graph;
    private readonly EnvelopeGrid _index;
    private readonly Envelope _lonLatExtent;
    private readonly double _localReach;

    /// <summary>Beyond this a point is not "at" a street in any planner's sense.</summary>
    public const double MaxSnapMeters = 10_000;

    public StreetSnapper(StreetGraph graph, double maxDistanceMeters = DefaultMaxDistanceMeters)
    {
        if (!double.IsFinite(maxDistanceMeters) || maxDistanceMeters <= 0 || maxDistanceMeters > MaxSnapMeters)
        {
            throw new GeoInputException($"the snapping distance (--max-snap) must be above 0 and at most {MaxSnapMeters} m, got {maxDistanceMeters.ToString(System.Globalization.CultureInfo.InvariantCulture)} m");
        }
        _graph = graph;
        MaxDistanceMeters = maxDistanceMeters;
        var pieces = graph.Pieces;
        var (minX, minY, maxX, maxY) = (new double[pieces.Count], new double[pieces.Count], new double[pieces.Count], new double[pieces.Count]);
        for (int s = 0; s < pieces.Count; s++)
        {
            (minX[s], minY[s], maxX[s], maxY[s]) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
            for (int i = pieces.FirstPoint[s]; i < pieces.FirstPoint[s + 1]; i++)
            {
                (minX[s], maxX[s]) = (Math.Min(minX[s], pieces.PointX[i]), Math.Max(maxX[s], pieces.PointX[i]));
                (minY[s], maxY[s]) = (Math.Min(minY[s], pieces.PointY[i]), Math.Max(maxY[s], pieces.PointY[i]));
            }
        }
        _index = new EnvelopeGrid(minX, minY, maxX, maxY);
        double magnitude = 0;
        for (int i = 0; i < pieces.PointX.Length; i++) magnitude = Math.Max(magnitude, Math.Max(Math.Abs(pieces.PointX[i]), Math.Abs(pieces.PointY[i])));
        JunctionToleranceMeters = Math.Max(1e-3, magnitude * Math.Pow(2, -22));
        // Every piece lies within this distance of the graph origin, so a window this much wider than the point's
        // own offset holds them all.
        _localReach = 2 * magnitude;
        _lonLatExtent = new Envelope();
        // From the points, not the lines' envelopes: those would be kept on each of a city's 600,000 lines.
        for (int s = 0; s < pieces.Count; s++) pieces.Source[s].Geometry.CoordinateSequence.ExpandEnvelope(_lonLatExtent);
    }

    public StreetGraph Graph => _graph;
    public double MaxDistanceMeters { get; }
    public Envelope LonLatExtent => _lonLatExtent;

    public SnapResult Snap(Point lonLat) => Snap(lonLat.X, lonLat.Y);

    /// <summary>The pieces whose bounding boxes meet an envelope in graph coordinates (metres from the graph origin).</summary>
    public List<int> PiecesNear(Envelope local) => Query(local.MinX, local.MinY, local.MaxX, local.MaxY);

    public SnapResult Snap(double lon, double lat)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            return SnapResult.NotSnapped(string.Create(CultureInfo.InvariantCulture, $"({lon}, {lat}) is not a lon/lat coordinate{SwapHint(lon, lat)}"));
        }
        // Points well outside the data are refused outright (often lat/lon given in the wrong order); nearer ones
        // are measured, so the reason can say how far the nearest street is.
        double marginMeters = Math.Max(ExtentMarginMeters, MaxDistanceMeters);
        var grown = new Envelope(_lonLatExtent);
        grown.ExpandBy(marginMeters / 111_000.0 / Math.Max(0.1, Math.Cos(lat * Math.PI / 180)), marginMeters / 111_000.0);
        if (!grown.Contains(lon, lat))
        {
            return SnapResult.NotSnapped(string.Create(CultureInfo.InvariantCulture,
                $"({lon:0.######}, {lat:0.######}) is outside the streets' extent (lon {_lonLatExtent.MinX:0.###}…{_lonLatExtent.MaxX:0.###}, lat {_lonLatExtent.MinY:0.###}…{_lonLatExtent.MaxY:0.###}){SwapHint(lon, lat)}"));
        }
        var (px, py) = _graph.Projection.Project(lon, lat);
        px -= _graph.OriginX;
        py -= _graph.OriginY;
        return SnapProjected(px, py);
    }

    /// <summary>Snaps a point given in graph coordinates (metres relative to the graph origin).</summary>
    public SnapResult SnapProjected(double px, double py)
    {
        var pieces = _graph.Pieces;
        var best = NearestPiece(px, py);
        if (best.Piece < 0)
        {
            return SnapResult.NotSnapped($"the graph has no street usable by '{_graph.Profile.Name}'");
        }
        if (best.Distance > MaxDistanceMeters)
        {
            return SnapResult.NotSnapped(string.Create(CultureInfo.InvariantCulture,
                $"the nearest street usable by '{_graph.Profile.Name}' is {best.Distance:0} m away (limit {MaxDistanceMeters:0} m)"), best.Distance);
        }
        var side = best.Distance < 0.01 ? StreetSide.On : best.Cross > 0 ? StreetSide.Left : StreetSide.Right;
        var junction = JunctionAt(px, py, best.Piece, best.X, best.Y);
        if (junction.Vertex >= 0)
        {
            int piece = junction.Piece;
            bool atStart = pieces.FromVertex[piece] == junction.Vertex;
            double x = _graph.VertexX[junction.Vertex], y = _graph.VertexY[junction.Vertex];
            double distance = Math.Sqrt((px - x) * (px - x) + (py - y) * (py - y));
            return new SnapResult(true, piece, atStart ? 0 : pieces.LengthMeters[piece], atStart ? 0 : 1, distance, x, y,
                distance < 0.01 ? StreetSide.On : side, null, junction.Vertex);
        }
        double length = pieces.LengthMeters[best.Piece];
        double fraction = length > 0 ? Math.Clamp(best.Along / length, 0, 1) : 0;
        return new SnapResult(true, best.Piece, fraction * length, fraction, best.Distance, best.X, best.Y, side, null);
    }

    /// <summary>
    /// How close a point must be to a junction to count as standing on it. Vertex coordinates are floats: with a
    /// 24-bit significand a coordinate of magnitude M metres is off by at most M·2⁻²⁴ per axis, so a point given at a
    /// junction's exact position lies within √2·M·2⁻²⁴ of the stored one. Four times the per-axis bound (M·2⁻²²)
    /// leaves room for the double arithmetic of projecting the point, and the 1 mm floor keeps the test meaningful
    /// near the origin; no two distinct junctions of real streets are that close.
    /// </summary>
    public double JunctionToleranceMeters { get; }

    /// <summary>
    /// The junction a point stands on, if any: a vertex within <see cref="JunctionToleranceMeters"/> of the point
    /// itself (whichever piece was nearest), else an end of the nearest piece within the tolerance of the snapped
    /// position (a point beside a junction, whose nearest street position is that junction).
    /// </summary>
    private (int Vertex, int Piece) JunctionAt(double px, double py, int nearestPiece, double sx, double sy)
    {
        double tolerance = JunctionToleranceMeters;
        var found = (Vertex: -1, Piece: -1, Distance: double.PositiveInfinity);
        void Consider(int vertex, int piece, double x, double y)
        {
            double dx = _graph.VertexX[vertex] - x, dy = _graph.VertexY[vertex] - y;
            double d = Math.Sqrt(dx * dx + dy * dy);
            if (d <= tolerance && (d < found.Distance || (d == found.Distance && vertex < found.Vertex))) found = (vertex, piece, d);
        }
        var pieces = _graph.Pieces;
        foreach (int s in Query(px - tolerance, py - tolerance, px + tolerance, py + tolerance))
        {
            Consider(pieces.FromVertex[s], s, px, py);
            Consider(pieces.ToVertex[s], s, px, py);
        }
        if (found.Vertex >= 0) return (found.Vertex, found.Piece);
        Consider(pieces.FromVertex[nearestPiece], nearestPiece, sx, sy);
        Consider(pieces.ToVertex[nearestPiece], nearestPiece, sx, sy);
        return (found.Vertex, found.Piece);
    }

    /// <summary>
    /// The nearest piece and the exact distance to it. A window holding some piece's bounding box does not yet hold
    /// the nearest piece, so once a piece is found the window is widened to that piece's distance and searched again:
    /// every piece nearer than the best found has its bounding box inside that window.
    /// </summary>
    private (int Piece, double Distance, double Along, double X, double Y, double Cross) NearestPiece(double px, double py)
    {
        var pieces = _graph.Pieces;
        var best = (Piece: -1, Distance: double.PositiveInfinity, Along: 0.0, X: 0.0, Y: 0.0, Cross: 0.0);
        double radius = MaxDistanceMeters;
        while (true)
        {
            foreach (int s in Query(px - radius, py - radius, px + radius, py + radius))
            {
                var candidate = Nearest(pieces, s, px, py);
                if (candidate.Distance < best.Distance || (candidate.Distance == best.Distance && s < best.Piece))
                {
                    best = (s, candidate.Distance, candidate.Along, candidate.X, candidate.Y, candidate.Cross);
                }
            }
            if (best.Piece >= 0 && best.Distance <= radius) return best;
            if (best.Piece < 0 && !(radius <= Math.Abs(px) + Math.Abs(py) + _localReach)) return best;
            radius = best.Piece >= 0 ? best.Distance : radius * 4;
        }
    }

    private List<int> Query(double minX, double minY, double maxX, double maxY)
    {
        var found = new List<int>();
        _index.Within(minX, minY, maxX, maxY, found);
        return found;
    }

    private static (double Distance, double Along, double X, double Y, double Cross) Nearest(StreetPieces pieces, int s, double px, double py)
    {
        var result = (Distance: double.PositiveInfinity, Along: 0.0, X: 0.0, Y: 0.0, Cross: 0.0);
        double walked = 0;
        for (int i = pieces.FirstPoint[s]; i < pieces.FirstPoint[s + 1] - 1; i++)
        {
            double ax = pieces.PointX[i], ay = pieces.PointY[i];
            double dx = pieces.PointX[i + 1] - ax, dy = pieces.PointY[i + 1] - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? Math.Clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
            double cx = ax + t * dx, cy = ay + t * dy;
            double d = Math.Sqrt((px - cx) * (px - cx) + (py - cy) * (py - cy));
            double len = Math.Sqrt(len2);
            if (d < result.Distance)
            {
                result = (d, walked + t * len, cx, cy, dx * (py - ay) - dy * (px - ax));
            }
            walked += len;
        }
        return result;
    }

    private string SwapHint(double lon, double lat) =>
        _lonLatExtent.Contains(lat, lon) ? ": are lon and lat swapped? Geo takes lon,lat" : "";
}
