using Geo.Coordinates;
using Geo.Data.GeoPackage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO;

namespace Geo.Tests.Coordinates;

/// <summary>
/// Rings kept as cell corners read, copy, change and encode exactly as the same corners turned into packed lon/lat
/// doubles by the lattice, the form they replace.
/// </summary>
public class LatticeRingSequenceTests
{
    private static readonly LonLatLattice Lattice = new(new LocalProjection(104.07, 30.66), 1_000, -2_000, new Envelope(-5_000, 5_000, -5_000, 5_000));

    [Fact]
    public void EveryReading_equalsThePackedLonLatOfTheSameCornersToTheLastBit()
    {
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            var (ring, twin) = RandomRing(random);
            Assert.Equal(twin.Count, ring.Count);
            Assert.Equal(2, ring.Dimension);
            Assert.Equal(0, ring.Measures);
            for (int i = 0; i < ring.Count; i++)
            {
                Assert.Equal(twin.GetX(i), ring.GetX(i));
                Assert.Equal(twin.GetY(i), ring.GetY(i));
                Assert.Equal(twin.GetOrdinate(i, 0), ring.GetOrdinate(i, 0));
                Assert.Equal(twin.GetOrdinate(i, 1), ring.GetOrdinate(i, 1));
                Assert.True(double.IsNaN(ring.GetOrdinate(i, 2)));
                Assert.True(twin.GetCoordinate(i).Equals2D(ring.GetCoordinate(i)));
                Assert.True(twin.GetCoordinateCopy(i).Equals2D(ring.GetCoordinateCopy(i)));
            }
            Assert.Equal(twin.ToCoordinateArray(), ring.ToCoordinateArray());
            Assert.Equal(twin.ExpandEnvelope(new Envelope()), ring.ExpandEnvelope(new Envelope()));
            Assert.Equal(twin.GetRawCoordinates(), ((PackedDoubleCoordinateSequence)ring.Copy()).GetRawCoordinates());
        }
    }

    [Fact]
    public void CornersAtTheWindowsFarEdge_keepTheirRowAndColumn()
    {
        var corners = new[] { (0, 0), (65_535, 0), (65_535, 65_535), (0, 65_535), (0, 0) };
        var ring = Ring(corners, -4_000, -4_000, 0.1);
        var twin = Twin(corners, -4_000, -4_000, 0.1);

        Assert.Equal(twin.ToCoordinateArray(), ring.ToCoordinateArray());
    }

    [Fact]
    public void RingsSharingOneWindow_readTheirOwnCornersOnly()
    {
        var random = new Random(13);
        var rings = Enumerable.Range(0, 5).Select(_ =>
        {
            var corners = Enumerable.Range(0, 3 + random.Next(40)).Select(_ => (random.Next(800), random.Next(800))).ToList();
            corners.Add(corners[0]);
            return corners;
        }).ToList();
        var window = new LatticeRingSequence.Window(Lattice, -3_000, -2_500, 7.5, rings.SelectMany(r => r).Select(c => LatticeRingSequence.Pack(c.Item1, c.Item2)).ToArray());

        int first = 0;
        foreach (var corners in rings)
        {
            var ring = new LatticeRingSequence(window, first, corners.Count);
            Assert.Equal(Twin(corners, -3_000, -2_500, 7.5).ToCoordinateArray(), ring.ToCoordinateArray());
            Assert.Throws<ArgumentOutOfRangeException>(() => ring.GetX(corners.Count));
            first += corners.Count;
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatticeRingSequence(window, first - 2, 3));
    }

    [Fact]
    public void SetOrdinate_changesThatOrdinateOnly_andRefusesAThird()
    {
        var (ring, twin) = RandomRing(new Random(3));
        var before = ring.ToCoordinateArray();

        ring.SetOrdinate(1, 0, 104.5);
        twin.SetOrdinate(1, 0, 104.5);
        ring.SetOrdinate(2, 1, 30.25);
        twin.SetOrdinate(2, 1, 30.25);

        Assert.Equal(twin.ToCoordinateArray(), ring.ToCoordinateArray());
        Assert.NotEqual(before[1].X, ring.ToCoordinateArray()[1].X);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.SetOrdinate(0, 2, 1));
    }

    [Fact]
    public void PolygonsOfThem_normaliseAndReverseInPlaceAsPackedOnesDo()
    {
        var random = new Random(8);
        for (int round = 0; round < 50; round++)
        {
            var (polygon, expected) = RandomPolygon(random);

            Assert.True(expected.EqualsExact(polygon));
            Assert.True(expected.Reverse().EqualsExact(polygon.Reverse()));
            polygon.Normalize();
            expected.Normalize();
            Assert.True(expected.EqualsExact(polygon), $"round {round}: {polygon} instead of {expected}");
        }
    }

    [Fact]
    public void GeoPackageBlob_isByteForByteNetTopologySuitesBlobOfThePackedTwin()
    {
        var random = new Random(21);
        var ours = new GeoPackageBlobWriter();
        var theirs = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        for (int round = 0; round < 100; round++)
        {
            var (polygon, twin) = RandomPolygon(random);

            var (offset, length) = ours.Append(polygon);

            Assert.Equal(theirs.Write(twin), ours.Appended.Slice(offset, length).ToArray());
        }
    }

    /// <summary>A polygon of a random shell and hole, and its twin of packed rings.</summary>
    private static (Polygon Polygon, Polygon Twin) RandomPolygon(Random random)
    {
        var factory = LonLatLattice.Factory;
        var (shell, shellTwin) = RandomRing(random);
        var (hole, holeTwin) = RandomRing(random);
        return (factory.CreatePolygon(factory.CreateLinearRing(shell), new[] { factory.CreateLinearRing(hole) }),
            factory.CreatePolygon(factory.CreateLinearRing(shellTwin), new[] { factory.CreateLinearRing(holeTwin) }));
    }

    /// <summary>
    /// A closed ring of random corners (a ring's shape does not matter to its sequence) and its packed lon/lat twin,
    /// made as the tracer made it before: graph coordinates x0 + column · cell, then the lattice.
    /// </summary>
    private static (LatticeRingSequence Ring, PackedDoubleCoordinateSequence Twin) RandomRing(Random random)
    {
        double cell = random.Next(3) switch { 0 => 25, 1 => 7.5, _ => 0.3 + random.NextDouble() * 40 };
        double x0 = -4_500 + random.NextDouble() * 2_000, y0 = -4_500 + random.NextDouble() * 2_000;
        int limit = (int)Math.Min(65_535, 8_000 / cell);
        var corners = new List<(int, int)>();
        int n = 3 + random.Next(300);
        for (int i = 0; i < n; i++) corners.Add((random.Next(limit + 1), random.Next(limit + 1)));
        corners.Add(corners[0]);
        var ring = Ring(corners, x0, y0, cell);
        return (ring, Twin(corners, x0, y0, cell));
    }

    /// <summary>A ring of its own window's corners.</summary>
    private static LatticeRingSequence Ring(IReadOnlyList<(int Column, int Row)> corners, double x0, double y0, double cell) =>
        new(new LatticeRingSequence.Window(Lattice, x0, y0, cell, corners.Select(c => LatticeRingSequence.Pack(c.Column, c.Row)).ToArray()), 0, corners.Count);

    private static PackedDoubleCoordinateSequence Twin(IReadOnlyList<(int Column, int Row)> corners, double x0, double y0, double cell)
    {
        var xy = new double[2 * corners.Count];
        for (int i = 0; i < corners.Count; i++)
        {
            xy[2 * i] = x0 + corners[i].Column * cell;
            xy[2 * i + 1] = y0 + corners[i].Row * cell;
        }
        return (PackedDoubleCoordinateSequence)Lattice.ToLonLat(xy);
    }
}
