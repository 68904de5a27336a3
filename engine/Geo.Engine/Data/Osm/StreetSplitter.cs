using Geo.Data.Model;
using NetTopologySuite.Geometries;

namespace Geo.Data.Osm;

/// <summary>
/// Cuts street ways into pieces between junctions: a node shared by two ways (or visited twice by one) ends a piece.
/// Runs of a way whose nodes lie outside the extract are dropped; the runs inside are kept.
/// </summary>
internal static class StreetSplitter
{
    public static List<StreetSegment> Split(
        IReadOnlyList<(long Id, long[] Nodes, Dictionary<string, string> Tags, StreetAccess Access)> ways,
        Dictionary<long, Coordinate> coordinates, GeometryFactory factory, List<string> warnings)
    {
        var uses = new Dictionary<long, int>();
        foreach (var way in ways)
        {
            foreach (var node in way.Nodes) uses[node] = uses.GetValueOrDefault(node) + 1;
            uses[way.Nodes[0]] = uses[way.Nodes[0]] + 1;
            uses[way.Nodes[^1]] = uses[way.Nodes[^1]] + 1;
        }

        var pieces = new List<StreetSegment>();
        int cutWays = 0;
        foreach (var (id, nodes, tags, access) in ways)
        {
            int direction = OsmTagReading.OnewayDirection(tags);
            string highway = tags["highway"];
            string? name = OsmTagReading.Name(tags);
            double? maxspeed = OsmTagReading.MaxSpeedKmh(tags);
            var run = new List<(long Node, Coordinate At)>();
            bool cut = false;

            void Emit()
            {
                if (run.Count >= 2)
                {
                    var points = run.Select(r => r.At).ToArray();
                    long from = run[0].Node, to = run[^1].Node;
                    if (direction < 0)
                    {
                        Array.Reverse(points);
                        (from, to) = (to, from);
                    }
                    if (points.Distinct().Count() >= 2)
                    {
                        var line = factory.CreateLineString(points);
                        pieces.Add(new StreetSegment(id, from, to, highway, name, direction != 0, maxspeed, access, line));
                    }
                }
                run.Clear();
            }

            for (int i = 0; i < nodes.Length; i++)
            {
                if (!coordinates.TryGetValue(nodes[i], out var at))
                {
                    cut = true;
                    Emit();
                    continue;
                }
                run.Add((nodes[i], at));
                if (i > 0 && i < nodes.Length - 1 && uses[nodes[i]] >= 2)
                {
                    Emit();
                    run.Add((nodes[i], at));
                }
            }
            Emit();
            if (cut) cutWays++;
        }
        if (cutWays > 0) warnings.Add($"{cutWays} street way(s) are cut by the extract's edge; their parts inside it are kept");
        return pieces;
    }
}
