using System.Globalization;
using Geo.Data.Model;
using Geo.Data.Subdistricts;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Pairing;

/// <summary>
/// 结对子: pairs stations with streets and subdistricts. Each station gets the street it joins and the subdistrict it
/// stands in; every subdistrict gets its own stations or, having none, the station nearest by travel time to its
/// reference point, within the per-station cap (solved as a min-cost assignment when the cap binds); and the street
/// network is split into the stations' territories.
/// </summary>
public static class PairingAnalysis
{
    public static PairingResult Run(StreetGraph graph, IReadOnlyList<Station> stations, IReadOnlyList<Subdistrict> subdistricts,
        IReadOnlyList<PointOfInterest> pois, PairingOptions options, string subdistrictSource = DatasetLayers.Subdistricts)
    {
        options.Validate();
        return Run(new StreetSnapper(graph, options.MaxSnapMeters), stations, subdistricts, pois, options, subdistrictSource);
    }

    /// <summary>The same, on a snapper the caller already has (its own snapping distance applies).</summary>
    public static PairingResult Run(StreetSnapper snapper, IReadOnlyList<Station> stations, IReadOnlyList<Subdistrict> subdistricts,
        IReadOnlyList<PointOfInterest> pois, PairingOptions options, string subdistrictSource = DatasetLayers.Subdistricts)
    {
        options.Validate();
        CheckStations(stations);
        var graph = snapper.Graph;
        var warnings = new List<string>();
        var valid = SubdistrictCheck.Valid(subdistricts, subdistrictSource, warnings);
        var (areas, locator) = PairingSubdistricts.Prepare(valid, pois, graph, snapper, options.BorderToleranceMeters, options.Coverage);
        foreach (var d in areas.Where(d => !d.ReferenceSnap.IsSnapped))
        {
            warnings.Add($"subdistrict {d.Id} '{d.Name}': its {d.ReferenceKind} is not on the streets ({d.ReferenceSnap.Reason})");
        }

        var snaps = new SnapResult[stations.Count];
        var streets = new StationStreet[stations.Count];
        var placements = new StationPlacement[stations.Count];
        for (int j = 0; j < stations.Count; j++)
        {
            var point = stations[j].Geometry;
            snaps[j] = snapper.Snap(point);
            var source = snaps[j].IsSnapped ? graph.Pieces.Source[snaps[j].Piece] : null;
            streets[j] = new StationStreet(j, snaps[j], source?.Name, source?.WayId);
            if (!snaps[j].IsSnapped) warnings.Add($"station {stations[j].Id}: not on the streets ({snaps[j].Reason})");
            var (x, y) = graph.Projection.Project(point.X, point.Y);
            placements[j] = StationPlacer.Place(new Point(x, y), locator, areas, options.BorderRule);
        }

        double limit = options.LimitMinutes * 60;
        var inside = StationsInside(areas.Count, placements);
        // With a cap, the assignment weighs every station within the limit; without one, only a few times per subdistrict count.
        var seconds = StationTravelTimes.Compute(graph, snaps, areas, limit, options.Direction,
            needed: options.MaxSubdistrictsPerStation is null ? inside : null);
        var (rows, capsBound) = Pair(stations.Count, areas, placements, inside, seconds, options);
        var territories = NetworkTerritories.Compute(graph, snaps, limit, direction: options.Direction);
        return new PairingResult(graph, options, stations, areas, streets, placements, rows, territories,
            Summarise(rows, areas.Count, placements, capsBound), warnings);
    }

    /// <summary>The stations standing in each subdistrict.</summary>
    private static List<int>[] StationsInside(int subdistrictCount, IReadOnlyList<StationPlacement> placements)
    {
        var inside = new List<int>[subdistrictCount];
        for (int i = 0; i < subdistrictCount; i++) inside[i] = new List<int>();
        for (int j = 0; j < placements.Count; j++)
        {
            if (!placements[j].IsOutside) inside[placements[j].Subdistrict].Add(j);
        }
        return inside;
    }

    private static (List<PairingRow> Rows, bool CapsBound) Pair(int stationCount, IReadOnlyList<PairingSubdistrict> areas,
        IReadOnlyList<StationPlacement> placements, List<int>[] inside, double[,] seconds, PairingOptions options)
    {
        int n = areas.Count;
        var empty = Enumerable.Range(0, n).Where(i => inside[i].Count == 0).ToArray();

        var nearest = empty.Select(i => Nearest(seconds, i, stationCount)).ToArray();
        var assigned = (int[])nearest.Clone();
        int? cap = options.MaxSubdistrictsPerStation;
        bool capsBound = false;
        if (cap is int c)
        {
            var room = Enumerable.Range(0, stationCount).Select(j => placements[j].IsOutside ? c : c - 1).ToArray();
            var load = new int[stationCount];
            foreach (int j in nearest.Where(j => j >= 0)) load[j]++;
            capsBound = Enumerable.Range(0, stationCount).Any(j => load[j] > room[j]);
            if (capsBound)
            {
                var cost = new long?[empty.Length, stationCount];
                for (int k = 0; k < empty.Length; k++)
                {
                    for (int j = 0; j < stationCount; j++)
                    {
                        double s = seconds[empty[k], j];
                        if (double.IsFinite(s)) cost[k, j] = (long)Math.Round(s * 100);
                    }
                }
                assigned = CapacitatedAssignment.Solve(cost, room).StationOf;
            }
        }

        var rows = new List<PairingRow>();
        var serving = new bool[stationCount];
        var assignedOf = new Dictionary<int, int>();
        for (int k = 0; k < empty.Length; k++) assignedOf[empty[k]] = k;
        for (int i = 0; i < n; i++)
        {
            foreach (int j in inside[i])
            {
                rows.Add(new PairingRow(j, i, PairingHow.Inside, placements[j].Rule, Time(seconds, i, j)));
                serving[j] = true;
            }
            if (inside[i].Count > 0) continue;
            int k = assignedOf[i];
            int station = assigned[k];
            if (station < 0)
            {
                rows.Add(new PairingRow(-1, i, PairingHow.Unpaired, WhyUnpaired(areas[i], nearest[k], options), null));
                continue;
            }
            serving[station] = true;
            var how = station == nearest[k] ? PairingHow.Nearest : PairingHow.Assigned;
            string rule = capsBound
                ? $"no station inside: least total travel time with at most {cap} subdistricts per station"
                : "no station inside: nearest by travel time";
            rows.Add(new PairingRow(station, i, how, rule, Time(seconds, i, station)));
        }
        for (int j = 0; j < stationCount; j++)
        {
            if (!serving[j]) rows.Add(new PairingRow(j, -1, PairingHow.Unpaired, StationPlacement.OutsideRule, null));
        }
        return (rows, capsBound);
    }

    private static int Nearest(double[,] seconds, int subdistrict, int stationCount)
    {
        int best = -1;
        for (int j = 0; j < stationCount; j++)
        {
            if (double.IsFinite(seconds[subdistrict, j]) && (best < 0 || seconds[subdistrict, j] < seconds[subdistrict, best])) best = j;
        }
        return best;
    }

    private static double? Time(double[,] seconds, int i, int j) => double.IsFinite(seconds[i, j]) ? seconds[i, j] : null;

    private static string WhyUnpaired(PairingSubdistrict area, int nearest, PairingOptions options)
    {
        if (!area.ReferenceSnap.IsSnapped) return $"its {area.ReferenceKind} is not on the streets: {area.ReferenceSnap.Reason}";
        if (nearest < 0) return string.Create(CultureInfo.InvariantCulture, $"no station reaches its {area.ReferenceKind} within {options.LimitMinutes} min");
        return $"every station reaching it within {options.LimitMinutes.ToString(CultureInfo.InvariantCulture)} min is at its cap of {options.MaxSubdistrictsPerStation} subdistricts";
    }

    private static PairingSummary Summarise(IReadOnlyList<PairingRow> rows, int subdistrictCount,
        IReadOnlyList<StationPlacement> placements, bool capsBound)
    {
        var withStation = rows.Where(r => r.How == PairingHow.Inside).Select(r => r.Subdistrict).ToHashSet();
        var without = Enumerable.Range(0, subdistrictCount).Where(i => !withStation.Contains(i)).ToArray();
        var outside = Enumerable.Range(0, placements.Count).Where(j => placements[j].IsOutside).ToArray();
        var longest = rows.Where(r => r.Station >= 0 && r.Subdistrict >= 0 && r.Seconds is not null)
            .OrderByDescending(r => r.Seconds).FirstOrDefault();
        var unpaired = rows.Where(r => r.How == PairingHow.Unpaired && r.Subdistrict >= 0).Select(r => r.Subdistrict).ToArray();
        return new PairingSummary(without, outside, longest, unpaired, capsBound, unpaired.Length == 0);
    }

    private static void CheckStations(IReadOnlyList<Station> stations)
    {
        if (stations.Count == 0) throw new GeoInputException("no stations to pair: the station source is empty");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in stations)
        {
            if (!seen.Add(s.Id)) throw new GeoInputException($"station id '{s.Id}' appears more than once: station ids must be unique");
        }
    }
}
