using Geo.Analyses.Siting;

namespace Geo.Rendering.Charts;

/// <summary>The coverage-vs-new-sites curve of a siting run as a PNG: coverage share after 0, 1, … K sites, with the bound.</summary>
public static class CoverageCurve
{
    public static byte[] Png(SitingSolution solution, string title, int width = 1000, int height = 640)
    {
        var plot = new ScottPlot.Plot();
        var curve = solution.Curve;
        double[] xs = Enumerable.Range(0, curve.Count).Select(i => (double)i).ToArray();
        double[] ys = curve.Select(c => solution.TotalDemand > 0 ? 100 * c / solution.TotalDemand : 0).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = $"covered with new sites ({solution.Method})";
        line.MarkerSize = curve.Count <= 60 ? 6 : 0;
        var reachable = plot.Add.HorizontalLine(100 * solution.ReachableCoverage / Math.Max(solution.TotalDemand, 1e-300));
        reachable.LegendText = "every candidate built";
        reachable.LinePattern = ScottPlot.LinePattern.Dashed;
        if (solution.Problem == "MCLP" && solution.Gap > 0)
        {
            var bound = plot.Add.Marker(xs[^1], 100 * solution.BestBound / solution.TotalDemand);
            bound.LegendText = $"bound on the best {curve.Count - 1} sites";
        }
        plot.Title(title);
        plot.XLabel("new sites");
        plot.YLabel("demand covered (%)");
        plot.Axes.SetLimitsY(Math.Max(0, ys.Min() - 5), Math.Min(100, Math.Max(ys.Max(), 100 * solution.ReachableCoverage / Math.Max(solution.TotalDemand, 1e-300)) + 3));
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
    }
}
