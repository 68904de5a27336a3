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

        var vertexOf = new Dictionary<long, int>(usable.Length);
        var osmIds = new List<long>(usable.Length);
        var vx = new List<float>(usable.Length);
        var vy = new List<float>(usable.Length);
        int totalPoints = usable.Sum(s => s.Geometry.NumPoints);
        var firstPoint = new int[usable.Length + 1];
        var px = new float[totalPoints];
        var py = new float[totalPoints];
        var from = new int[usable.Length];
        var to = new int[usable.Length];
        var length = new float[usable.Length];
        var forward = new float[usable.Length];
        var backward = new float[usable.Length];
        var buffer = new double[2];
        int p = 0;

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
            var street = usable[s];
            var coords = street.Geometry.CoordinateSequence;
            firstPoint[s] = p;
            double meters = 0;
            for (int i = 0; i < coords.Count; i++)
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
                p++;
            }
            from[s] = VertexFor(street.FromNodeId, px[firstPoint[s]], py[firstPoint[s]]);
            to[s] = VertexFor(street.ToNodeId, px[p - 1], py[p - 1]);
            length[s] = (float)meters;
            float seconds = (float)(meters / (profile.SpeedKmh(street) / 3.6));
            forward[s] = seconds;
            backward[s] = profile.RespectOneway && street.Oneway ? float.PositiveInfinity : seconds;
        }
        firstPoint[usable.Length] = p;

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
