using System.Globalization;
using Geo.Streets;
using Geo.Streets.Search;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Reach;

/// <summary>
/// What one origin reaches within a time limit along the streets: the equivalent of pgRouting's
/// pgr_drivingDistance, starting from a snapped point rather than a vertex.
/// </summary>
public static class Reachability
{
    public const double MaxMinutes = 120;

    public static void ValidateMinutes(double minutes)
    {
        if (!double.IsFinite(minutes) || minutes <= 0 || minutes > MaxMinutes)
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture,
                $"minutes must be above 0 and at most {MaxMinutes}, got {minutes}"));
        }
    }

    public static ReachResult From(StreetSnapper snapper, double lon, double lat, double minutes, ShortestPathSearch? search = null)
    {
        ValidateMinutes(minutes);
        var snap = snapper.Snap(lon, lat);
        if (!snap.IsSnapped)
        {
            throw new GeoInputException(string.Create(CultureInfo.InvariantCulture, $"origin {lon},{lat} not snapped: {snap.Reason}"));
        }
        var graph = snapper.Graph;
        search ??= new ShortestPathSearch(graph);
        double limit = minutes * 60;
        search.Run(snap.Seeds(graph), limit);
        var vertices = new List<ReachedVertex>(search.Settled.Count);
        foreach (int v in search.Settled)
        {
            var (vLon, vLat) = graph.VertexLonLat(v);
            vertices.Add(new ReachedVertex(graph.VertexOsmId[v], vLon, vLat, search.SecondsTo(v)));
        }
        return new ReachResult(snap, limit, vertices);
    }
}
