using System.Runtime.CompilerServices;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Operation.Union;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The city blocks of a street graph: the faces of its streets (graph coordinates), found by noding every street
/// line (bridges and crossings without a junction get one) and polygonizing. Land outside every closed ring of
/// streets belongs to no block. Worked out once per graph.
/// </summary>
public sealed class CityBlocks
{
    private static readonly ConditionalWeakTable<StreetGraph, CityBlocks> Cache = new();

    private CityBlocks(IReadOnlyList<Polygon> blocks) => Blocks = blocks;

    public IReadOnlyList<Polygon> Blocks { get; }

    public static CityBlocks Of(StreetGraph graph) => Cache.GetValue(graph, Build);

    private static CityBlocks Build(StreetGraph graph)
    {
        var pieces = graph.Pieces;
        var factory = ServiceAreaGeometry.Local;
        var lines = new LineString[pieces.Count];
        // The pieces' own points, not points measured along them: junctions must coincide exactly to be noded.
        for (int s = 0; s < pieces.Count; s++)
        {
            int first = pieces.FirstPoint[s], end = pieces.FirstPoint[s + 1];
            var points = new Coordinate[end - first];
            for (int i = first; i < end; i++) points[i - first] = new Coordinate(pieces.PointX[i], pieces.PointY[i]);
            lines[s] = factory.CreateLineString(points);
        }
        if (lines.Length == 0) return new CityBlocks(Array.Empty<Polygon>());
        var noded = UnaryUnionOp.Union((Geometry)factory.CreateMultiLineString(lines));
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(noded);
        var blocks = polygonizer.GetPolygons().OfType<Polygon>().Where(p => p.Area > 1).ToList();
        return new CityBlocks(blocks);
    }
}
