using System.Runtime.CompilerServices;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Noding;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The city blocks of a street graph: the faces of its streets (graph coordinates), found by noding every street
/// line (bridges and crossings without a junction get one) and polygonizing. Land outside every closed ring of
/// streets belongs to no block. Worked out once per graph. The pieces already end at their junctions, so only the
/// crossings are looked for (a monotone-chain index over the segments), not a union of every line, which on a
/// city of 600,000 pieces takes minutes and gigabytes.
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
        var strings = new List<ISegmentString>(pieces.Count);
        // The pieces' own points, not points measured along them: junctions must coincide exactly to be noded.
        for (int s = 0; s < pieces.Count; s++)
        {
            int first = pieces.FirstPoint[s], end = pieces.FirstPoint[s + 1];
            var points = new Coordinate[end - first];
            for (int i = first; i < end; i++) points[i - first] = new Coordinate(pieces.PointX[i], pieces.PointY[i]);
            if (points.Length >= 2) strings.Add(new NodedSegmentString(points, null));
        }
        if (strings.Count == 0) return new CityBlocks(Array.Empty<Polygon>());
        var noder = new MCIndexNoder(new IntersectionAdder(new RobustLineIntersector()));
        noder.ComputeNodes(strings);
        // Two pieces along the same line would make a face of no area between them: each segment is kept once.
        var seen = new HashSet<(double, double, double, double)>();
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        foreach (var split in noder.GetNodedSubstrings())
        {
            var c = split.Coordinates;
            if (c.Length < 2) continue;
            var (a, b) = (c[0], c[^1]);
            var key = a.X < b.X || (a.X == b.X && a.Y <= b.Y) ? (a.X, a.Y, b.X, b.Y) : (b.X, b.Y, a.X, a.Y);
            if (c.Length == 2 && !seen.Add(key)) continue;
            polygonizer.Add(factory.CreateLineString(c));
        }
        var blocks = polygonizer.GetPolygons().OfType<Polygon>().Where(p => p.Area > 1).ToList();
        return new CityBlocks(blocks);
    }
}
