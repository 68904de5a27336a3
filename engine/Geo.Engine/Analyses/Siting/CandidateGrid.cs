using Geo.Streets;

namespace Geo.Analyses.Siting;

/// <summary>
/// Candidate sites from the street network itself: the junctions thinned to one per square grid cell of the given
/// spacing, the one nearest the cell's centre, so candidates spread evenly however dense the streets are.
/// </summary>
public static class CandidateGrid
{
    public const string Prefix = "grid:";

    /// <summary>Parses "grid:200m" (also "grid:200", "grid:0.5km") to metres; null when the spec is not a grid.</summary>
    public static double? ParseSpacing(string spec)
    {
        if (!spec.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        string text = spec[Prefix.Length..].Trim().ToLowerInvariant();
        double factor = 1;
        if (text.EndsWith("km")) { factor = 1000; text = text[..^2]; }
        else if (text.EndsWith('m')) text = text[..^1];
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value) || value * factor < 10 || value * factor > 100_000)
        {
            throw new GeoInputException($"candidates '{spec}': the grid spacing must be between 10 m and 100 km, e.g. grid:200m");
        }
        return value * factor;
    }

    /// <summary>The chosen junctions (vertex indices), in cell order (rows from the south, columns from the west).</summary>
    public static IReadOnlyList<int> Vertices(StreetGraph graph, double spacingMeters)
    {
        if (graph.VertexCount == 0) return Array.Empty<int>();
        double minX = graph.VertexX.Min(), minY = graph.VertexY.Min();
        var best = new Dictionary<(long Column, long Row), (int Vertex, double Distance)>();
        for (int v = 0; v < graph.VertexCount; v++)
        {
            long column = (long)Math.Floor((graph.VertexX[v] - minX) / spacingMeters);
            long row = (long)Math.Floor((graph.VertexY[v] - minY) / spacingMeters);
            double cx = minX + (column + 0.5) * spacingMeters, cy = minY + (row + 0.5) * spacingMeters;
            double dx = graph.VertexX[v] - cx, dy = graph.VertexY[v] - cy;
            double d = dx * dx + dy * dy;
            if (!best.TryGetValue((column, row), out var current) || d < current.Distance) best[(column, row)] = (v, d);
        }
        return best.OrderBy(c => c.Key.Row).ThenBy(c => c.Key.Column).Select(c => c.Value.Vertex).ToList();
    }

    /// <summary>The chosen junctions as candidate sites (id "v" + the junction's OSM node id), in lon/lat.</summary>
    public static IReadOnlyList<Geo.Data.Model.Station> Stations(StreetGraph graph, double spacingMeters) =>
        Vertices(graph, spacingMeters).Select(v =>
        {
            var (lon, lat) = graph.VertexLonLat(v);
            return new Geo.Data.Model.Station($"v{graph.VertexOsmId[v]}", null, new NetTopologySuite.Geometries.Point(lon, lat) { SRID = 4326 });
        }).ToList();
}
