using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Where a point lies against polygon rings, by counting the ring segments a ray from it to the east crosses, with
/// the rules of NetTopologySuite's <see cref="RayCrossingCounter"/> (an exact orientation test; an upward segment
/// takes in its lower end, a downward one its upper; a point on a segment is on the boundary), so the answer is
/// NetTopologySuite's own. A value rather than an object: areas are asked about millions of points a run.
/// Every segment whose height range takes in the point's must be counted; any others may be, and change nothing.
/// </summary>
internal struct RayCrossings(Coordinate point)
{
    private int _crossings;

    /// <summary>Whether the point lies on a segment counted so far: its location is then the boundary, whatever follows.</summary>
    public bool OnSegment { get; private set; }

    public readonly Location Location =>
        OnSegment ? Location.Boundary : (_crossings & 1) == 1 ? Location.Interior : Location.Exterior;

    public void Count(Coordinate from, Coordinate to)
    {
        double x = point.X, y = point.Y;
        if (from.X < x && to.X < x) return;
        if (to.X == x && to.Y == y)
        {
            OnSegment = true;
            return;
        }
        if (from.Y == y && to.Y == y)
        {
            // A level segment is never crossed, only lain on.
            if (x >= Math.Min(from.X, to.X) && x <= Math.Max(from.X, to.X)) OnSegment = true;
            return;
        }
        if ((from.Y > y && to.Y <= y) || (to.Y > y && from.Y <= y))
        {
            var side = Orientation.Index(from, to, point);
            if (side == OrientationIndex.Collinear)
            {
                OnSegment = true;
                return;
            }
            // Seen going upwards, the segment passes east of the point when the point is on its left.
            if ((to.Y < from.Y ? OrientationIndex.Right : OrientationIndex.Left) == side) _crossings++;
        }
    }
}
