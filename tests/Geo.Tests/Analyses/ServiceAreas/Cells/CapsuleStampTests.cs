using Geo.Analyses.ServiceAreas.Cells;

namespace Geo.Tests.Analyses.ServiceAreas.Cells;

public class CapsuleStampTests
{
    private static readonly CellGrid Grid = new(0, 0, 1000, 1000, 10);

    [Fact]
    public void Capsules_stampedFourRowsAtATime_coverTheSameCellsAsOneRowAtATime()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 4000; trial++)
        {
            var (ax, ay, bx, by, r) = AwkwardCapsule(random);
            // Windows both larger than the capsule and cutting it, at offsets.
            int column0 = random.Next(0, 40), row0 = random.Next(0, 40), width = random.Next(1, 60), height = random.Next(1, 60);
            var vector = new CellMask(Grid, column0, row0, width, height);
            var scalar = new CellMask(Grid, column0, row0, width, height);
            CapsuleStamp.Cover(vector, ax, ay, bx, by, r, fourRowsAtATime: true);
            CapsuleStamp.Cover(scalar, ax, ay, bx, by, r, fourRowsAtATime: false);
            Assert.True(vector.Cells.AsSpan().SequenceEqual(scalar.Cells), $"capsule ({ax}, {ay})–({bx}, {by}), r {r}, window {column0},{row0} {width}×{height}");
        }
    }

    [Fact]
    public void Capsules_coverExactlyTheCellsWhoseCentresLieWithinTheLateralDistance()
    {
        var random = new Random(12);
        for (int trial = 0; trial < 1500; trial++)
        {
            var (ax, ay, bx, by, r) = AwkwardCapsule(random);
            var mask = new CellMask(Grid, 0, 0, 60, 60);
            CapsuleStamp.Cover(mask, ax, ay, bx, by, r, fourRowsAtATime: true);
            for (int row = 0; row < 60; row++)
            {
                for (int column = 0; column < 60; column++)
                {
                    double d = DistanceToSegment((column + 0.5) * 10, (row + 0.5) * 10, ax, ay, bx, by);
                    if (Math.Abs(d - r) < 1e-9) continue; // on the capsule's edge: either answer is right to rounding
                    Assert.True(d < r == mask[column, row], $"cell {column},{row} at {d} m from ({ax}, {ay})–({bx}, {by}), r {r}");
                }
            }
        }
    }

    /// <summary>A segment and lateral distance in the first 600 m of <see cref="Grid"/>, often on cell centres and edges, along an axis or of no length.</summary>
    private static (double Ax, double Ay, double Bx, double By, double R) AwkwardCapsule(Random random)
    {
        double Coordinate() => random.Next(4) switch
        {
            0 => random.Next(0, 120) * 5.0, // cell centres and edges
            _ => random.NextDouble() * 600,
        };
        double ax = Coordinate(), ay = Coordinate();
        double bx = ax, by = ay;
        switch (random.Next(7))
        {
            case 0: bx = Coordinate(); break;                  // along the x axis
            case 1: by = Coordinate(); break;                  // along the y axis
            case 2: break;                                     // a point
            case 3: bx = ax + random.Next(-8, 9) * 10; by = ay + random.Next(-8, 9) * 10; break; // diagonals through cell centres
            case 4:
                // 3-4-5 slopes from a cell centre: many cell centres lie at whole multiples of 2 m from the line,
                // so exactly on the capsule's edge when r is a multiple of 10 m.
                ax = random.Next(0, 60) * 10 + 5;
                ay = random.Next(0, 60) * 10 + 5;
                int k = random.Next(1, 4) * (random.Next(2) == 0 ? 1 : -1);
                (bx, by) = random.Next(2) == 0 ? (ax + 30 * k, ay + 40 * k) : (ax - 40 * k, ay + 30 * k);
                break;
            default: bx = Coordinate(); by = Coordinate(); break;
        }
        double r = random.Next(3) == 0 ? random.Next(1, 6) * 10.0 : random.NextDouble() * 60;
        return (ax, ay, bx, by, r);
    }

    private static double DistanceToSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay, lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / lengthSquared, 0, 1);
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return Math.Sqrt(ex * ex + ey * ey);
    }
}
