using Geo.Coordinates;
using NetTopologySuite.Geometries;

namespace Geo.Data.Synthetic;

/// <summary>
/// The plan of the synthetic city on its local plane, in metres around the centre and in grid lines: a square grid of
/// <see cref="Side"/> × <see cref="Side"/> junctions, the river between two rows, the inner ring (一环路) and the
/// second ring road (二环路) on grid lines, and the elevated expressway (二环高架) half a block outside the second ring.
/// </summary>
internal sealed class CityLayout
{
    /// <summary>How far a junction may stray from its place on the grid, each way.</summary>
    public const double JitterMeters = SyntheticCity.BlockMeters * 0.08;

    public CityLayout(int vertices)
    {
        Side = Math.Max(20, (int)Math.Round(Math.Sqrt(vertices)));
        double centre = (Side - 1) / 2.0;
        InnerRing = (RingLine(centre * 0.7), RingLine(centre * 1.3));
        SecondRing = (RingLine(centre * 0.3), RingLine(centre * 1.7));
        RiverRow = (int)(Side * 0.55);
    }

    public int Side { get; }

    public double Half => (Side - 1) * SyntheticCity.BlockMeters / 2;

    /// <summary>The river runs between this row of junctions and the next: only primary roads cross it, on bridges.</summary>
    public int RiverRow { get; }

    /// <summary>The first and last grid line of 一环路 (primary), both ways.</summary>
    public (int Low, int High) InnerRing { get; }

    /// <summary>The first and last grid line of 二环路 (secondary), the ground road under and beside the expressway.</summary>
    public (int Low, int High) SecondRing { get; }

    /// <summary>Where the elevated expressway runs, in grid-line units: half a block outside 二环路.</summary>
    public (double Low, double High) ElevatedRing => (SecondRing.Low - 0.5, SecondRing.High + 0.5);

    /// <summary>Metres from the centre of grid line <paramref name="k"/> (fractions lie between lines).</summary>
    public double At(double k) => -Half + k * SyntheticCity.BlockMeters;

    /// <summary>The whole city with a block of margin, in metres: the extent the subdistricts partition.</summary>
    public Envelope Boundary => new(-Half - SyntheticCity.BlockMeters, Half + SyntheticCity.BlockMeters,
        -Half - SyntheticCity.BlockMeters, Half + SyntheticCity.BlockMeters);

    /// <summary>The water between the river's two bank streets, in metres: no street lies in it but bridges.</summary>
    public Envelope RiverBand => new(Boundary.MinX, Boundary.MaxX,
        At(RiverRow) + JitterMeters + 0.5, At(RiverRow + 1) - JitterMeters - 0.5);

    public bool InRiver(double y) => y > RiverBand.MinY && y < RiverBand.MaxY;

    /// <summary>Whether a lon/lat point lies inside the city and out of the river.</summary>
    public bool IsDryLand(LocalProjection plane, Point lonLat)
    {
        var (x, y) = plane.Project(lonLat.X, lonLat.Y);
        return Boundary.Contains(x, y) && !InRiver(y);
    }

    /// <summary>
    /// The class of grid line <paramref name="k"/> (row or column alike): a primary arterial every 40 lines,
    /// secondary and tertiary collectors every 10 and 5, residential streets between.
    /// </summary>
    public static string LineClass(int k) =>
        k % 40 == 20 ? "primary" : k % 10 == 5 ? "secondary" : k % 5 == 0 ? "tertiary" : "residential";

    /// <summary>A ring road keeps off the arterial lines, so it never takes over an arterial's bridge.</summary>
    private static int RingLine(double k)
    {
        int line = (int)Math.Round(k);
        return LineClass(line) == "primary" ? line + 1 : line;
    }

    public bool IsRingLine(int k) =>
        k == InnerRing.Low || k == InnerRing.High || k == SecondRing.Low || k == SecondRing.High;
}
