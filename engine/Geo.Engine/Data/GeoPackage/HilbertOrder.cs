using NetTopologySuite.Geometries;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Orders envelopes along a Hilbert curve through their centres: packed in this order, the R-tree's leaves hold
/// neighbouring features, so a window query reads few of them.
/// </summary>
internal static class HilbertOrder
{
    private const int Side = 1 << 16;

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
