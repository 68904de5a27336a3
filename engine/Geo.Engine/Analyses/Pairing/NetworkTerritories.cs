using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Splits the street network among stations by travel time: one multi-source search seeded from every station
/// (the origin label is the station's index) gives each junction its nearest station; a piece then belongs to the
/// station reaching its midpoint first, through whichever end (or, for a station on the piece itself, directly).
/// </summary>
public static class NetworkTerritories
{
    private static readonly GeometryFactory Metric = new();

    public static Territories Compute(StreetGraph graph, IReadOnlyList<SnapResult> stations, double limitSeconds, bool withAreas = true)
    {
        var search = new ShortestPathSearch(graph);
        search.Run(stations.SelectMany((s, j) => s.Seeds(graph, j)), limitSeconds);
        var onPiece = new Dictionary<int, List<int>>();
        for (int j = 0; j < stations.Count; j++)
        {
            if (!stations[j].IsSnapped) continue;
            if (!onPiece.TryGetValue(stations[j].Piece, out var list)) onPiece[stations[j].Piece] = list = new List<int>();
            list.Add(j);
        }

        var pieces = graph.Pieces;
        var labelled = new List<TerritoryPiece>(pieces.Count);
        int unreached = 0;
        for (int p = 0; p < pieces.Count; p++)
        {
            var (station, seconds) = Midpoint(search, pieces, p, stations, onPiece.GetValueOrDefault(p));
            if (station >= 0 && seconds <= limitSeconds) labelled.Add(new TerritoryPiece(p, station, seconds));
            else unreached++;
        }
        var areas = withAreas ? Areas(graph, labelled, stations.Count) : Array.Empty<TerritoryArea>();
        return new Territories(labelled, areas, unreached, limitSeconds);
    }

    /// <summary>
    /// The station reaching a piece's midpoint first and its time, from junction times of a search already run:
    /// forward through the start, backward through the end where the piece is two-way, or along it from a station on it.
    /// </summary>
    public static (int Station, double Seconds) Midpoint(ShortestPathSearch search, StreetPieces pieces, int piece,
        IReadOnlyList<SnapResult> stations, IReadOnlyList<int>? stationsOnPiece)
    {
        int start = pieces.FromVertex[piece], end = pieces.ToVertex[piece];
        int station = -1;
        double best = double.PositiveInfinity;
        double viaStart = search.SecondsTo(start) + pieces.ForwardSeconds[piece] / 2;
        if (viaStart < best) (station, best) = (search.OriginOf(start), viaStart);
        if (pieces.CanTravelBackward(piece))
        {
            double viaEnd = search.SecondsTo(end) + pieces.BackwardSeconds[piece] / 2;
            if (viaEnd < best) (station, best) = (search.OriginOf(end), viaEnd);
        }
        if (stationsOnPiece is not null)
        {
            foreach (int j in stationsOnPiece)
            {
                double direct = AlongPiece.Seconds(pieces, stations[j], piece, 0.5);
                if (direct < best) (station, best) = (j, direct);
            }
        }
        return (station, best);
    }

    private static TerritoryArea[] Areas(StreetGraph graph, IReadOnlyList<TerritoryPiece> labelled, int stationCount)
    {
        var pieces = graph.Pieces;
        var lines = new List<LineString>[stationCount];
        var meters = new double[stationCount];
        foreach (var t in labelled)
        {
            (lines[t.Station] ??= new List<LineString>()).Add(PieceLine(graph, t.Piece));
            meters[t.Station] += pieces.LengthMeters[t.Piece];
        }
        var areas = new List<TerritoryArea>();
        double lateral = graph.Profile.LateralMeters;
        for (int j = 0; j < stationCount; j++)
        {
            if (lines[j] is null) continue;
            var buffers = lines[j].Select(l => l.Buffer(lateral, 4)).ToList();
            var metric = CascadedPolygonUnion.Union(buffers);
            areas.Add(new TerritoryArea(j, graph.Projection.Unproject(metric), lines[j].Count, meters[j], metric.Area));
        }
        return areas.ToArray();
    }

    /// <summary>A piece's polyline in absolute projected metres.</summary>
    public static LineString PieceLine(StreetGraph graph, int piece)
    {
        var pieces = graph.Pieces;
        int first = pieces.FirstPoint[piece], last = pieces.FirstPoint[piece + 1];
        var coords = new Coordinate[last - first];
        for (int i = first; i < last; i++) coords[i - first] = new Coordinate(graph.OriginX + pieces.PointX[i], graph.OriginY + pieces.PointY[i]);
        return Metric.CreateLineString(coords);
    }
}
