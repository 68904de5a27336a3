using Geo.Coordinates;
using Geo.Data.Model;
using NetTopologySuite.Geometries;

namespace Geo.Streets;

/// <summary>Builds the <see cref="StreetGraph"/> of a dataset under a travel profile.</summary>
public static class StreetGraphBuilder
{
    public static StreetGraph Build(StreetDataset dataset, TravelProfile profile) =>
        Build(dataset.Streets, profile, ExtentOf(dataset));

    public static StreetGraph Build(IReadOnlyList<StreetSegment> streets, TravelProfile profile, Envelope? lonLatExtent = null)
    {
        var usable = streets.Where(s => (s.Access & profile.Mode) != 0).ToArray();
        if (usable.Length == 0)
        {
            throw new GeoInputException($"the dataset has no streets usable by the '{profile.Name}' profile");
        }
        var extent = lonLatExtent ?? Extent(usable);
        var projection = LocalProjection.For(extent);
        var (originX, originY) = projection.Project((extent.MinX + extent.MaxX) / 2, (extent.MinY + extent.MaxY) / 2);

        var firstPoint = new int[usable.Length + 1];
        for (int s = 0; s < usable.Length; s++) firstPoint[s + 1] = checked(firstPoint[s] + usable[s].Geometry.NumPoints);
        var px = new float[firstPoint[^1]];
        var py = new float[firstPoint[^1]];
        var length = new float[usable.Length];
        var forward = new float[usable.Length];
        var backward = new float[usable.Length];
        // Projecting every point is most of the build: each street's points, length and times are its own, so streets
        // are worked on every core, each exactly as alone.
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, usable.Length, 8192), range =>
        {
            var buffer = new double[2];
            for (int s = range.Item1; s < range.Item2; s++)
            {
                var street = usable[s];
                var coords = street.Geometry.CoordinateSequence;
                double meters = 0;
                for (int i = 0, p = firstPoint[s]; i < coords.Count; i++, p++)
                {
                    buffer[0] = coords.GetX(i);
                    buffer[1] = coords.GetY(i);
                    projection.ProjectInPlace(buffer);
                    px[p] = (float)(buffer[0] - originX);
                    py[p] = (float)(buffer[1] - originY);
                    if (i > 0)
                    {
                        double dx = px[p] - px[p - 1], dy = py[p] - py[p - 1];
                        meters += Math.Sqrt(dx * dx + dy * dy);
                    }
                }
                length[s] = (float)meters;
                float seconds = (float)(meters / (profile.SpeedKmh(street) / 3.6));
                forward[s] = seconds;
                backward[s] = profile.RespectOneway && street.Oneway ? float.PositiveInfinity : seconds;
            }
        });

        // Junctions numbered in the order streets first reach them, as one pass would.
        var vertexOf = new Dictionary<long, int>(usable.Length);
        var osmIds = new List<long>(usable.Length);
        var vx = new List<float>(usable.Length);
        var vy = new List<float>(usable.Length);
        var from = new int[usable.Length];
        var to = new int[usable.Length];

        int VertexFor(long osmId, float x, float y)
        {
            if (vertexOf.TryGetValue(osmId, out int v)) return v;
            v = osmIds.Count;
            vertexOf.Add(osmId, v);
            osmIds.Add(osmId);
            vx.Add(x);
            vy.Add(y);
            return v;
        }

        for (int s = 0; s < usable.Length; s++)
        {
            int first = firstPoint[s], last = firstPoint[s + 1] - 1;
            from[s] = VertexFor(usable[s].FromNodeId, px[first], py[first]);
            to[s] = VertexFor(usable[s].ToNodeId, px[last], py[last]);
        }

        int n = osmIds.Count;
        var firstEdge = new int[n + 1];
        for (int s = 0; s < usable.Length; s++)
        {
            firstEdge[from[s] + 1]++;
            if (float.IsFinite(backward[s])) firstEdge[to[s] + 1]++;
        }
        for (int v = 0; v < n; v++) firstEdge[v + 1] += firstEdge[v];
        int edgeCount = firstEdge[n];
        var next = (int[])firstEdge.Clone();
        var target = new int[edgeCount];
        var cost = new float[edgeCount];
        var segment = new int[edgeCount];
        for (int s = 0; s < usable.Length; s++)
        {
            int e = next[from[s]]++;
            target[e] = to[s];
            cost[e] = forward[s];
            segment[e] = s;
            if (float.IsFinite(backward[s]))
            {
                e = next[to[s]]++;
                target[e] = from[s];
                cost[e] = backward[s];
                segment[e] = ~s;
            }
        }

        var pieces = new StreetPieces(usable, from, to, length, forward, backward, firstPoint, px, py);
        var (componentOf, componentCount) = Islands.Label(n, from, to);
        return new StreetGraph(profile, projection, originX, originY, osmIds.ToArray(), vx.ToArray(), vy.ToArray(),
            firstEdge, target, cost, segment, pieces, componentOf, componentCount);
    }

    public static Envelope ExtentOf(StreetDataset dataset) =>
        dataset.Metadata.Extent is { IsNull: false } e && e.Width > 0 && e.Height > 0 ? e : Extent(dataset.Streets);

    private static Envelope Extent(IEnumerable<StreetSegment> streets)
    {
        var extent = new Envelope();
        foreach (var s in streets) s.Geometry.CoordinateSequence.ExpandEnvelope(extent);
        return extent;
    }
}
