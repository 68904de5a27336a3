using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Geo.Data.Cache;

/// <summary>
/// Lines as a cache file keeps them: every line's x, y pairs end to end, and where each line starts among them. Read
/// back, each line is a packed x, y sequence of the same doubles.
/// </summary>
internal static class CachedLines
{
    /// <summary>Each sequence's first point (and, last, the number of points) and every x, y pair end to end.</summary>
    public static (int[] FirstPoint, double[] Xy) Flatten(IReadOnlyList<CoordinateSequence> lines)
    {
        var firstPoint = new int[lines.Count + 1];
        long points = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            points += lines[i].Count;
            if (points > int.MaxValue / 2) throw new InvalidDataException("too many points for one cache file");
            firstPoint[i + 1] = (int)points;
        }
        var xy = new double[2 * points];
        for (int i = 0; i < lines.Count; i++)
        {
            var sequence = lines[i];
            for (int k = 0, at = 2 * firstPoint[i]; k < sequence.Count; k++, at += 2) (xy[at], xy[at + 1]) = (sequence.GetX(k), sequence.GetY(k));
        }
        return (firstPoint, xy);
    }

    /// <summary>Line <paramref name="i"/> of what <see cref="Flatten"/> made, in an array of its own.</summary>
    public static PackedDoubleCoordinateSequence Line(int[] firstPoint, double[] xy, int i) =>
        new(xy.AsSpan(2 * firstPoint[i], 2 * (firstPoint[i + 1] - firstPoint[i])).ToArray(), 2, 0);
}
