using Geo.Analyses.Navigation;
using Geo.Analyses.Reach;
using Geo.Data.Osm;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Navigation;

public class StreetRoutingTests
{
    [Fact]
    public void Matrix_toJunctions_equalsReachTimesAndRouteLengths()
    {
        var dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset("chengdu-center.osm.pbf")).Dataset;
        var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike")));
        var graph = snapper.Graph;
        var random = new Random(5);
        var sources = ReferenceRouting.RandomPoints(graph, random, 6);
        var junctions = Enumerable.Range(0, 25).Select(_ => random.Next(graph.VertexCount)).Distinct().ToArray();
        var destinations = junctions.Select(v => graph.VertexLonLat(v)).ToArray();
        var routing = new StreetRouting(snapper);
        var destinationSnaps = destinations.Select(d => snapper.Snap(d.Lon, d.Lat)).ToArray();
        var sourceSnaps = sources.Select(s => snapper.Snap(s.Lon, s.Lat)).ToArray();
        var matrix = routing.Matrix(sourceSnaps, destinationSnaps);
        int compared = 0;
        for (int i = 0; i < sources.Count; i++)
        {
            if (!sourceSnaps[i].IsSnapped) continue;
            var reach = Reachability.From(snapper, sources[i].Lon, sources[i].Lat, Reachability.MaxMinutes).Vertices.ToDictionary(v => v.OsmNodeId, v => v.Seconds);
            var reference = ReferenceRouting.SecondsTo(graph, sourceSnaps[i], destinationSnaps);
            for (int j = 0; j < junctions.Length; j++)
            {
                bool reached = reach.TryGetValue(graph.VertexOsmId[junctions[j]], out double seconds);
                if (!reached) { Assert.Null(matrix.Seconds[i][j]); continue; }
                Assert.NotNull(matrix.Seconds[i][j]);
                Assert.Equal(seconds, matrix.Seconds[i][j]!.Value, 3);
                Assert.Equal(reference[j], matrix.Seconds[i][j]!.Value, 3);
                var route = routing.Route(sourceSnaps[i], destinationSnaps[j])!;
                Assert.Equal(route.Meters, matrix.Meters[i][j]!.Value, 3);
                RouteChecks.AssertWellFormed(graph, route, sourceSnaps[i], destinationSnaps[j], seconds);
                compared++;
            }
        }
        Assert.True(compared > 50, $"only {compared} pairs compared");
    }
}
