using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Polygons from the face rings of a planar graph: every clockwise ring is a shell, and every counter-clockwise one
/// (the outer boundary of a group of streets) a hole of the smallest shell around it, as the NTS polygonizer
/// assigns them. Holes no shell surrounds are dropped.
/// </summary>
internal static class FacePolygons
{
    public static List<Polygon> Build(PlanarEdges graph, List<int[]> rings, GeometryFactory factory)
    {
        var shells = new List<Coordinate[]>();
        var holes = new List<Coordinate[]>();
        foreach (var ring in rings)
        {
            var points = new Coordinate[ring.Length + 1];
            double twiceArea = 0;
            for (int i = 0; i < ring.Length; i++)
            {
                int a = ring[i], b = ring[(i + 1) % ring.Length];
                points[i] = new Coordinate(graph.X[a], graph.Y[a]);
                twiceArea += (graph.X[a] - graph.X[b]) * (graph.Y[a] + graph.Y[b]);
            }
            points[^1] = points[0].Copy();
            // Counter-clockwise rings have positive area; flat ones count as shells, as NTS's orientation test says.
            (twiceArea > 0 ? holes : shells).Add(points);
        }

        var holesOf = new List<Coordinate[]>?[shells.Count];
        if (holes.Count > 0)
        {
            var envelopes = shells.Select(s => new Envelope(s)).ToArray();
            var index = new STRtree<int>();
            for (int s = 0; s < shells.Count; s++) index.Insert(envelopes[s], s);
            index.Build();
            foreach (var hole in holes)
            {
                int shell = SmallestShellAround(hole, shells, envelopes, index);
                if (shell >= 0) (holesOf[shell] ??= new List<Coordinate[]>()).Add(hole);
            }
        }

        var polygons = new List<Polygon>(shells.Count);
        for (int s = 0; s < shells.Count; s++)
        {
            var inner = holesOf[s]?.Select(factory.CreateLinearRing).ToArray() ?? Array.Empty<LinearRing>();
            polygons.Add(factory.CreatePolygon(factory.CreateLinearRing(shells[s]), inner));
        }
        return polygons;
    }

    private static int SmallestShellAround(Coordinate[] hole, List<Coordinate[]> shells, Envelope[] envelopes, STRtree<int> index)
    {
        var holeEnvelope = new Envelope(hole);
        int best = -1;
        foreach (int s in index.Query(holeEnvelope))
        {
            var envelope = envelopes[s];
            // An equal envelope is the hole's own ring seen from inside (or one of its faces), never a shell around it.
            if (envelope.Equals(holeEnvelope) || !envelope.Contains(holeEnvelope)) continue;
            if (!Surrounds(shells[s], hole)) continue;
            if (best < 0 || envelopes[best].Contains(envelope)) best = s;
        }
        return best;
    }

    private static bool Surrounds(Coordinate[] shell, Coordinate[] hole)
    {
        foreach (var point in hole)
        {
            var location = RayCrossingCounter.LocatePointInRing(point, shell);
            if (location != Location.Boundary) return location == Location.Interior;
        }
        return false;
    }
}
