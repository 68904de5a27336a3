using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.ServiceAreas.Cells;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Splits the street network among stations by travel time: one multi-source search seeded from every station
/// (the origin label is the station's index) gives each junction its nearest station; a piece then belongs to the
/// station reaching its midpoint first, through whichever end (or, for a station on the piece itself, directly).
/// </summary>
public static class NetworkTerritories
{
    private static readonly GeometryFactory Metric = new();

    public static Territories Compute(StreetGraph graph, IReadOnlyList<SnapResult> stations, double limitSeconds, bool withAreas = true,
        TravelDirection direction = TravelDirection.FromStation)
    {
        var search = new ShortestPathSearch(graph.SearchGraph(direction));
        search.Run(stations.SelectMany((s, j) => s.Seeds(graph, j, direction)), limitSeconds);
        bool toStation = direction == TravelDirection.ToStation;
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
            var (station, seconds) = Midpoint(search, pieces, p, stations, onPiece.GetValueOrDefault(p), toStation);
            if (station >= 0 && seconds <= limitSeconds) labelled.Add(new TerritoryPiece(p, station, seconds));
            else unreached++;
        }
        var areas = withAreas ? Areas(graph, labelled, stations.Count) : Array.Empty<TerritoryArea>();
        return new Territories(labelled, areas, unreached, limitSeconds);
    }

    /// <summary>
    /// The station reaching a piece's midpoint first and its time, from junction times of a search already run:
    /// forward through the start, backward through the end where the piece is two-way, or along it from a station on it.
    /// With <paramref name="toStation"/> (the search ran on the reversed graph) the rider leaves the midpoint instead:
    /// forward through the end, backward through the start, or along the piece to a station on it.
    /// </summary>
    public static (int Station, double Seconds) Midpoint(ShortestPathSearch search, StreetPieces pieces, int piece,
        IReadOnlyList<SnapResult> stations, IReadOnlyList<int>? stationsOnPiece, bool toStation = false)
    {
        int start = pieces.FromVertex[piece], end = pieces.ToVertex[piece];
        int station = -1;
        double best = double.PositiveInfinity;
        if (toStation)
        {
            double out1 = search.SecondsTo(end) + pieces.ForwardSeconds[piece] / 2;
            if (out1 < best) (station, best) = (search.OriginOf(end), out1);
            if (pieces.CanTravelBackward(piece))
            {
                double out2 = search.SecondsTo(start) + pieces.BackwardSeconds[piece] / 2;
                if (out2 < best) (station, best) = (search.OriginOf(start), out2);
            }
            foreach (int j in stationsOnPiece ?? Array.Empty<int>())
            {
                double f = stations[j].Fraction;
                double direct = f >= 0.5 ? (f - 0.5) * pieces.ForwardSeconds[piece]
                    : pieces.CanTravelBackward(piece) ? (0.5 - f) * pieces.BackwardSeconds[piece] : double.PositiveInfinity;
                if (direct < best) (station, best) = (j, direct);
            }
            return (station, best);
        }
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

    /// <summary>Each station's territory pieces widened like a service area, on the same aligned cells, in parallel.</summary>
    private static TerritoryArea[] Areas(StreetGraph graph, IReadOnlyList<TerritoryPiece> labelled, int stationCount)
    {
        var pieces = graph.Pieces;
        var owned = new List<ReachedInterval>[stationCount];
        foreach (var t in labelled) (owned[t.Station] ??= new List<ReachedInterval>()).Add(new ReachedInterval(t.Piece, 0, pieces.LengthMeters[t.Piece]));
        double lateral = graph.Profile.LateralMeters;
        var grid = ServiceAreaAnalysis.GridFor(graph, lateral, lateral / ServiceAreaOptions.CellsPerLateral);
        var areas = new TerritoryArea?[stationCount];
        Parallel.For(0, stationCount, j =>
        {
            if (owned[j] is null) return;
            var mask = CellMask.Around(grid, pieces, owned[j], lateral);
            mask.Stamp(pieces, owned[j], lateral);
            mask.RemoveDiagonals();
            areas[j] = new TerritoryArea(j, CellTracer.Trace(mask, graph.LonLat), owned[j].Count, owned[j].Sum(i => i.Length), mask.CountCovered() * grid.CellAreaKm2 * 1e6);
        });
        return areas.Where(a => a is not null).Select(a => a!).ToArray();
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
