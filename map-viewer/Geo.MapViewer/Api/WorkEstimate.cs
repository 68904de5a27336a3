using System.Runtime.CompilerServices;
using Geo.Analyses.ServiceAreas;
using Geo.Streets;

namespace Geo.MapViewer.Api;

/// <summary>
/// How much drawing a service-area request asks for, before any of it is done: per location and break, the cells of
/// the square a rider could reach at the graph's top speed, clipped to the dataset's own cell grid. Both the work
/// (cells stamped and traced) and the size of the answer (polygon outlines) grow with it.
/// </summary>
internal static class WorkEstimate
{
    /// <summary>Cells one request may ask to draw: enough for 50 locations with three 15-minute e-bike breaks in a city.</summary>
    public const long MaxCells = 60_000_000;

    /// <summary>Polygons (locations × breaks) one request may ask for.</summary>
    public const int MaxAreas = 150;

    private sealed record GraphReach(double TopSpeed, double Lateral, double Cell, long GridCells, int GridWidth, int GridHeight);

    private static readonly ConditionalWeakTable<StreetGraph, GraphReach> Reaches = new();

    public static long Cells(StreetGraph graph, int locations, IReadOnlyList<double> minutes)
    {
        var reach = Reaches.GetValue(graph, Measure);
        long perLocation = 0;
        foreach (double m in minutes)
        {
            double side = 2 * (reach.TopSpeed * m * 60 + reach.Lateral) / reach.Cell + 3;
            long width = (long)Math.Min(reach.GridWidth, Math.Ceiling(side)), height = (long)Math.Min(reach.GridHeight, Math.Ceiling(side));
            perLocation += width * height;
        }
        return perLocation * locations;
    }

    /// <summary>Refuses a request that asks for more polygons or more cells than one request may.</summary>
    public static void Check(StreetGraph graph, int locations, IReadOnlyList<double> minutes, string what)
    {
        if ((long)locations * minutes.Count > MaxAreas)
        {
            throw ApiProblemException.TooMuch($"{what}: {locations} locations × {minutes.Count} breaks = {(long)locations * minutes.Count} areas; at most {MaxAreas} per request");
        }
        long cells = Cells(graph, locations, minutes);
        if (cells > MaxCells)
        {
            throw ApiProblemException.TooMuch($"{what}: {locations} locations up to {minutes.Max():0.##} minutes ({graph.Profile.Name}) would draw about {cells / 1e6:0.#} million cells; " +
                $"at most {MaxCells / 1e6:0} million per request: ask for fewer locations, fewer or shorter breaks");
        }
    }

    private static GraphReach Measure(StreetGraph graph)
    {
        var pieces = graph.Pieces;
        double top = 0.1;
        for (int s = 0; s < pieces.Count; s++)
        {
            if (pieces.ForwardSeconds[s] > 0 && float.IsFinite(pieces.ForwardSeconds[s])) top = Math.Max(top, pieces.LengthMeters[s] / pieces.ForwardSeconds[s]);
            if (pieces.BackwardSeconds[s] > 0 && float.IsFinite(pieces.BackwardSeconds[s])) top = Math.Max(top, pieces.LengthMeters[s] / pieces.BackwardSeconds[s]);
        }
        double lateral = graph.Profile.LateralMeters;
        double cell = new ServiceAreaOptions(new[] { 1.0 }).Cell(lateral);
        var grid = ServiceAreaAnalysis.GridFor(graph, lateral, cell);
        return new GraphReach(top, lateral, cell, (long)grid.Width * grid.Height, grid.Width, grid.Height);
    }
}
