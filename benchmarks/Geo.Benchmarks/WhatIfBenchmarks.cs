using BenchmarkDotNet.Attributes;
using Geo.Analyses.Coverage;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Benchmarks;

/// <summary>
/// The viewer's what-if: one station added in the largest blind spot of a 10-minute e-bike audit, answered from the
/// finished audit (<see cref="CoverageWhatIf"/>) against a full audit with that station, on the synthetic
/// Chengdu-sized city (its 1,000 stations and 100 subdistricts).
/// </summary>
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private StreetSnapper _snapper = null!;
    private StreetDataset _dataset = null!;
    private CoverageWhatIf _whatIf = null!;
    private Station[] _added = null!;
    private static readonly AuditOptions Ten = new(10);

    [GlobalSetup]
    public void Setup()
    {
        _dataset = BenchmarkData.Load(BenchmarkData.SyntheticCity);
        _snapper = new StreetSnapper(StreetGraphBuilder.Build(_dataset, TravelProfile.BuiltIn("ebike")));
        var baseline = CoverageAudit.Run(_snapper, _dataset.Stations, _dataset.Subdistricts, null, Ten);
        _whatIf = new CoverageWhatIf(baseline, _snapper, null);
        var spot = baseline.BlindSpots[0];
        _added = new[] { new Station("new", null, new NetTopologySuite.Geometries.Point(spot.Lon, spot.Lat) { SRID = 4326 }) };
    }

    [Benchmark(Description = "what-if from the audit, 1 added station")]
    public double FromAudit() => _whatIf.With(_added).Totals.CoveredStreetKm;

    [Benchmark(Baseline = true, Description = "full audit with the added station")]
    public double FullAudit() => CoverageAudit.Run(_snapper, _dataset.Stations.Append(_added[0]).ToList(), _dataset.Subdistricts, null, Ten).Totals.CoveredStreetKm;
}
