using System.CommandLine;
using Geo.Analyses.Coverage;
using Geo.Analyses.Demand;
using Geo.Cli.Outputs;
using Geo.Rendering.Maps;
using Geo.Rendering.Reports;
using Geo.Rendering.Words;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.Stations;
using Geo.Data.Subdistricts;
using Geo.Streets;
using Geo.Streets.Snapping;
using Spectre.Console;

namespace Geo.Cli.Commands;

internal static class AuditCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var stations = SharedOptions.Stations();
        var subdistricts = new Option<string?>("--subdistricts") { Description = "Subdistricts: a layer/table, admin:<level>, or cells:<size> (e.g. cells:1km); default: the dataset's, else 1 km cells" };
        var demand = new Option<string[]>("--demand") { Description = "Demand: layer[:weight_column], a .geojson/.csv file[:weight], or pois:<query>; repeatable. Default: street length", AllowMultipleArgumentsPerToken = false };
        var profile = SharedOptions.Profile();
        var minutes = new Option<double>("--minutes") { Description = "The service circle, in minutes", DefaultValueFactory = _ => 15 };
        var threshold = new Option<double>("--threshold") { Description = "Flag subdistricts with less than this share of streets covered, in %", DefaultValueFactory = _ => 80 };
        var crs = SharedOptions.InputCrs();
        var snap = SharedOptions.MaxSnap();
        var lang = SharedOptions.Language();
        var direction = SharedOptions.Direction();
        var smallest = new Option<double>("--min-blind-spot")
        {
            Description = "Uncovered stretches with less street than this, in metres, are listed as fragments rather than ranked blind spots",
            DefaultValueFactory = _ => AuditOptions.DefaultMinBlindSpotMeters,
        };
        var output = new Option<string>("--out") { Description = "A folder (audit.gpkg, coverage.csv, blind_spots.csv, report.md/html, coverage.png) or postgis:<connection string>", Required = true };
        var command = new Command("audit", "Coverage-gap audit: coverage per subdistrict, gap polygons, ranked blind spots (盲区), report and map.")
        {
            data, stations, subdistricts, demand, profile, minutes, threshold, crs, snap, direction, smallest, lang, output,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            Geo.Analyses.Reach.Reachability.ValidateMinutes(parse.GetValue(minutes));
            double flag = parse.GetValue(threshold) / 100;
            if (flag is <= 0 or > 1) throw new GeoInputException("--threshold must be a percentage above 0 and at most 100");
            var auditOptions = new AuditOptions(parse.GetValue(minutes), FlagBelowShare: flag, MinBlindSpotMeters: parse.GetValue(smallest),
                Direction: TravelDirections.Parse(parse.GetValue(direction)!));
            if (!double.IsFinite(auditOptions.MinBlindSpotMeters) || auditOptions.MinBlindSpotMeters < 0) throw new GeoInputException($"--min-blind-spot must be 0 m or more, got {auditOptions.MinBlindSpotMeters}");
            var travel = TravelProfile.Load(parse.GetValue(profile)!);
            var inputCrs = InputCrs.Parse(parse.GetValue(crs));
            string target = parse.GetValue(output)!;
            using var outputs = new OutputSet(new[] { parse.GetValue(data), parse.GetValue(stations), parse.GetValue(profile) }.Concat(parse.GetValue(demand) ?? Array.Empty<string>()).ToArray());
            bool toPostGis = FeatureStores.IsPostGis(target);
            var layerTarget = toPostGis ? new LayerTarget(outputs, target, "--out") : null;
            string? folder = toPostGis ? null : outputs.Folder(target, "--out", AuditFolder.WrittenByEarlierGeo);
            AuditResult audit = null!;
            StreetDataset dataset = null!;
            var times = new List<string>();
            (OutputLanguage Language, string Reason) language = default;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            void Lap(string stage)
            {
                times.Add($"{stage} {clock.Elapsed.TotalSeconds:0.0} s");
                clock.Restart();
            }
            CommandRunner.Progress.Status().Start("reading the dataset", context =>
            {
                using var store = FeatureStores.Open(parse.GetValue(data)!, create: false);
                dataset = DatasetLayers.Read(store);
                var (list, from) = LoadStations(parse.GetValue(stations), store, dataset, inputCrs);
                Lap("read");
                context.Status($"building the {travel.Name} street graph");
                var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, travel), parse.GetValue(snap));
                Lap("graph");
                var areas = SubdistrictSource.Load(parse.GetValue(subdistricts), store, dataset, snapper.Graph);
                var demandSpecs = parse.GetValue(demand) ?? Array.Empty<string>();
                var points = demandSpecs.Length == 0 ? null : DemandSource.Load(demandSpecs, store, dataset, snapper.LonLatExtent);
                context.Status($"auditing {list.Count} stations over {areas.Subdistricts.Count} subdistricts");
                audit = CoverageAudit.Run(snapper, list, areas.Subdistricts, points?.Points,
                    auditOptions, from, areas.Description,
                    areas.Warnings.Concat(points?.Warnings ?? Array.Empty<string>()));
                Lap("coverage");
                if (audit.Totals.Stations == 0) throw new GeoInputException($"none of the {list.Count} stations is within reach of a street usable by {travel.Name}");
                context.Status("pairing stations with subdistricts");
                var pairing = Geo.Analyses.Pairing.PairingAnalysis.Run(snapper, audit.ServiceAreas.Snapped.Select(s => s.Station).ToList(),
                    areas.Subdistricts, dataset.Pois, CoverageAudit.PairingOptionsFor(audit, new Geo.Analyses.Pairing.PairingOptions { MaxSnapMeters = parse.GetValue(snap) }), areas.Description);
                audit = CoverageAudit.WithPairing(audit, pairing);
                Lap("pairing");
                context.Status($"writing {(toPostGis ? "PostGIS" : target)}");
                // The streets go along so the audit folder is self-contained for QGIS and for 'geo brief'.
                var streets = DatasetLayers.ToLayers(dataset).First(l => l.Name == DatasetLayers.Streets);
                string source = parse.GetValue(data)!;
                if (!FeatureStores.IsPostGis(source)) streets.CopyOf = new Geo.Data.Features.LayerCopy(source, DatasetLayers.Streets);
                var layers = AuditLayers.ToLayers(audit).Append(streets).ToList();
                if (layerTarget is not null) target = layerTarget.Write(layers);
                else
                {
                    var lonLat = snapper.LonLatExtent;
                    language = SharedOptions.ChooseLanguage(parse.GetValue(lang), () => OutputLanguages.Detect(
                        audit.Subdistricts.Select(s => s.Name).Concat(list.Select(s => s.Name)), (lonLat.MinX + lonLat.MaxX) / 2, (lonLat.MinY + lonLat.MaxY) / 2));
                    var map = MapLayers.FromAudit(audit, dataset);
                    string title = language.Language == OutputLanguage.Zh ? $"{audit.Minutes:0.##} 分钟服务圈覆盖（{travel.Name}）" : $"{audit.Minutes:0.##}-minute {travel.Name} coverage";
                    AuditFolder.Write(folder!, audit, layers, CoverageMap.Png(map, new MapView(title, language.Language)), flag, language.Language);
                }
                outputs.Commit();
                Lap("write");
            });
            Console.Error.WriteLine($"geo: time: {string.Join(", ", times)}");
            foreach (var w in FoldedWarning.Fold(audit.Warnings).Take(20)) Console.Error.WriteLine($"geo: warning: {w.Line(chinese: false)}");
            if (language.Reason is not null) Console.Error.WriteLine($"geo: language: {language.Language.Code()} ({language.Reason}); --lang zh|en to choose");
            foreach (var line in AuditReport.Headlines(audit)) Console.WriteLine(line);
            var top = audit.BlindSpots.FirstOrDefault();
            if (top is not null) Console.WriteLine($"largest blind spot: {top.Id}, {top.Demand:0.##} demand, {top.StreetKm:0.00} street km near {top.Lon:0.0000},{top.Lat:0.0000}{(top.Subdistrict is null ? "" : $" ({top.Subdistrict})")}, nearest station {AuditReport.Nearest(top, audit)}");
            Console.WriteLine($"wrote {target}");
            return 0;
        }));
        return command;
    }

    internal static (IReadOnlyList<Station> Stations, string From) LoadStations(string? spec, Geo.Data.Features.IFeatureStore store, StreetDataset dataset, InputCrs crs)
    {
        if (spec is not null) return (StationSource.Load(spec, store, dataset, crs), spec);
        if (dataset.Stations.Count > 0) return (dataset.Stations, "the dataset's stations layer");
        string query = StationSource.PoiPrefix + PoiQuery.StationLike;
        try
        {
            return (StationSource.Load(query, store, dataset, crs), $"station-like POIs: {query}");
        }
        catch (GeoInputException)
        {
            throw new GeoInputException($"no stations found: the dataset has no stations layer and no POI matches {query}; pass --stations");
        }
    }
}
