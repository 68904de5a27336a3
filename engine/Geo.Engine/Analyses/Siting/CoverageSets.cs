using Geo.Analyses.Demand;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Siting;

/// <summary>
/// For each site, the demand units it covers within the break: one bounded search per site, sites in parallel on every
/// core, each thread reusing one search. With <see cref="TravelDirection.ToStation"/> the search runs on the
/// reversed graph, so the times found are from each street junction to the site; a unit's time adds the stretch of
/// its own piece to whichever end it may leave by.
/// </summary>
public static class CoverageSets
{
    /// <summary>Sorted unit indices per site, in the order of <paramref name="sites"/>; a cancelled build stops between sites.</summary>
    public static int[][] Build(StreetGraph graph, DemandUnits units, IReadOnlyList<SnapResult> sites, double limitSeconds, TravelDirection direction,
        CancellationToken cancellation = default)
    {
        bool toStation = direction == TravelDirection.ToStation;
        var searchGraph = graph.SearchGraph(direction);
        var incident = IncidentPieces(graph);
        var result = new int[sites.Count][];
        using var workers = new ThreadLocal<Worker>(() => new Worker(searchGraph, graph.Pieces.Count));
        Parallel.For(0, sites.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            if (cancellation.IsCancellationRequested) return;
            var worker = workers.Value!;
            result[i] = worker.Cover(graph, units, incident, sites[i], limitSeconds, toStation);
        });
        return result;
    }

    /// <summary>The travel time between a unit (piece, fraction) and a site, given a finished search from the site.</summary>
    internal static double UnitSeconds(StreetPieces pieces, int s, double f, ShortestPathSearch search, SnapResult site, bool toStation)
    {
        double forward = pieces.ForwardSeconds[s], backward = pieces.BackwardSeconds[s];
        bool twoWay = float.IsFinite((float)backward);
        double atFrom = search.SecondsTo(pieces.FromVertex[s]), atTo = search.SecondsTo(pieces.ToVertex[s]);
        double best;
        if (toStation)
        {
            best = (1 - f) * forward + atTo;
            if (twoWay) best = Math.Min(best, f * backward + atFrom);
        }
        else
        {
            best = atFrom + f * forward;
            if (twoWay) best = Math.Min(best, atTo + (1 - f) * backward);
        }
        if (site.IsSnapped && site.Piece == s)
        {
            // Along the shared piece: the rider moves from the unit to the site (or the site's reach moves to the unit).
            double from = toStation ? f : site.Fraction, to = toStation ? site.Fraction : f;
            if (to >= from) best = Math.Min(best, (to - from) * forward);
            else if (twoWay) best = Math.Min(best, (from - to) * backward);
        }
        return best;
    }

    /// <summary>For each vertex, the pieces that start or end there: <c>First[v] .. First[v+1]-1</c> in <c>Pieces</c>.</summary>
    private static (int[] First, int[] Pieces) IncidentPieces(StreetGraph graph)
    {
        var pieces = graph.Pieces;
        var first = new int[graph.VertexCount + 1];
        for (int s = 0; s < pieces.Count; s++)
        {
            first[pieces.FromVertex[s] + 1]++;
            first[pieces.ToVertex[s] + 1]++;
        }
        for (int v = 0; v < graph.VertexCount; v++) first[v + 1] += first[v];
        var next = (int[])first.Clone();
        var list = new int[first[^1]];
        for (int s = 0; s < pieces.Count; s++)
        {
            list[next[pieces.FromVertex[s]]++] = s;
            list[next[pieces.ToVertex[s]]++] = s;
        }
        return (first, list);
    }

    private sealed class Worker(StreetGraph searchGraph, int pieceCount)
    {
        private readonly ShortestPathSearch _search = new(searchGraph);
        private readonly int[] _seen = new int[pieceCount];
        private readonly List<int> _covered = new();
        private int _stamp;

        public int[] Cover(StreetGraph graph, DemandUnits units, (int[] First, int[] Pieces) incident, SnapResult site, double limit, bool toStation)
        {
            _covered.Clear();
            if (!site.IsSnapped) return Array.Empty<int>();
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_seen);
                _stamp = 1;
            }
            _search.Run(site.Seeds(graph, 0, towardsPoint: toStation), limit);
            foreach (int v in _search.SettledInOrder)
            {
                for (int k = incident.First[v]; k < incident.First[v + 1]; k++) Visit(graph.Pieces, units, incident.Pieces[k], site, limit, toStation);
            }
            Visit(graph.Pieces, units, site.Piece, site, limit, toStation);
            var result = _covered.ToArray();
            Array.Sort(result);
            return result;
        }

        private void Visit(StreetPieces pieces, DemandUnits units, int s, SnapResult site, double limit, bool toStation)
        {
            if (_seen[s] == _stamp) return;
            _seen[s] = _stamp;
            for (int u = units.FirstOfPiece[s]; u < units.FirstOfPiece[s + 1]; u++)
            {
                if (UnitSeconds(pieces, s, units.Fraction[u], _search, site, toStation) <= limit) _covered.Add(u);
            }
        }
    }
}
