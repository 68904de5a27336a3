using NetTopologySuite.Geometries;

namespace Geo.Coordinates;

/// <summary>
/// Orders places along a Hilbert curve over their extent: neighbours along the curve are neighbours on the ground.
/// Packed in this order, an R-tree's leaves hold neighbouring features, so a window query reads few of them; worked
/// in this order, one station after another reaches streets its predecessor has just brought into the cache.
/// </summary>
internal static class HilbertOrder
{
    private const int Side = 1 << 16;

    /// <summary>The envelopes' indices in the order of their centres along the curve.</summary>
    public static int[] Of(IReadOnlyList<Envelope> envelopes)
    {
        var extent = new Envelope();
        foreach (var e in envelopes) extent.ExpandToInclude(e);
        var keys = new long[envelopes.Count];
        var order = new int[envelopes.Count];
        for (int i = 0; i < envelopes.Count; i++)
        {
            var e = envelopes[i];
            keys[i] = Index(Scale(e.MinX + e.MaxX, 2 * extent.MinX, 2 * extent.Width), Scale(e.MinY + e.MaxY, 2 * extent.MinY, 2 * extent.Height));
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The points' indices (x[i], y[i]) in their order along the curve; points in one cell keep their order.</summary>
    public static int[] Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"{x.Length} x against {y.Length} y coordinates.", nameof(y));
        var extent = new Envelope();
        for (int i = 0; i < x.Length; i++) extent.ExpandToInclude(x[i], y[i]);
        var keys = new long[x.Length];
        var order = new int[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            // The index breaks ties between points in one cell: the sort is then stable.
            keys[i] = Index(Scale(x[i], extent.MinX, extent.Width), Scale(y[i], extent.MinY, extent.Height)) * x.Length + i;
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }

    private static long Scale(double value, double min, double size) =>
        size > 0 ? Math.Clamp((long)((value - min) / size * (Side - 1)), 0, Side - 1) : 0;

    /// <summary>The distance along the curve of cell (x, y) of a <see cref="Side"/> × <see cref="Side"/> grid.</summary>
    private static long Index(long x, long y)
    {
        long d = 0;
        for (long s = Side / 2; s > 0; s /= 2)
        {
            long rx = (x & s) > 0 ? 1 : 0, ry = (y & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            if (ry != 0) continue;
            if (rx == 1)
            {
                x = Side - 1 - x;
                y = Side - 1 - y;
            }
            (x, y) = (y, x);
        }
        return d;
    }
}
