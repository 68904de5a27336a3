using Geo.Coordinates;
using Geo.Data.Model;

namespace Geo.Streets;

/// <summary>
/// The routable street graph of one dataset under one travel profile: vertices are street junctions and dead ends,
/// directed edges are street pieces in the directions the profile may travel them, stored as compressed sparse rows
/// (the edges leaving vertex v are <c>FirstEdge[v] .. FirstEdge[v+1]-1</c>). Coordinates are metres in
/// <see cref="Projection"/>, relative to <see cref="OriginX"/>/<see cref="OriginY"/> so that floats keep millimetres.
/// Immutable once built; safe to search from many threads, each with its own <see cref="ShortestPathSearch"/>.
/// </summary>
public sealed class StreetGraph
{
    internal StreetGraph(
        TravelProfile profile, LocalProjection projection, double originX, double originY,
        long[] vertexOsmId, float[] vertexX, float[] vertexY,
        int[] firstEdge, int[] edgeTarget, float[] edgeSeconds, int[] edgeSegment,
        StreetPieces pieces, int[] componentOf, int componentCount)
    {
        Profile = profile;
        Projection = projection;
        OriginX = originX;
        OriginY = originY;
        VertexOsmId = vertexOsmId;
        VertexX = vertexX;
        VertexY = vertexY;
        FirstEdge = firstEdge;
        EdgeTarget = edgeTarget;
        EdgeSeconds = edgeSeconds;
        EdgeSegment = edgeSegment;
        Pieces = pieces;
        ComponentOf = componentOf;
        ComponentCount = componentCount;
    }

    public TravelProfile Profile { get; }
    public LocalProjection Projection { get; }
    public double OriginX { get; }
    public double OriginY { get; }

    public int VertexCount => VertexOsmId.Length;
    public int EdgeCount => EdgeTarget.Length;

    public long[] VertexOsmId { get; }
    public float[] VertexX { get; }
    public float[] VertexY { get; }
    public int[] FirstEdge { get; }
    public int[] EdgeTarget { get; }
    public float[] EdgeSeconds { get; }

    /// <summary>The street piece an edge runs along: the piece index when it runs from the piece's start to its end, <c>~index</c> when it runs backwards.</summary>
    public int[] EdgeSegment { get; }

    /// <summary>The street pieces usable by the profile, with their geometry and both travel costs.</summary>
    public StreetPieces Pieces { get; }

    /// <summary>The island (weakly connected component) of each vertex; islands are numbered largest first.</summary>
    public int[] ComponentOf { get; }
    public int ComponentCount { get; }

    /// <summary>Memory held by the routing arrays (CSR, vertex coordinates and ids), the figure the benchmarks divide by edges.</summary>
    public long RoutingBytes =>
        VertexOsmId.LongLength * 8 + VertexX.LongLength * 4 + VertexY.LongLength * 4 + FirstEdge.LongLength * 4
        + EdgeTarget.LongLength * 4 + EdgeSeconds.LongLength * 4 + EdgeSegment.LongLength * 4 + ComponentOf.LongLength * 4;

    public (double Lon, double Lat) VertexLonLat(int vertex) =>
        Projection.Unproject(OriginX + VertexX[vertex], OriginY + VertexY[vertex]);

    /// <summary>A geometry in graph coordinates (metres from the graph origin) as lon/lat, EPSG:4326.</summary>
    public NetTopologySuite.Geometries.Geometry ToLonLat(NetTopologySuite.Geometries.Geometry local) => LonLat.ToLonLat(local);

    private LonLatLattice? _lattice;

    /// <summary>
    /// Lon/lat of points in graph coordinates, also for making lon/lat geometry without a local copy first; built on
    /// first use over the streets' extent with a few kilometres to spare.
    /// </summary>
    internal LonLatLattice LonLat => LazyInitializer.EnsureInitialized(ref _lattice, BuildLattice);

    private LonLatLattice BuildLattice()
    {
        var extent = new NetTopologySuite.Geometries.Envelope();
        for (int i = 0; i < Pieces.PointX.Length; i++) extent.ExpandToInclude(Pieces.PointX[i], Pieces.PointY[i]);
        extent.ExpandBy(5000);
        return new LonLatLattice(Projection, OriginX, OriginY, extent);
    }

    /// <summary>A lon/lat geometry in graph coordinates (metres from the graph origin).</summary>
    public NetTopologySuite.Geometries.Geometry ToLocal(NetTopologySuite.Geometries.Geometry lonLat)
    {
        var projected = Projection.Project(lonLat);
        projected.Apply(new Translate(-OriginX, -OriginY));
        projected.SRID = 0;
        projected.GeometryChanged();
        return projected;
    }

    private sealed class Translate(double dx, double dy) : NetTopologySuite.Geometries.IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(NetTopologySuite.Geometries.CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, seq.GetX(i) + dx);
                seq.SetY(i, seq.GetY(i) + dy);
            }
        }
    }

    private StreetGraph? _reversed;
    private object? _reversing;

    /// <summary>
    /// The graph a search for the given direction runs on: this one for times from a station, the reversed one
    /// (built once, however many threads ask at a time) for times to it.
    /// </summary>
    public StreetGraph SearchGraph(TravelDirection direction) =>
        direction == TravelDirection.FromStation ? this : LazyInitializer.EnsureInitialized(ref _reversed, ref _reversing, Reversed);

    /// <summary>The same graph with every edge turned round: searches on it give travel times <em>to</em> a point.</summary>
    public StreetGraph Reversed()
    {
        int n = VertexCount;
        var first = new int[n + 1];
        for (int e = 0; e < EdgeCount; e++) first[EdgeTarget[e] + 1]++;
        for (int v = 0; v < n; v++) first[v + 1] += first[v];
        var next = (int[])first.Clone();
        var target = new int[EdgeCount];
        var seconds = new float[EdgeCount];
        var segment = new int[EdgeCount];
        for (int u = 0; u < n; u++)
        {
            for (int e = FirstEdge[u]; e < FirstEdge[u + 1]; e++)
            {
                int slot = next[EdgeTarget[e]]++;
                target[slot] = u;
                seconds[slot] = EdgeSeconds[e];
                segment[slot] = ~EdgeSegment[e];
            }
        }
        return new StreetGraph(Profile, Projection, OriginX, OriginY, VertexOsmId, VertexX, VertexY,
            first, target, seconds, segment, Pieces, ComponentOf, ComponentCount);
    }

    public int VertexOf(long osmNodeId)
    {
        for (int v = 0; v < VertexOsmId.Length; v++)
        {
            if (VertexOsmId[v] == osmNodeId) return v;
        }
        return -1;
    }
}
