using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Operation.Union;

namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// Splits the area covered by a set of polygons into parts by how many of them cover each part: all boundaries are
/// noded together and polygonised into faces, and each face counts the polygons holding its interior point.
/// </summary>
public static class OverlapCounter
{
    public static IReadOnlyList<(int Count, Geometry Area)> Count(IReadOnlyList<Geometry> polygons)
    {
        var factory = ServiceAreaGeometry.Local;
        var nonEmpty = polygons.Where(p => !p.IsEmpty).ToList();
        if (nonEmpty.Count == 0) return Array.Empty<(int, Geometry)>();
        var boundaries = factory.BuildGeometry(nonEmpty.Select(p => p.Boundary).ToList());
        var noded = UnaryUnionOp.Union(boundaries);
        var polygonizer = new Polygonizer();
        polygonizer.Add(noded);

        var index = new STRtree<int>();
        for (int i = 0; i < nonEmpty.Count; i++) index.Insert(nonEmpty[i].EnvelopeInternal, i);
        index.Build();
        var locators = nonEmpty.Select(p => new IndexedPointInAreaLocator(p)).ToArray();

        var byCount = new Dictionary<int, List<Geometry>>();
        foreach (var face in polygonizer.GetPolygons())
        {
            var inside = face.InteriorPoint.Coordinate;
            int count = 0;
            foreach (int i in index.Query(new Envelope(inside)))
            {
                if (locators[i].Locate(inside) == Location.Interior) count++;
            }
            if (count == 0) continue;
            if (!byCount.TryGetValue(count, out var faces)) byCount[count] = faces = new List<Geometry>();
            faces.Add(face);
        }
        return byCount.OrderBy(kv => kv.Key)
            .Select(kv => (kv.Key, ServiceAreaGeometry.Polygonal(CascadedPolygonUnion.Union(kv.Value))))
            .ToArray();
    }
}
