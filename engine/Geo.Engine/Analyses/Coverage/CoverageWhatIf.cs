using System.Runtime.InteropServices;
using Geo.Analyses.Demand;
using Geo.Analyses.ServiceAreas;
using Geo.Data.Model;
using Geo.Streets.Snapping;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Geo.Analyses.Coverage;

/// <summary>
/// "What if a station stood here too?" answered from a finished audit by what the added stations add, so the cost
/// follows the new stations' reach, not the city: their service areas, the part of them not covered before, and
/// only the subdistricts, streets and demand that part touches. The figures are those a full audit with the added
/// stations gives (same cells, same exact overlays); the nearest-station times are not recomputed.
/// </summary>
public sealed class CoverageWhatIf
{
    private readonly AuditResult _baseline;
    private readonly StreetSnapper _snapper;
    private readonly double _lateral;
    private readonly IReadOnlyList<Geometry> _locals;
    private readonly IPreparedGeometry[] _preparedLocals;
    private readonly CoveringAreaIndex _units;
    private readonly STRtree<int> _localIndex = new();
    private readonly Dictionary<int, List<ReachedInterval>> _coveredByPiece;
    private readonly Geometry _coveredLocal;
    private readonly Dictionary<int, List<int>> _stretchesOnPiece = new();
    private readonly List<(DemandPoint Point, int Subdistrict)> _uncoveredDemand = new();
    private readonly bool _streetDemand;

    /// <param name="baseline">An audit from <see cref="CoverageAudit.Run"/>: its subdistricts, gaps and stretches in graph coordinates are reused.</param>
    public CoverageWhatIf(AuditResult baseline, StreetSnapper snapper, IReadOnlyList<DemandPoint>? demand, double? lateralMeters = null)
    {
        if (baseline.GapsLocal.Count != baseline.Subdistricts.Count || baseline.Borders is null) throw new ArgumentException("the baseline must be an audit made by CoverageAudit.Run", nameof(baseline));
        _baseline = baseline;
        _snapper = snapper;
        var graph = snapper.Graph;
        _lateral = lateralMeters ?? graph.Profile.LateralMeters;
        _locals = baseline.SubdistrictsLocal;
        _preparedLocals = _locals.Select(PreparedGeometryFactory.Prepare).ToArray();
        _units = new CoveringAreaIndex(baseline.Subdistricts.Select(s => s.Boundary).ToList());
        for (int i = 0; i < _locals.Count; i++) _localIndex.Insert(_locals[i].EnvelopeInternal, i);
        _localIndex.Build();
        _coveredByPiece = baseline.ServiceAreas.CoveredStreets[0].GroupBy(c => c.Piece).ToDictionary(g => g.Key, g => g.OrderBy(c => c.From).ToList());
        _coveredLocal = baseline.ServiceAreas.CoverageLocal[0];
        for (int k = 0; k < baseline.Stretches.Count; k++)
        {
            foreach (var interval in baseline.Stretches[k].Intervals)
            {
                if (!_stretchesOnPiece.TryGetValue(interval.Piece, out var list)) _stretchesOnPiece[interval.Piece] = list = new List<int>(1);
                if (list.Count == 0 || list[^1] != k) list.Add(k);
            }
        }
        _streetDemand = demand is null || demand.Count == 0;
        if (!_streetDemand)
        {
            var covered = new IndexedPointInAreaLocator(baseline.ServiceAreas.Coverage[0].Area);
            bool coverageEmpty = baseline.ServiceAreas.Coverage[0].Area.IsEmpty;
            foreach (var d in demand!)
            {
                if (!coverageEmpty && covered.Locate(d.Geometry.Coordinate) != Location.Exterior) continue;
                _uncoveredDemand.Add((d, _units.First(d.Geometry.X, d.Geometry.Y)));
            }
        }
    }

    public WhatIfResult With(IReadOnlyList<Station> added, CancellationToken cancellation = default)
    {
        var graph = _snapper.Graph;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var areas = ServiceAreaAnalysis.Run(_snapper, added, new ServiceAreaOptions(new[] { _baseline.Minutes }, _lateral, Overlap: false, Direction: _baseline.Direction), cancellation);
        int n = _locals.Count;
        var addedKm2 = new double[n];
        var addedStreetKm = new double[n];
        var addedDemand = new double[n];
        var addedStations = new int[n];
        var gaps = _baseline.Subdistricts.Select(s => s.Gap).ToArray();

        long areasMs = clock.ElapsedMilliseconds;
        // Area: the part of the new areas not covered before, cut into the subdistricts it touches.
        var fresh = FreshArea(areas.CoverageLocal.Count > 0 ? areas.CoverageLocal[0] : ServiceAreaGeometry.Local.CreatePolygon());
        var touched = fresh.IsEmpty ? Array.Empty<int>() : _localIndex.Query(fresh.EnvelopeInternal).Where(i => _preparedLocals[i].Intersects(fresh)).ToArray();
        Parallel.ForEach(touched, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            addedKm2[i] = OverlayNGRobust.Overlay(_locals[i], fresh, SpatialFunction.Intersection).Area / 1e6;
            var gapLocal = _baseline.GapsLocal[i];
            if (!gapLocal.IsEmpty) gaps[i] = graph.ToLonLat(ServiceAreaGeometry.Polygonal(OverlayNGRobust.Overlay(gapLocal, fresh, SpatialFunction.Difference)));
        });

        long overlayMs = clock.ElapsedMilliseconds - areasMs;
        // Streets: the newly reached stretches, counted in the subdistrict each lies in (cut at borders).
        var freshStreets = Subtract(areas.CoveredStreets[0]);
        double freshStreetKm = 0;
        var factory = ServiceAreaGeometry.Local;
        foreach (var interval in freshStreets)
        {
            freshStreetKm += interval.Length / 1000;
            var line = StreetShares.Line(factory, graph.Pieces, interval.Piece, interval.From, interval.To);
            foreach (int a in _localIndex.Query(line.EnvelopeInternal))
            {
                if (_preparedLocals[a].Contains(line))
                {
                    addedStreetKm[a] += interval.Length / 1000;
                    break;
                }
                if (_preparedLocals[a].Intersects(line)) addedStreetKm[a] += line.Intersection(_locals[a]).Length / 1000;
            }
        }

        // Demand points not covered before that the new areas cover.
        double freshDemand = 0;
        if (!_streetDemand && !areas.Coverage[0].Area.IsEmpty)
        {
            var locator = new IndexedPointInAreaLocator(areas.Coverage[0].Area);
            foreach (var (point, subdistrict) in _uncoveredDemand)
            {
                if (locator.Locate(point.Geometry.Coordinate) == Location.Exterior) continue;
                freshDemand += point.Weight;
                if (subdistrict >= 0) addedDemand[subdistrict] += point.Weight;
            }
        }
        foreach (var s in areas.Snapped) if (_units.First(s.Station.Geometry.X, s.Station.Geometry.Y) is var i and >= 0) addedStations[i]++;

        var rows = _baseline.Subdistricts.Select((s, i) => s with
        {
            Gap = gaps[i],
            CoveredKm2 = Math.Min(s.AreaKm2, s.CoveredKm2 + addedKm2[i]),
            CoveredStreetKm = Math.Min(s.StreetKm, s.CoveredStreetKm + addedStreetKm[i]),
            CoveredDemand = _streetDemand ? Math.Min(s.StreetKm, s.CoveredStreetKm + addedStreetKm[i]) : s.CoveredDemand + addedDemand[i],
            StationsInside = s.StationsInside + addedStations[i],
        }).ToList();
        var t = _baseline.Totals;
        double coveredStreetKm = t.CoveredStreetKm + freshStreetKm;
        var totals = t with
        {
            CoveredKm2 = rows.Sum(r => r.CoveredKm2),
            CoveredStreetKm = coveredStreetKm,
            CoveredDemand = _streetDemand ? coveredStreetKm : t.CoveredDemand + freshDemand,
            Stations = t.Stations + areas.Snapped.Count,
            Unsnapped = t.Unsnapped + areas.Unsnapped.Count,
        };
        long figuresMs = clock.ElapsedMilliseconds - areasMs - overlayMs;
        var (blindSpots, fragments, changes) = BlindSpotsAfter(freshStreets);
        long blindMs = clock.ElapsedMilliseconds - areasMs - overlayMs - figuresMs;
        return new WhatIfResult(totals, rows, areas.Areas, areas.Unsnapped, blindSpots)
        {
            Fragments = fragments,
            BlindSpotChanges = changes,
            Timings = new WhatIfTimings(areasMs, overlayMs, figuresMs, blindMs),
            NewlyCovered = fresh.IsEmpty ? fresh : graph.ToLonLat(fresh),
        };
    }

    /// <summary>
    /// The blind spots and fragments left: only the stretches the fresh coverage touches are recounted, together with
    /// every stretch sharing a piece with them, so each recounted stretch is whole. Each new stretch lies inside one
    /// old one (coverage only grows), which tells what became of every touched blind spot.
    /// </summary>
    private (int BlindSpots, int Fragments, List<string> Changes) BlindSpotsAfter(IReadOnlyList<ReachedInterval> fresh)
    {
        bool IsFragment(BlindSpotFinder.Stretch s) => s.Meters < _baseline.MinBlindSpotMeters;
        int oldRanked = _baseline.BlindSpots.Count, oldFragments = _baseline.Fragments.Count;
        var affected = new HashSet<int>();
        var pieces = new HashSet<int>();
        var pending = new Queue<int>(fresh.Select(f => f.Piece).Distinct());
        while (pending.Count > 0)
        {
            int piece = pending.Dequeue();
            if (!pieces.Add(piece) || !_stretchesOnPiece.TryGetValue(piece, out var onPiece)) continue;
            foreach (int k in onPiece)
            {
                if (!affected.Add(k)) continue;
                foreach (var interval in _baseline.Stretches[k].Intervals) pending.Enqueue(interval.Piece);
            }
        }
        var changes = new List<string>();
        if (affected.Count == 0) return (oldRanked, oldFragments, changes);
        var freshOn = fresh.GroupBy(f => f.Piece).ToDictionary(g => g.Key, g => g.ToList());
        ReadOnlySpan<ReachedInterval> CoveredOn(int piece)
        {
            var old = _coveredByPiece.GetValueOrDefault(piece);
            if (!freshOn.TryGetValue(piece, out var added)) return CollectionsMarshal.AsSpan(old);
            return (old is null ? added.OrderBy(i => i.From) : old.Concat(added).OrderBy(i => i.From)).ToArray();
        }
        var recounted = BlindSpotFinder.Find(_snapper.Graph, _baseline.Borders!, pieces, CoveredOn);

        int OldStretchOf(BlindSpotFinder.Stretch s)
        {
            var first = s.Intervals[0];
            double middle = (first.From + first.To) / 2;
            if (!_stretchesOnPiece.TryGetValue(first.Piece, out var sharing)) return -1;
            foreach (int k in sharing)
            {
                if (_baseline.Stretches[k].Unit != s.Unit) continue;
                foreach (var i in _baseline.Stretches[k].Intervals) if (i.Piece == first.Piece && i.From <= middle && middle <= i.To) return k;
            }
            return -1;
        }
        var became = affected.ToDictionary(k => k, _ => (Ranked: 0, Fragments: 0));
        foreach (var s in recounted)
        {
            int k = OldStretchOf(s);
            if (k < 0) continue;
            var (ranked, fragments) = became[k];
            became[k] = IsFragment(s) ? (ranked, fragments + 1) : (ranked + 1, fragments);
        }
        foreach (var (k, (ranked, fragments)) in became.Where(b => !IsFragment(_baseline.Stretches[b.Key])).OrderBy(b => b.Key))
        {
            string id = _baseline.StretchIds[k];
            string left = fragments == 0 ? "" : $" and {fragments} fragment{(fragments > 1 ? "s" : "")}";
            if (ranked == 0 && fragments == 0) changes.Add($"{id} covered");
            else if (ranked == 0) changes.Add($"{id} shrank to {fragments} fragment{(fragments > 1 ? "s" : "")}");
            else if (ranked > 1) changes.Add($"1 blind spot ({id}) split into {ranked}{left}");
            else if (fragments > 0) changes.Add($"{id} shrank, leaving{left[4..]}");
        }
        int affectedRanked = affected.Count(k => !IsFragment(_baseline.Stretches[k]));
        int affectedFragments = affected.Count - affectedRanked;
        return (oldRanked - affectedRanked + recounted.Count(s => !IsFragment(s)),
            oldFragments - affectedFragments + recounted.Count(IsFragment), changes);
    }

    /// <summary>The part of the new stations' coverage (graph coordinates) the existing stations did not cover.</summary>
    private Geometry FreshArea(Geometry added)
    {
        if (added.IsEmpty || _coveredLocal.IsEmpty) return added;
        var window = ServiceAreaGeometry.Local.ToGeometry(added.EnvelopeInternal);
        var before = ServiceAreaGeometry.Polygonal(OverlayNGRobust.Overlay(_coveredLocal, window, SpatialFunction.Intersection));
        return before.IsEmpty ? added : ServiceAreaGeometry.Polygonal(OverlayNGRobust.Overlay(added, before, SpatialFunction.Difference));
    }

    /// <summary>The parts of the new stations' reached intervals no existing station reached.</summary>
    private List<ReachedInterval> Subtract(IReadOnlyList<ReachedInterval> reached)
    {
        var fresh = new List<ReachedInterval>();
        foreach (var interval in reached)
        {
            if (!_coveredByPiece.TryGetValue(interval.Piece, out var old))
            {
                fresh.Add(interval);
                continue;
            }
            double from = interval.From;
            foreach (var o in old)
            {
                if (o.To <= from) continue;
                if (o.From >= interval.To) break;
                if (o.From > from) fresh.Add(new ReachedInterval(interval.Piece, from, o.From));
                from = Math.Max(from, o.To);
                if (from >= interval.To) break;
            }
            if (from < interval.To) fresh.Add(new ReachedInterval(interval.Piece, from, interval.To));
        }
        return fresh;
    }
}
