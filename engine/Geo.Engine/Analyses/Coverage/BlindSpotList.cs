using Geo.Analyses.Demand;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.ServiceAreas.Cells;
using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Analyses.Coverage;

/// <summary>
/// Turns uncovered stretches into the audit's blind spots: each one's area (clipped to its unit), streets, demand
/// and farthest travel time; stretches of at least the smallest blind spot ranked by uncovered demand (B1, B2, …),
/// shorter ones kept as fragments (F1, F2, … longest first).
/// </summary>
internal static class BlindSpotList
{
    public static (List<BlindSpot> Ranked, List<BlindSpot> Fragments, string[] StretchIds) Build(
        StreetGraph graph, CellGrid grid, CellMask? coveredCells, double lateral, IReadOnlyList<BlindSpotFinder.Stretch> stretches,
        UnitBorders borders, IReadOnlyList<Subdistrict> subdistricts, IReadOnlyList<DemandPoint>? uncoveredDemand,
        Func<Point, int> subdistrictOf, BlindSpotReach reach, AuditOptions options)
    {
        var areas = new Geometry[stretches.Count];
        var lines = new Geometry[stretches.Count];
        Parallel.For(0, stretches.Count, k =>
        {
            var stretch = stretches[k];
            var local = BlindSpotFinder.Area(graph, grid, stretch, lateral, coveredCells);
            if (stretch.Unit >= 0 && !local.IsEmpty) local = ServiceAreaGeometry.Polygonal(OverlayNGRobust.Overlay(local, borders.Units[stretch.Unit], SpatialFunction.Intersection));
            areas[k] = graph.ToLonLat(local);
            lines[k] = graph.ToLonLat(BlindSpotFinder.Lines(graph, stretch));
        });

        var demand = new double[stretches.Count];
        if (uncoveredDemand is not null)
        {
            // A point counts in the blind spot of its own subdistrict that holds it, else the nearest one there.
            var index = new STRtree<int>();
            var byUnit = new Dictionary<int, List<int>>();
            for (int k = 0; k < stretches.Count; k++)
            {
                if (!areas[k].IsEmpty) index.Insert(areas[k].EnvelopeInternal, k);
                if (!byUnit.TryGetValue(stretches[k].Unit, out var list)) byUnit[stretches[k].Unit] = list = new List<int>();
                list.Add(k);
            }
            index.Build();
            foreach (var d in uncoveredDemand)
            {
                int unit = subdistrictOf(d.Geometry);
                int home = -1;
                foreach (int k in index.Query(d.Geometry.EnvelopeInternal))
                {
                    if (stretches[k].Unit != unit || !areas[k].Covers(d.Geometry)) continue;
                    home = k;
                    break;
                }
                if (home < 0 && byUnit.TryGetValue(unit, out var inUnit))
                {
                    home = inUnit.OrderBy(k => (areas[k].IsEmpty ? lines[k] : areas[k]).Distance(d.Geometry)).First();
                }
                if (home >= 0) demand[home] += d.Weight;
            }
        }

        var spots = new List<(int Stretch, BlindSpot Spot)>();
        for (int k = 0; k < stretches.Count; k++)
        {
            var stretch = stretches[k];
            double km = stretch.Meters / 1000;
            var where = (Point)(areas[k].IsEmpty ? lines[k] : areas[k]).InteriorPoint;
            var (minutes, station, noRouteMeters) = reach.Farthest(stretch);
            int unit = stretch.Unit;
            var spot = new BlindSpot(0, areas[k], km, uncoveredDemand is null ? km : demand[k], where.X, where.Y,
                unit >= 0 ? subdistricts[unit].Name : null, minutes, station)
            {
                Streets = lines[k],
                SubdistrictId = unit >= 0 ? subdistricts[unit].Id : null,
                BeyondBreakMinutes = minutes is { } m ? Math.Max(0, m - options.Minutes) : null,
                NoRouteKm = noRouteMeters / 1000,
            };
            spots.Add((k, spot));
        }
        var ids = new string[stretches.Count];
        var ranked = spots.Where(s => stretches[s.Stretch].Meters >= options.MinBlindSpotMeters)
            .OrderByDescending(s => s.Spot.Demand).ThenByDescending(s => s.Spot.StreetKm).ThenBy(s => s.Spot.Lon).ThenBy(s => s.Spot.Lat)
            .Select((s, r) => { ids[s.Stretch] = $"B{r + 1}"; return s.Spot with { Rank = r + 1, Id = ids[s.Stretch] }; }).ToList();
        var fragments = spots.Where(s => stretches[s.Stretch].Meters < options.MinBlindSpotMeters)
            .OrderByDescending(s => s.Spot.StreetKm).ThenBy(s => s.Spot.Lon).ThenBy(s => s.Spot.Lat)
            .Select((s, r) => { ids[s.Stretch] = $"F{r + 1}"; return s.Spot with { Id = ids[s.Stretch] }; }).ToList();
        return (ranked, fragments, ids);
    }
}
