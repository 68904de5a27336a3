using Geo.Analyses.Pairing;
using Geo.Analyses.Reach;
using Geo.Data.Osm;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Pairing;

/// <summary>Territories on a real network agree with separate reach searches from each station.</summary>
public class AndorraTerritoryTests
{
    [Fact]
    public void Territories_thousandRandomPieces_matchTheNearestStationByReach()
    {
        var dataset = new OsmPbfImporter().Import(RepoPaths.SharedDataset("andorra.osm.pbf")).Dataset;
        var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));
        var snapper = new StreetSnapper(graph);
        var random = new Random(7);
        // Stations on the main island, at points along random pieces.
        var stations = new List<(double Lon, double Lat, SnapResult Snap)>();
        while (stations.Count < 12)
        {
            int piece = random.Next(graph.Pieces.Count);
            if (graph.ComponentOf[graph.Pieces.FromVertex[piece]] != 0) continue;
            var (x, y) = graph.Pieces.PointAlong(piece, graph.Pieces.LengthMeters[piece] * random.NextDouble());
            var (lon, lat) = graph.Projection.Unproject(graph.OriginX + x, graph.OriginY + y);
            stations.Add((lon, lat, snapper.Snap(lon, lat)));
        }
        const double minutes = 30;
        var territories = NetworkTerritories.Compute(graph, stations.Select(s => s.Snap).ToArray(), minutes * 60, withAreas: false);
        var labelOf = territories.Pieces.ToDictionary(t => t.Piece);

        // Junction times from each station's own reach, keyed by OSM node id.
        var reach = stations.Select(s => Reachability.From(snapper, s.Lon, s.Lat, minutes).Vertices
            .ToDictionary(v => v.OsmNodeId, v => v.Seconds)).ToArray();
        var pieces = graph.Pieces;
        int checkedPieces = 0;
        for (int k = 0; k < 1000; k++)
        {
            int p = random.Next(pieces.Count);
            var times = new double[stations.Count];
            for (int j = 0; j < stations.Count; j++)
            {
                double t = reach[j].GetValueOrDefault(graph.VertexOsmId[pieces.FromVertex[p]], double.PositiveInfinity) + pieces.ForwardSeconds[p] / 2;
                if (pieces.CanTravelBackward(p))
                {
                    t = Math.Min(t, reach[j].GetValueOrDefault(graph.VertexOsmId[pieces.ToVertex[p]], double.PositiveInfinity) + pieces.BackwardSeconds[p] / 2);
                }
                times[j] = Math.Min(t, AlongPiece.Seconds(pieces, stations[j].Snap, p, 0.5));
            }
            double least = times.Min();
            if (least > minutes * 60)
            {
                Assert.False(labelOf.ContainsKey(p), $"piece {p} is beyond {minutes} min of every station yet labelled");
                continue;
            }
            Assert.True(labelOf.TryGetValue(p, out var label), $"piece {p} is {least:0.0} s from a station yet unlabelled");
            Assert.Equal(least, label.Seconds, 3);
            Assert.Equal(least, times[label.Station], 3);
            checkedPieces++;
        }
        Assert.True(checkedPieces > 500, $"only {checkedPieces} of 1000 pieces within {minutes} min of a station");
    }
}
