using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Geo.Analyses.Demand;
using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Analyses.Coverage;

/// <summary>
/// The coverage-gap audit: every station's service area within the break, then per subdistrict the share of area,
/// street length and demand covered, the gap polygons, and the blind spots (connected uncovered street network)
/// cut at subdistrict borders and ranked by uncovered demand, with how far beyond the break each lies. Demand is street
/// length unless demand points are given. Every travel time runs in the options' direction (to the station by default).
/// </summary>
public static class CoverageAudit
{
    /// <summary>The service areas an audit draws: each station's area at the break, no overlap layer.</summary>
    public static ServiceAreaOptions ServiceAreaOptionsFor(StreetGraph graph, AuditOptions options) =>
        new(new[] { options.Minutes }, options.LateralMeters ?? graph.Profile.LateralMeters, Overlap: false, Direction: options.Direction);

    public static AuditResult Run(
        StreetSnapper snapper, IReadOnlyList<Station> stations, IReadOnlyList<Subdistrict> subdistricts,
        IReadOnlyList<DemandPoint>? demand, AuditOptions options, string stationsFrom = "", string subdistrictsFrom = "",
        IEnumerable<string>? warnings = null, CancellationToken cancellation = default, ServiceAreaResult? serviceAreas = null,
        bool figuresOnly = false)
    {
        var graph = snapper.Graph;
        double lateral = options.LateralMeters ?? graph.Profile.LateralMeters;
        options.Validate();
        // The city blocks need only the graph: worked out on the side while the stations' service areas take the cores.
        CityBlocks.Prefetch(graph);
        // Reporting by a second set of units (cells inside districts) reuses the first run's service areas.
        var areas = serviceAreas ?? ServiceAreaAnalysis.Run(snapper, stations, ServiceAreaOptionsFor(graph, options), cancellation);
        var parallel = new ParallelOptions { CancellationToken = cancellation };
        var coverageLonLat = areas.Coverage[0].Area;
        var coverageLocal = areas.CoverageLocal[0];
        var covered = areas.CoveredStreets[0];
        bool streetDemand = demand is null || demand.Count == 0;
        var coveredLocator = new IndexedPointInAreaLocator(coverageLonLat);
        bool IsCovered(Point p) => !coverageLonLat.IsEmpty && coveredLocator.Locate(p.Coordinate) != Location.Exterior;

        // Subdistrict figures.
        var locals = subdistricts.Select(s => graph.ToLocal(s.Geometry)).ToArray();
        var (streetKm, coveredKm) = StreetShares.ByArea(graph, locals, covered);
        var (landKm2, servedLandKm2) = ServedLand.ByArea(graph, locals, covered);
        var gaps = new Geometry[subdistricts.Count];
        var gapsLocal = new Geometry[subdistricts.Count];
        var coveredArea = new double[subdistricts.Count];
        var windows = new CoverageWindows(coverageLocal);
        var noGapLonLat = figuresOnly ? graph.ToLonLat(NoGap) : null;
        Parallel.For(0, subdistricts.Count, parallel, i =>
        {
            var clipped = windows.Clip(locals[i].EnvelopeInternal);
            var inside = clipped.IsEmpty ? clipped : OverlayNGRobust.Overlay(locals[i], clipped, SpatialFunction.Intersection);
            coveredArea[i] = inside.Area / 1e6;
            if (figuresOnly)
            {
                (gapsLocal[i], gaps[i]) = (NoGap, noGapLonLat!);
                return;
            }
            var gap = clipped.IsEmpty ? locals[i] : OverlayNGRobust.Overlay(locals[i], clipped, SpatialFunction.Difference);
            gapsLocal[i] = ServiceAreaGeometry.Polygonal(gap);
            gaps[i] = graph.ToLonLat(gapsLocal[i]);
        });
        // One index of the units answers every "which unit is this in" below: stations, demand points, junctions.
        var units = new CoveringAreaIndex(subdistricts.Select(s => s.Geometry).ToList());
        int SubdistrictOf(Point p) => units.First(p.X, p.Y);

        var stationsInside = new int[subdistricts.Count];
        foreach (var s in areas.Snapped) if (SubdistrictOf(s.Station.Geometry) is var i and >= 0) stationsInside[i]++;

        var demandTotal = new double[subdistricts.Count];
        var demandCovered = new double[subdistricts.Count];
        if (!streetDemand)
        {
            foreach (var d in demand!)
            {
                int i = SubdistrictOf(d.Geometry);
                if (i < 0) continue;
                demandTotal[i] += d.Weight;
                if (IsCovered(d.Geometry)) demandCovered[i] += d.Weight;
            }
        }

        cancellation.ThrowIfCancellationRequested();
        // Travel times from the nearest station: the worst covered time per subdistrict, and blind spots' nearest station.
        var search = NearestStationSearch(graph, areas, options.Direction);
        var worst = WorstCoveredMinutes(graph, search, options.Minutes * 60, units, parallel);

        var results = new SubdistrictCoverage[subdistricts.Count];
        for (int i = 0; i < subdistricts.Count; i++)
        {
            var s = subdistricts[i];
            double area = locals[i].Area / 1e6;
            results[i] = new SubdistrictCoverage(s.Id, s.Name, s.Geometry, gaps[i], area, Math.Min(area, coveredArea[i]), streetKm[i], Math.Min(streetKm[i], coveredKm[i]),
                streetDemand ? streetKm[i] : demandTotal[i], streetDemand ? Math.Min(streetKm[i], coveredKm[i]) : demandCovered[i], stationsInside[i], worst[i])
            {
                LandKm2 = landKm2[i],
                ServedLandKm2 = Math.Min(landKm2[i], servedLandKm2[i]),
                Parent = s.Parent,
                HeldShare = s.HeldShare,
            };
        }

        // Blind spots: uncovered stretches cut at subdistrict borders.
        UnitBorders? borders = null;
        IReadOnlyList<BlindSpotFinder.Stretch> stretches = Array.Empty<BlindSpotFinder.Stretch>();
        var (ranked, fragments, stretchIds) = (new List<BlindSpot>(), new List<BlindSpot>(), Array.Empty<string>());
        if (!figuresOnly)
        {
            var grid = ServiceAreaAnalysis.GridFor(graph, lateral, new ServiceAreaOptions(new[] { options.Minutes }).Cell(lateral));
            borders = new UnitBorders(graph, locals);
            stretches = BlindSpotFinder.Find(graph, borders, covered);
            cancellation.ThrowIfCancellationRequested();
            var reach = new BlindSpotReach(graph, search, options.Direction, areas.Snapped);
            var uncoveredDemand = streetDemand ? null : demand!.Where(d => !IsCovered(d.Geometry)).ToList();
            (ranked, fragments, stretchIds) = BlindSpotList.Build(graph, grid, areas.CoveredCells, lateral, stretches, borders, subdistricts,
                uncoveredDemand, SubdistrictOf, reach, options);
        }

        var totalStreetKm = graph.Pieces.LengthMeters.Sum(l => (double)l) / 1000;
        var totalCoveredKm = covered.Sum(c => c.Length) / 1000;
        double studyArea = locals.Sum(l => l.Area) / 1e6;
        var totals = new AuditTotals(studyArea, results.Sum(r => r.CoveredKm2), totalStreetKm, totalCoveredKm,
            streetDemand ? totalStreetKm : demand!.Sum(d => d.Weight),
            streetDemand ? totalCoveredKm : demand!.Where(d => IsCovered(d.Geometry)).Sum(d => d.Weight),
            areas.Snapped.Count, areas.Unsnapped.Count)
        {
            LandKm2 = results.Sum(r => r.LandKm2),
            ServedLandKm2 = results.Sum(r => r.ServedLandKm2),
        };
        var notes = (warnings ?? Array.Empty<string>()).Concat(areas.Unsnapped.Select(u => $"station {u.Station.Id} left out: {u.Reason}")).ToList();
        return new AuditResult(graph.Profile.Name, options.Minutes, stationsFrom, subdistrictsFrom,
            streetDemand ? "street length (km)" : $"{demand!.Count} demand points", areas, results, ranked, totals, notes)
        {
            SubdistrictsLocal = locals,
            GapsLocal = gapsLocal,
            Stretches = stretches,
            StretchIds = stretchIds,
            Borders = borders,
            Fragments = fragments,
            MinBlindSpotMeters = options.MinBlindSpotMeters,
            Direction = options.Direction,
            FiguresOnly = figuresOnly,
        };
    }

    private static readonly Geometry NoGap = ServiceAreaGeometry.Local.CreateMultiPolygon();

    /// <summary>
    /// The search from every station at once (origin = station index) out to the nearest-station horizon. It depends
    /// only on the service areas' stations, the graph and the direction: the report by planning cell reuses the
    /// report by unit's, which it runs beside. Read-only once run.
    /// </summary>
    private static ShortestPathSearch NearestStationSearch(StreetGraph graph, ServiceAreaResult areas, TravelDirection direction) =>
        NearestStationSearches.GetValue(areas, _ => new()).GetOrAdd((graph, direction), key => new Lazy<ShortestPathSearch>(() =>
        {
            var search = new ShortestPathSearch(key.Graph.SearchGraph(key.Direction));
            search.Run(areas.Snapped.SelectMany((s, i) => s.Snap.Seeds(key.Graph, i, key.Direction)), AuditOptions.NearestStationHorizonMinutes * 60);
            return search;
        })).Value;

    private static readonly ConditionalWeakTable<ServiceAreaResult, ConcurrentDictionary<(StreetGraph Graph, TravelDirection Direction), Lazy<ShortestPathSearch>>>
        NearestStationSearches = new();

    /// <summary>
    /// Per subdistrict, the longest travel time to the nearest station of a junction inside it that is still within
    /// the break (null when none is). Junctions are located on every core, all threads sharing the one unit index.
    /// </summary>
    private static double?[] WorstCoveredMinutes(StreetGraph graph, ShortestPathSearch search, double limitSeconds,
        CoveringAreaIndex units, ParallelOptions parallel)
    {
        var settled = search.Settled;
        // Junctions are settled nearest first: the covered ones are a prefix.
        int covered = 0;
        while (covered < settled.Count && search.SecondsTo(settled[covered]) <= limitSeconds) covered++;
        double[] NoneYet() => Enumerable.Repeat(double.NegativeInfinity, units.Count).ToArray();
        var longest = NoneYet();
        Parallel.For(0, covered, parallel, NoneYet,
            (k, _, local) =>
            {
                int v = settled[k];
                var (lon, lat) = graph.VertexLonLat(v);
                int i = units.First(lon, lat);
                if (i >= 0) local[i] = Math.Max(local[i], search.SecondsTo(v));
                return local;
            },
            local =>
            {
                lock (longest)
                {
                    for (int i = 0; i < longest.Length; i++) longest[i] = Math.Max(longest[i], local[i]);
                }
            });
        return longest.Select(seconds => double.IsNegativeInfinity(seconds) ? (double?)null : seconds / 60).ToArray();
    }

    /// <summary>
    /// The pairing options that agree with an audit: the same direction of travel, and reference points on the
    /// streets the audit found covered, so a subdistrict with covered streets is paired within the break.
    /// </summary>
    public static Pairing.PairingOptions PairingOptionsFor(AuditResult audit, Pairing.PairingOptions options) =>
        PairingOptionsFor(audit.ServiceAreas, audit.Direction, options);

    /// <summary>The pairing options that agree with an audit drawn from these service areas, before the audit is done.</summary>
    public static Pairing.PairingOptions PairingOptionsFor(ServiceAreaResult areas, TravelDirection direction, Pairing.PairingOptions options) =>
        options with { Direction = direction, Coverage = areas.CoveredStreets[0] };

    /// <summary>Adds a pairing run (station ↔ subdistrict, territories) to an audit: its layers and each subdistrict's paired stations.</summary>
    public static AuditResult WithPairing(AuditResult audit, Pairing.PairingResult pairing)
    {
        var paired = pairing.Rows.Where(r => r.Station >= 0 && r.Subdistrict >= 0)
            .GroupBy(r => pairing.Subdistricts[r.Subdistrict].Source.Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => pairing.Stations[r.Station].Id).Distinct().ToList());
        return audit with
        {
            Subdistricts = audit.Subdistricts.Select(s => s with { PairedStations = paired.GetValueOrDefault(s.Id, Array.Empty<string>()) }).ToList(),
            Warnings = audit.Warnings.Concat(pairing.Warnings).ToList(),
            Pairing = pairing,
        };
    }
}
