using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

/// <summary>Geometry read back from a cache file held to the geometry written: the same kind of sequence, and every x and y to the bit.</summary>
internal static class SameBits
{
    public static void Sequence(CoordinateSequence expected, CoordinateSequence actual)
    {
        Assert.Equal((expected.GetType(), expected.Dimension, expected.Measures, expected.Count), (actual.GetType(), actual.Dimension, actual.Measures, actual.Count));
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.GetX(k)), BitConverter.DoubleToInt64Bits(actual.GetX(k)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.GetY(k)), BitConverter.DoubleToInt64Bits(actual.GetY(k)));
        }
    }

    /// <summary>The shell, then each hole in order, and the SRID.</summary>
    public static void Polygon(Polygon expected, Polygon actual)
    {
        Assert.Equal((expected.NumInteriorRings, expected.SRID), (actual.NumInteriorRings, actual.SRID));
        foreach (var (e, a) in new[] { expected.Shell }.Concat(expected.Holes).Zip(new[] { actual.Shell }.Concat(actual.Holes)))
        {
            Sequence(e.CoordinateSequence, a.CoordinateSequence);
        }
    }
}
