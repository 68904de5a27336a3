using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Geo.Tests.Analyses.Coverage;

/// <summary>
/// Random areas made of lattice squares: concave, with holes, parts touching at corners; every border on the lattice,
/// so lines, windows and other areas drawn on it run along borders and through border vertices.
/// </summary>
internal static class LatticeAreas
{
    private static readonly GeometryFactory Factory = new();

    /// <param name="size">Squares per side.</param>
    /// <param name="scale">Side of one square.</param>
    /// <param name="share">Chance that a square belongs to the area.</param>
    public static Geometry Random(Random random, int size = 6, double scale = 1, double share = 0.6)
    {
        var squares = new List<Geometry>();
        for (int x = 0; x < size; x++)
        {
            for (int y = 0; y < size; y++)
            {
                if (random.NextDouble() < share) squares.Add(Factory.ToGeometry(new Envelope(x * scale, (x + 1) * scale, y * scale, (y + 1) * scale)));
            }
        }
        if (squares.Count == 0) squares.Add(Factory.ToGeometry(new Envelope(2 * scale, 3 * scale, 2 * scale, 3 * scale)));
        return CascadedPolygonUnion.Union(squares);
    }
}
