using Geo.Analyses.Coverage;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Xunit;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// The floating-point side tests that let boundary checks skip exact predicates: whenever they answer, the answer is
/// the exact one (NetTopologySuite's robust orientation and intersector, and an intersection with the box polygon),
/// on random cases made to be awkward: points exactly on lines, a unit in the last place off them, ends shared, far
/// from the origin. And they do answer for pairs plainly apart, or they would save nothing.
/// </summary>
public sealed class CertainSideTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, 250_000.0)]
    public void Of_whenItAnswers_isTheExactOrientation(int seed, double offset)
    {
        var random = new Random(seed);
        int answered = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var (a, b, c) = (LatticePoint(random, offset), LatticePoint(random, offset), LatticePoint(random, offset));
            if (random.Next(3) == 0) c = OnTheLine(random, a, b);

            int side = CertainSide.Of(a.X, a.Y, b.X, b.Y, c.X, c.Y);

            if (side == 0) continue;
            answered++;
            Assert.Equal((int)Orientation.Index(a, b, c), side);
        }
        Assert.True(answered > 10_000, $"answered {answered} of 20,000");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Apart_whenTrue_theExactIntersectorFindsNothing(int seed)
    {
        var random = new Random(seed);
        var intersector = new RobustLineIntersector();
        int apart = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var (p, q, a, b) = (LatticePoint(random, 0), LatticePoint(random, 0), LatticePoint(random, 0), LatticePoint(random, 0));
            if (random.Next(4) == 0) a = random.Next(2) == 0 ? p : OnTheLine(random, p, q);
            if (random.Next(4) == 0) b = OnTheLine(random, p, q);

            if (!CertainSide.Apart(p.X, p.Y, q.X, q.Y, a.X, a.Y, b.X, b.Y)) continue;
            apart++;
            intersector.ComputeIntersection(p, q, a, b);
            Assert.False(intersector.HasIntersection, $"{p} {q} and {a} {b}");
        }
        Assert.True(apart > 5_000, $"apart {apart} of 20,000");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void Misses_whenTrue_theSegmentMissesTheClosedBox(int seed)
    {
        var random = new Random(seed);
        int missed = 0, missedInsideEnvelope = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var (a, b) = (LatticePoint(random, 0), LatticePoint(random, 0));
            var (c, d) = (LatticePoint(random, 0), LatticePoint(random, 0));
            if (random.Next(4) == 0) c = OnTheLine(random, a, b);
            var box = new Envelope(c, d);
            var segment = Factory.CreateLineString(new[] { a, b });
            var boxGeometry = box.Width > 0 && box.Height > 0 ? Factory.ToGeometry(box) : Factory.CreateLineString(new[] { c, d });

            if (!CertainSide.Misses(a.X, a.Y, b.X, b.Y, box)) continue;
            missed++;
            if (new Envelope(a, b).Intersects(box)) missedInsideEnvelope++;
            Assert.False(segment.Intersects(boxGeometry), $"{segment} and {box}");
        }
        Assert.True(missedInsideEnvelope > 1_000, $"missed {missed}, of which inside the segment's envelope {missedInsideEnvelope}");
    }

    [Fact]
    public void Misses_aBoxBesideALongDiagonal_butNotOneItCrossesOrTouches()
    {
        Assert.True(CertainSide.Misses(0, 0, 10, 10, new Envelope(6, 9, 0, 2)));
        Assert.False(CertainSide.Misses(0, 0, 10, 10, new Envelope(4, 6, 3, 5)));
        Assert.False(CertainSide.Misses(0, 0, 10, 10, new Envelope(5, 9, 0, 5)));
        Assert.True(CertainSide.Misses(0, 0, 10, 10, new Envelope(11, 12, 0, 12)));
    }

    /// <summary>A point on a coarse lattice (so many triples are exactly collinear), or now and then anywhere near it.</summary>
    private static Coordinate LatticePoint(Random random, double offset)
    {
        double x = offset + random.Next(-8, 9) * 12.5, y = offset + random.Next(-8, 9) * 12.5;
        return random.Next(5) == 0 ? new Coordinate(x + random.NextDouble(), y - random.NextDouble()) : new Coordinate(x, y);
    }

    /// <summary>A point on the line through a and b, sometimes nudged one unit in the last place off it.</summary>
    private static Coordinate OnTheLine(Random random, Coordinate a, Coordinate b)
    {
        double t = random.Next(-4, 9) / 4.0;
        var c = new Coordinate(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y));
        return random.Next(3) switch
        {
            0 => new Coordinate(Math.BitIncrement(c.X), c.Y),
            1 => new Coordinate(c.X, Math.BitDecrement(c.Y)),
            _ => c,
        };
    }
}
