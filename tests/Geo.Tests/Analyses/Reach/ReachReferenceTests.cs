using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Streets;

namespace Geo.Tests.Analyses.Reach;

/// <summary>
/// <c>reach</c>, service-area street length and searches towards a point, checked against a textbook Dijkstra written
/// in the test (<see cref="ReferenceNetwork"/>) on seeded random origins: junctions (at their exact OSM coordinates and
/// at the graph's own float positions), points along pieces, and points anywhere (some too far to snap, whose
/// reported distance must be the true nearest distance), on generated one-way-rich towns and the real extracts.
/// </summary>
public class ReachReferenceTests
{
    private static readonly Dictionary<string, StreetDataset> Extracts = new();

    private static StreetDataset Extract(string file)
    {
        lock (Extracts)
        {
            if (!Extracts.TryGetValue(file, out var dataset)) Extracts[file] = dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset(file)).Dataset;
            return dataset;
        }
    }

    [Theory]
    [InlineData("walk")]
    [InlineData("ebike")]
    [InlineData("car")]
    public void Reach_fromEveryJunctionAndRandomPointsOfOnewayTowns_equalsTextbookDijkstra(string profile)
    {
        for (int seed = 1; seed <= 3; seed++)
        {
            var graph = StreetGraphBuilder.Build(OnewayTown.Generate(seed), TravelProfile.BuiltIn(profile));
            var compare = new ReferenceComparison(graph);
            var random = new Random(seed * 31 + profile.Length);
            for (int n = 0; n < compare.Reference.NodeCount; n++) FromJunction(compare, random, n, random.NextDouble() * 6 + 0.5);
            for (int k = 0; k < 150; k++) FromRandomPoint(compare, random, random.NextDouble() * 6 + 0.5, marginMeters: 400);
            compare.AssertAgreed();
        }
    }

    [Theory]
    [InlineData("chengdu-center.osm.pbf", "walk")]
    [InlineData("chengdu-center.osm.pbf", "ebike")]
    [InlineData("chengdu-center.osm.pbf", "car")]
    [InlineData("andorra.osm.pbf", "walk")]
    [InlineData("andorra.osm.pbf", "ebike")]
    [InlineData("andorra.osm.pbf", "car")]
    [InlineData("liechtenstein.osm.pbf", "walk")]
    [InlineData("liechtenstein.osm.pbf", "ebike")]
    [InlineData("liechtenstein.osm.pbf", "car")]
    [InlineData("shanghai-center.osm.pbf", "walk")]
    [InlineData("shanghai-center.osm.pbf", "ebike")]
    [InlineData("shanghai-center.osm.pbf", "car")]
    public void Reach_fromSampledJunctionsAndRandomPointsOfRealExtract_equalsTextbookDijkstra(string extract, string profile)
    {
        var graph = StreetGraphBuilder.Build(Extract(extract), TravelProfile.BuiltIn(profile));
        var compare = new ReferenceComparison(graph);
        var random = new Random(extract.Length * 7 + profile.Length);
        double maxMinutes = profile == "car" ? 5 : 15;
        for (int k = 0; k < 150; k++) FromJunction(compare, random, random.Next(compare.Reference.NodeCount), 1 + random.NextDouble() * (maxMinutes - 1));
        for (int k = 0; k < 80; k++) FromRandomPoint(compare, random, 1 + random.NextDouble() * (maxMinutes - 1), marginMeters: 1500);
        compare.AssertAgreed();
    }

    /// <summary>From a junction: half the time at its exact OSM position, half at the graph's float copy (as grid: candidates are).</summary>
    private static void FromJunction(ReferenceComparison compare, Random random, int node, double minutes)
    {
        var start = new ReferenceNetwork.Start(node, -1, 0, 0);
        if (random.Next(2) == 0)
        {
            var (lon, lat) = compare.JunctionLonLat(node);
            compare.From($"junction {compare.Reference.OsmId(node)}", lon, lat, start, minutes);
        }
        else
        {
            var graph = compare.Snapper.Graph;
            var (lon, lat) = graph.VertexLonLat(graph.VertexOf(compare.Reference.OsmId(node)));
            compare.From($"junction {compare.Reference.OsmId(node)} (graph position)", lon, lat, start, minutes);
        }
    }

    /// <summary>Half on a random piece at a random distance along it, half anywhere in the streets' extent widened by the margin.</summary>
    private static void FromRandomPoint(ReferenceComparison compare, Random random, double minutes, double marginMeters)
    {
        var pieces = compare.Reference.Pieces;
        double x, y;
        if (random.Next(2) == 0)
        {
            int s = random.Next(pieces.Count);
            (x, y) = compare.Along(s, pieces[s].Length * random.NextDouble());
        }
        else
        {
            var extent = compare.Reference.Extent;
            (x, y) = (extent.MinX - marginMeters + random.NextDouble() * (extent.Width + 2 * marginMeters),
                extent.MinY - marginMeters + random.NextDouble() * (extent.Height + 2 * marginMeters));
        }
        var (lon, lat) = compare.LonLat(x, y);
        compare.From("point", lon, lat, compare.Reference.Nearest(x, y), minutes);
    }
}
