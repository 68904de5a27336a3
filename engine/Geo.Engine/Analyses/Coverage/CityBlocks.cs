using System.Runtime.CompilerServices;
using Geo.Data.Cache;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The city blocks of a street graph: the faces of its streets (graph coordinates). The pieces are made planar
/// (bridges and crossings without a junction get one) and the faces walked the way the NTS polygonizer finds them:
/// dead ends and streets that are the only link between two parts bound no block, and groups of streets inside a
/// block are its holes. Land outside every closed ring of streets belongs to no block; blocks of 1 m² or less are
/// dropped. Worked out once per graph.
/// </summary>
public sealed class CityBlocks
{
    // Lazy, so that a graph's blocks are worked out once even when asked for on two threads at a time.
    private static readonly ConditionalWeakTable<StreetGraph, Lazy<CityBlocks>> Cache = new();

    private readonly Lazy<EnvelopeGrid> _index;
    private readonly Lazy<double[]> _areas;

    private CityBlocks(IReadOnlyList<Polygon> blocks)
    {
        Blocks = blocks;
        // A grid is built in a few passes over the blocks; an R-tree's sorting of a city's 300,000 took most of a second.
        _index = new Lazy<EnvelopeGrid>(() => GridOf(blocks));
        _areas = new Lazy<double[]>(() =>
        {
            var areas = new double[blocks.Count];
            Parallel.For(0, blocks.Count, b => areas[b] = blocks[b].Area);
            return areas;
        });
    }

    public IReadOnlyList<Polygon> Blocks { get; }

    /// <summary>
    /// The blocks' envelopes (their shells' extents) straight from their points: asked for its envelope, a block would
    /// make and keep two, its own and its shell's, for as long as the graph lives.
    /// </summary>
    private static EnvelopeGrid GridOf(IReadOnlyList<Polygon> blocks)
    {
        int n = blocks.Count;
        var (minX, minY, maxX, maxY) = (new double[n], new double[n], new double[n], new double[n]);
        var extent = new Envelope();
        for (int b = 0; b < n; b++)
        {
            extent.Init();
            blocks[b].Shell.CoordinateSequence.ExpandEnvelope(extent);
            (minX[b], minY[b], maxX[b], maxY[b]) = (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        }
        return new EnvelopeGrid(minX, minY, maxX, maxY);
    }

    /// <summary>
    /// Each block's area, worked out once: served land asks for a block's area once for every unit and planning cell
    /// near it, and NetTopologySuite works it out afresh each time.
    /// </summary>
    public IReadOnlyList<double> Areas => _areas.Value;

    /// <summary>Sets <paramref name="into"/> to block <paramref name="block"/>'s envelope (a block's own envelope is a fresh copy each time).</summary>
    public void Envelope(int block, Envelope into) => _index.Value.Envelope(block, into);

    /// <summary>Fills <paramref name="found"/> with the blocks whose envelopes meet the window (edges included), in block order.</summary>
    public void Near(Envelope window, List<int> found)
    {
        _index.Value.Within(window.MinX, window.MinY, window.MaxX, window.MaxY, found);
        found.Sort();
    }

    /// <summary>The graph's blocks: read from the cache folder when its streets' blocks were kept there, else worked out (and kept).</summary>
    public static CityBlocks Of(StreetGraph graph) =>
        Cache.GetValue(graph, g => new Lazy<CityBlocks>(() => new CityBlocks(BlocksCache.Blocks(g.Pieces, Packed, () => Find(g))))).Value;

    /// <summary>
    /// Starts working out the graph's blocks and their index on another thread, so that they are ready by the time
    /// served land needs them; <see cref="Of"/> waits for that work rather than repeating it.
    /// </summary>
    public static void Prefetch(StreetGraph graph) => Task.Run(() => Of(graph)._index.Value);

    /// <summary>The blocks worked out afresh, not cached.</summary>
    internal static List<Polygon> Find(StreetGraph graph)
    {
        var planar = StreetCrossings.Planar(graph.Pieces);
        var rings = PlanarFaces.Rings(planar);
        return FacePolygons.Build(planar, rings, Packed).Where(p => p.Area > 1).ToList();
    }

    /// <summary>
    /// Graph coordinates held as one array of x, y pairs per ring: a city's 300,000 blocks take a third of the memory
    /// they would as coordinate objects, and they are kept for as long as the graph.
    /// </summary>
    internal static readonly GeometryFactory Packed = new(new PrecisionModel(), 0, new PackedCoordinateSequenceFactory(PackedCoordinateSequenceFactory.PackedType.Double));
}
