using Geo.Streets;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

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
            // A grid over a city's 300,000 shell envelopes is built in a few passes; an R-tree's sorting took seconds.
            var index = EnvelopeGrid.Of(envelopes);
            var near = new List<int>();
            foreach (var hole in holes)
            {
                int shell = SmallestShellAround(hole, shells, envelopes, index, near);
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

    private static int SmallestShellAround(Coordinate[] hole, List<Coordinate[]> shells, Envelope[] envelopes, EnvelopeGrid index, List<int> near)
    {
        var holeEnvelope = new Envelope(hole);
        int best = -1;
        index.Within(holeEnvelope.MinX, holeEnvelope.MinY, holeEnvelope.MaxX, holeEnvelope.MaxY, near);
        // In shell order, so that of two shells with one envelope around the hole the same one is chosen every time.
        near.Sort();
        foreach (int s in near)
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
