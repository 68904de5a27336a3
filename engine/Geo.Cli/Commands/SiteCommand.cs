using System.CommandLine;
using System.Globalization;
using Geo.Analyses.Demand;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.Siting;
using Geo.Rendering.Charts;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.Stations;
using Geo.Streets;
using Geo.Streets.Snapping;
using Geo.Cli.Outputs;
using Spectre.Console;

namespace Geo.Cli.Commands;

internal static class SiteCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var stations = new Option<string?>("--stations") { Description = "Existing stations (fixed, their coverage counted first): a layer, .geojson/.csv file or pois:<query>; default: the dataset's stations layer, else its station-like POIs (as every verb); 'none' to site from scratch" };
        var candidates = new Option<string>("--candidates") { Description = "Candidate sites: a layer, .geojson/.csv file, pois:<query>, or grid:<spacing> (street junctions, one per cell, e.g. grid:200m)", Required = true };
        var add = new Option<int?>("--add") { Description = "Maximal covering: how many new sites to add (K)" };
        var target = new Option<string?>("--target") { Description = "Set covering: the share of all demand to reach with the fewest new sites, e.g. 95%" };
        var profile = SharedOptions.Profile();
        var minutes = new Option<double>("--minutes") { Description = "The break: a site covers demand within this many minutes", DefaultValueFactory = _ => 15 };
        var demand = new Option<string[]>("--demand") { Description = "Demand: layer[:weight_column], a .geojson/.csv file[:weight], or pois:<query>; repeatable. Default: street km", AllowMultipleArgumentsPerToken = false };
        var direction = SharedOptions.Direction();
        var timeLimit = new Option<string>("--time-limit") { Description = "Time for the exact model after greedy, e.g. 30s or 2m; 0 for greedy alone", DefaultValueFactory = _ => "30s" };
        var solverName = SiteInstanceCommand.SolverOption();
        var gap = SiteInstanceCommand.GapOption();
        var output = SharedOptions.Output();
        var plot = new Option<string?>("--plot") { Description = "Write the coverage-vs-new-sites curve to this .png" };
        var export = new Option<string?>("--export-instance") { Description = "Also write the covering instance (weights, coverage sets, K) to this .json, for 'geo site-instance' and other solvers" };
        var crs = SharedOptions.InputCrs();
        var snap = SharedOptions.MaxSnap();
        var command = new Command("site",
            "Site new stations: maximal covering (--add K: the K sites covering the most demand) or set covering (--target P%: the fewest sites reaching P % of demand). " +
            "Writes layers new_sites and new_site_areas.")
        {
            data, stations, candidates, add, target, profile, minutes, demand, direction, timeLimit, solverName, gap, output, plot, export, crs, snap,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            int? k = parse.GetValue(add);
            double? share = parse.GetValue(target) is { } t ? ParseTarget(t) : null;
            if (k is null == share is null) throw new GeoInputException("give either --add K (maximal covering) or --target P% (set covering)");
            if (k is { } kk && kk <= 0) throw new GeoInputException($"--add must be at least 1 new site, got {kk}");
            var options = new SitingOptions(parse.GetValue(minutes), TravelDirections.Parse(parse.GetValue(direction)!));
            options.Validate();
            var limit = SolverOptions.ParseTimeLimit(parse.GetValue(timeLimit)!);
            var solver = new SolverOptions(limit, limit > TimeSpan.Zero, SiteInstanceCommand.ParseSolver(parse.GetValue(solverName)!),
                SolverOptions.ParseGap(parse.GetValue(gap)!));
            var travel = TravelProfile.LoadInBackground(parse.GetValue(profile)!);
            var inputCrs = InputCrs.Parse(parse.GetValue(crs));
            string outTarget = parse.GetValue(output)!;
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null && !plotPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new GeoInputException($"--plot '{plotPath}' must name a .png file");
            using var outputs = new OutputSet(new[] { parse.GetValue(data), parse.GetValue(stations), parse.GetValue(candidates), parse.GetValue(profile) }
                .Concat(parse.GetValue(demand) ?? Array.Empty<string>()).ToArray());
            var layerTarget = new LayerTarget(outputs, outTarget, "--out");
            string? plotStaging = plotPath is null ? null : outputs.File(plotPath, "--plot");
            string? exportStaging = parse.GetValue(export) is { } exportPath ? outputs.File(exportPath, "--export-instance") : null;
            SitingProblem problem = null!;
            SitingSolution solution = null!;
            StreetSnapper snapper = null!;
            ChosenStations existing = null!;
            var warnings = new List<string>();
            CommandRunner.Progress.Status().Start("reading the dataset", context =>
            {
                using var store = FeatureStores.Open(parse.GetValue(data)!, create: false);
                var dataset = DatasetLayers.Read(store);
                context.Status($"building the {travel().Name} street graph");
                snapper = new StreetSnapper(StreetGraphBuilder.Build(dataset, travel()), parse.GetValue(snap));
                existing = StationChoice.Choose(parse.GetValue(stations), store, dataset, inputCrs, noneAllowed: true);
                string candidateSpec = parse.GetValue(candidates)!;
                var candidateList = CandidateGrid.ParseSpacing(candidateSpec) is { } spacing
                    ? CandidateGrid.Stations(snapper.Graph, spacing)
                    : StationSource.Load(candidateSpec, store, dataset, inputCrs);
                var demandSpecs = parse.GetValue(demand) ?? Array.Empty<string>();
                DemandUnits units;
                // Street demand is cut where today's coverage ends, so siting starts from the figure 'geo audit' reports.
                if (demandSpecs.Length == 0) units = DemandUnits.StreetKm(snapper.Graph, CoveredStreets.Within(snapper, existing.Stations, options.Minutes, options.Direction));
                else
                {
                    var points = DemandSource.Load(demandSpecs, store, dataset, snapper.LonLatExtent, inputCrs);
                    warnings.AddRange(points.Warnings);
                    units = DemandUnits.FromPoints(snapper, points.Points);
                }
                context.Status($"coverage of {existing.Stations.Count} stations and {candidateList.Count} candidates over {units.Count} demand units");
                problem = SitingAnalysis.Prepare(snapper, existing.Stations, candidateList, units, options);
                warnings.AddRange(problem.Warnings);
                if (exportStaging is not null) CoverageInstanceFile.Write(exportStaging, problem.Instance, k);
                context.Status(k is not null ? $"choosing {k} sites among {problem.Candidates.Count}" : $"fewest sites to reach {share * 100:0.##} %");
                solution = k is { } count ? MaximalCovering.Solve(problem.Instance, count, solver) : SetCovering.Solve(problem.Instance, share!.Value, solver);
            });
            var png = plotPath is null ? null : CoverageCurve.Png(solution, $"{options.Minutes:0.##}-minute {travel().Name} coverage by new sites ({solution.Problem})");
            string written = layerTarget.Write(SitingLayers.ToLayers(problem, solution, snapper));
            if (png is not null) File.WriteAllBytes(plotStaging!, png);
            outputs.Commit();
            foreach (var w in warnings) Console.Error.WriteLine($"geo: warning: {w}");
            Console.WriteLine($"existing {existing.Headline}");
            foreach (var line in SitingReport.Lines(solution, problem.Demand.Description, s => (problem.PointOf(s).X, problem.PointOf(s).Y))) Console.WriteLine(line);
            Console.Error.WriteLine($"geo: time: coverage sets {problem.CoverageMilliseconds} ms");
            Console.WriteLine($"wrote {written}{(png is null ? "" : $", {plotPath}")}");
            return 0;
        }));
        return command;
    }

    internal static double ParseTarget(string text)
    {
        string t = text.Trim().TrimEnd('%').Trim();
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double percent) || !double.IsFinite(percent) || percent <= 0 || percent > 100)
        {
            throw new GeoInputException($"--target '{text}' is not a share above 0 % and at most 100 %, e.g. 95%");
        }
        return percent / 100;
    }
}
