using System.CommandLine;
using Geo.Analyses.Coverage;
using Geo.Analyses.Pairing;
using Geo.Analyses.Workflow;
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
        data.Required = false;
        var stations = SharedOptions.Stations();
        var subdistricts = new Option<string?>("--subdistricts") { Description = "Subdistricts: a layer/table, admin:<level>, or cells:<size> (e.g. cells:1km); default: the dataset's, else 1 km cells" };
        var demand = new Option<string[]>("--demand") { Description = "Demand: layer[:weight_column], a .geojson/.csv file[:weight], or pois:<query>; repeatable. Default: street length", AllowMultipleArgumentsPerToken = false };
        var profile = SharedOptions.Profile();
        var minutes = new Option<double>("--minutes") { Description = "The service circle, in minutes", DefaultValueFactory = _ => 15 };
        var threshold = new Option<double>("--threshold") { Description = "Flag subdistricts with less than this share of streets covered, in %", DefaultValueFactory = _ => 80 };
        var crs = SharedOptions.InputCrs();
        var cells = new Option<string>("--cells") { Description = "With real boundaries (区/街道/社区), also report by planning cells (网格) of this size inside each: e.g. 1km, or none", DefaultValueFactory = _ => "1km" };
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
            data, stations, subdistricts, demand, profile, minutes, threshold, crs, cells, snap, direction, smallest, lang, output,
        };
        var cluster = ClusterAuditOptions.AddTo(command, data, output, stations, subdistricts, demand);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            if (cluster.IsGiven(parse)) return cluster.Run(parse, parse.GetValue(profile)!, parse.GetValue(minutes), parse.GetValue(output)!);
            Geo.Analyses.Reach.Reachability.ValidateMinutes(parse.GetValue(minutes));
            double flag = parse.GetValue(threshold) / 100;
            if (flag is <= 0 or > 1) throw new GeoInputException("--threshold must be a percentage above 0 and at most 100");
            var auditOptions = new AuditOptions(parse.GetValue(minutes), FlagBelowShare: flag, MinBlindSpotMeters: parse.GetValue(smallest),
                Direction: TravelDirections.Parse(parse.GetValue(direction)!));
            if (!double.IsFinite(auditOptions.MinBlindSpotMeters) || auditOptions.MinBlindSpotMeters < 0) throw new GeoInputException($"--min-blind-spot must be 0 m or more, got {auditOptions.MinBlindSpotMeters}");
            var travel = TravelProfile.LoadInBackground(parse.GetValue(profile)!);
            var inputCrs = InputCrs.Parse(parse.GetValue(crs));
            string target = parse.GetValue(output)!;
            using var outputs = new OutputSet(new[] { parse.GetValue(data), parse.GetValue(stations), parse.GetValue(profile) }.Concat(parse.GetValue(demand) ?? Array.Empty<string>()).ToArray());
            bool toPostGis = FeatureStores.IsPostGis(target);
            var layerTarget = toPostGis ? new LayerTarget(outputs, target, "--out") : null;
            string? folder = toPostGis ? null : outputs.Folder(target, "--out", AuditFolder.WrittenByEarlierGeo);
            AuditResult audit = null!;
            AuditResult? byCell = null;
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
                context.Status($"building the {travel().Name} street graph");
                var snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, travel()), parse.GetValue(snap));
                // What the audit needs of the graph alone is worked out on the other core while this one reads the
                // stations and units; the stations' service areas are drawn as soon as the stations are read.
                CityBlocks.Prefetch(snapper.Graph);
                Task.Run(() => snapper.Graph.SearchGraph(auditOptions.Direction));
                var inputs = PlanningWorkflow.Read(store, dataset, snapper, parse.GetValue(stations), parse.GetValue(subdistricts),
                    parse.GetValue(demand) ?? Array.Empty<string>(), inputCrs, ParseCells(parse.GetValue(cells)!), drawFor: auditOptions);
                var list = inputs.Stations.Stations;
                Lap("read and graph");
                // The streets go along so the audit folder is self-contained for QGIS and for 'geo brief'; they do
                // not depend on the audit, so a folder's GeoPackage starts with them while the audit is worked out.
                var streets = DatasetLayers.StreetLayer(dataset);
                string source = parse.GetValue(data)!;
                if (!FeatureStores.IsPostGis(source)) streets.CopyOf = new Geo.Data.Features.LayerCopy(source, DatasetLayers.Streets);
                using var geoPackage = folder is null ? null : new AuditGeoPackage(Path.Combine(folder, "audit.gpkg"), new[] { streets });
                context.Status($"auditing {list.Count} stations over {inputs.Units.Subdistricts.Count} {Geo.Data.Subdistricts.UnitKinds.Label(inputs.Units.Kind)}");
                Task<byte[]>? map = null;
                Task<byte[]> DrawMap(AuditResult byUnit)
                {
                    var lonLat = snapper.LonLatExtent;
                    language = SharedOptions.ChooseLanguage(parse.GetValue(lang), () => OutputLanguages.Detect(
                        byUnit.Subdistricts.Select(s => s.Name).Concat(list.Select(s => s.Name)), (lonLat.MinX + lonLat.MaxX) / 2, (lonLat.MinY + lonLat.MaxY) / 2));
                    string title = language.Language == OutputLanguage.Zh ? $"{byUnit.Minutes:0.##} 分钟服务圈覆盖（{travel().Name}）" : $"{byUnit.Minutes:0.##}-minute {travel().Name} coverage";
                    return Task.Run(() => CoverageMap.Png(MapLayers.FromAudit(byUnit, dataset), new MapView(title, language.Language)));
                }
                // Each part of the audit goes to the GeoPackage as soon as it is known (the service areas, the pairing
                // with its row for every street piece, then the layers by unit) while the rest is worked out; the map
                // needs only the coverage by unit and is drawn from when that is known.
                var planned = PlanningWorkflow.Audit(snapper, inputs, auditOptions, handover: geoPackage is null ? null : new AuditHandover
                {
                    ServiceAreas = areas => geoPackage.Add(AuditLayers.ServiceAreaLayersOf(areas)),
                    Pairing = pairing => geoPackage.Add(PairingLayers.ToLayers(pairing)),
                    Coverage = byUnit => map = DrawMap(byUnit),
                    ByUnit = byUnit => geoPackage.Add(AuditLayers.UnitLayers(byUnit)),
                });
                audit = planned.ByUnit;
                byCell = planned.ByCell;
                if (audit.Totals.Stations == 0) throw new GeoInputException($"none of the {list.Count} stations is within reach of a street usable by {travel().Name}");
                Lap("coverage and pairing");
                context.Status($"writing {(toPostGis ? "PostGIS" : target)}");
                var cellLayers = byCell is null ? Array.Empty<Geo.Data.Features.FeatureLayer>() : new[] { AuditLayers.CellLayer(byCell) };
                if (layerTarget is not null) target = layerTarget.Write(AuditLayers.ToLayers(audit).Concat(cellLayers).Append(streets).ToList());
                else AuditFolder.Write(folder!, audit, byCell, geoPackage!, cellLayers, map ??= DrawMap(audit), flag, language.Language);
                outputs.Commit();
                Lap("write");
            });
            Console.Error.WriteLine($"geo: time: {string.Join(", ", times)}");
            foreach (var w in FoldedWarning.Fold(audit.Warnings).Take(20)) Console.Error.WriteLine($"geo: warning: {w.Line(chinese: false)}");
            if (language.Reason is not null) Console.Error.WriteLine($"geo: language: {language.Language.Code()} ({language.Reason}); --lang zh|en to choose");
            foreach (var line in AuditReport.Headlines(audit)) Console.WriteLine(line);
            var top = audit.BlindSpots.FirstOrDefault();
            if (top is not null) Console.WriteLine($"largest blind spot: {top.Id}, {top.Demand:0.##} demand, {top.StreetKm:0.00} street km near {top.Lon:0.0000},{top.Lat:0.0000}{(top.Subdistrict is null ? "" : $" ({top.Subdistrict})")}, nearest station {AuditReport.Nearest(top, audit)}");
            if (byCell is not null)
            {
                Console.WriteLine($"by planning cell: {byCell.Subdistricts.Count} {Geo.Data.Subdistricts.UnitKinds.Label(byCell.UnitKind)} inside them, {byCell.Subdistricts.Count(c => c.StreetShare < flag && c.StreetKm > 0)} below {flag:P0} of streets covered");
            }
            Console.WriteLine($"wrote {target}" + (folder is null ? "" :
                $": {Path.Combine(target, "report.html")} (report), {Path.Combine(target, "coverage.png")} (map), {Path.Combine(target, "audit.gpkg")} (layers), {Path.Combine(target, "coverage.csv")}{(byCell is null ? "" : $" and {Path.Combine(target, "cell_coverage.csv")}")} (tables)"));
            return 0;
        }));
        return command;
    }

    /// <summary>"1km", "500m" or "none": the planning cells reported inside real units.</summary>
    internal static double? ParseCells(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t == "none") return null;
        double factor = t.EndsWith("km", StringComparison.Ordinal) ? 1000 : 1;
        t = t.TrimEnd('k', 'm');
        if (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) || value * factor < 100 || value * factor > 20000)
        {
            throw new GeoInputException($"--cells '{text}': give a cell size between 100 m and 20 km (e.g. 1km) or none");
        }
        return value * factor;
    }
}
