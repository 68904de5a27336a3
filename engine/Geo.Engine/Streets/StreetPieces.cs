using Geo.Data.Model;

namespace Geo.Streets;

/// <summary>
/// The street pieces a graph is built from, kept off the routing hot path: end vertices, length, the travel time in
/// each direction (<see cref="float.PositiveInfinity"/> where a one-way forbids it) and the projected polyline as
/// flat float arrays (relative to the graph origin), plus the source record for names and OSM ids.
/// </summary>
public sealed class StreetPieces
{
    internal StreetPieces(StreetSegment[] source, int[] fromVertex, int[] toVertex, float[] lengthMeters,
        float[] forwardSeconds, float[] backwardSeconds, int[] firstPoint, float[] pointX, float[] pointY)
    {
        Source = source;
        FromVertex = fromVertex;
        ToVertex = toVertex;
        LengthMeters = lengthMeters;
        ForwardSeconds = forwardSeconds;
        BackwardSeconds = backwardSeconds;
        FirstPoint = firstPoint;
        PointX = pointX;
        PointY = pointY;
    }

    public int Count => Source.Length;
    public StreetSegment[] Source { get; }
    public int[] FromVertex { get; }
    public int[] ToVertex { get; }
    public float[] LengthMeters { get; }
    public float[] ForwardSeconds { get; }
    public float[] BackwardSeconds { get; }

    /// <summary>Points of piece s are <c>FirstPoint[s] .. FirstPoint[s+1]-1</c> in <see cref="PointX"/>/<see cref="PointY"/>.</summary>
    public int[] FirstPoint { get; }
    public float[] PointX { get; }
    public float[] PointY { get; }

    public bool CanTravelBackward(int piece) => float.IsFinite(BackwardSeconds[piece]);

    private PieceBounds[]? _bounds;

    /// <summary>
    /// Each piece's bounding box, made when first asked for: the window around a station's reach reads one box a
    /// piece rather than the piece's points from three arrays, pieces met in no particular order.
    /// </summary>
    /// <remarks>The threads drawing a run's first stations all ask at once: one makes the boxes, the others wait for them.
    /// Once made, read without making a delegate: working out whole pieces' cells asks once for every piece.</remarks>
    internal PieceBounds[] Bounds => Volatile.Read(ref _bounds) ?? LazyInitializer.EnsureInitialized(ref _bounds, ref _boundsLock, MakeBounds);

    private object? _boundsLock;

    private PieceBounds[] MakeBounds()
    {
        var bounds = new PieceBounds[Count];
        for (int p = 0; p < bounds.Length; p++)
        {
            float minX = float.PositiveInfinity, minY = float.PositiveInfinity, maxX = float.NegativeInfinity, maxY = float.NegativeInfinity;
            for (int i = FirstPoint[p]; i < FirstPoint[p + 1]; i++)
            {
                minX = MathF.Min(minX, PointX[i]);
                maxX = MathF.Max(maxX, PointX[i]);
                minY = MathF.Min(minY, PointY[i]);
                maxY = MathF.Max(maxY, PointY[i]);
            }
            bounds[p] = new PieceBounds(minX, minY, maxX, maxY);
        }
        return bounds;
    }

    public long GeometryBytes =>
        FromVertex.LongLength * 4 + ToVertex.LongLength * 4 + LengthMeters.LongLength * 4 + ForwardSeconds.LongLength * 4
        + BackwardSeconds.LongLength * 4 + FirstPoint.LongLength * 4 + PointX.LongLength * 4 + PointY.LongLength * 4;

    /// <summary>The point at a distance along a piece (metres from its start), relative to the graph origin.</summary>
    public (double X, double Y) PointAlong(int piece, double meters)
    {
        int first = FirstPoint[piece], last = FirstPoint[piece + 1] - 1;
        double walked = 0;
        for (int i = first; i < last; i++)
        {
            double dx = PointX[i + 1] - PointX[i], dy = PointY[i + 1] - PointY[i];
            double step = Math.Sqrt(dx * dx + dy * dy);
            if (walked + step >= meters && step > 0)
            {
                double t = (meters - walked) / step;
                return (PointX[i] + t * dx, PointY[i] + t * dy);
            }
            walked += step;
        }
        return (PointX[last], PointY[last]);
    }

    /// <summary>The polyline of a piece between two distances along it (metres from its start), relative to the graph origin.</summary>
    public List<(double X, double Y)> Between(int piece, double fromMeters, double toMeters)
    {
        var result = new List<(double, double)>(FirstPoint[piece + 1] - FirstPoint[piece] + 2);
        Between(piece, fromMeters, toMeters, result);
        return result;
    }

    /// <summary>
    /// <see cref="Between(int, double, double)"/> into a list the caller keeps (cleared first): the audit asks this for
    /// every piece of a city, and a list each time was most of what its figures allocated.
    /// </summary>
    public void Between(int piece, double fromMeters, double toMeters, List<(double X, double Y)> into)
    {
        into.Clear();
        if (toMeters < fromMeters) (fromMeters, toMeters) = (toMeters, fromMeters);
        into.Add(PointAlong(piece, fromMeters));
        int first = FirstPoint[piece], last = FirstPoint[piece + 1] - 1;
        double walked = 0;
        for (int i = first; i < last; i++)
        {
            double dx = PointX[i + 1] - PointX[i], dy = PointY[i + 1] - PointY[i];
            walked += Math.Sqrt(dx * dx + dy * dy);
            if (walked > fromMeters && walked < toMeters) into.Add((PointX[i + 1], PointY[i + 1]));
        }
        into.Add(PointAlong(piece, toMeters));
    }
}

/// <summary>A piece's bounding box in graph coordinates (see <see cref="StreetPieces.Bounds"/>).</summary>
internal readonly record struct PieceBounds(float MinX, float MinY, float MaxX, float MaxY);
