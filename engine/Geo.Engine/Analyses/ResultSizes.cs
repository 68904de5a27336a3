using Geo.Analyses.Coverage;
using Geo.Analyses.Pairing;
using Geo.Analyses.ServiceAreas;
using Geo.Analyses.Siting;
using NetTopologySuite.Geometries;

namespace Geo.Analyses;

/// <summary>
/// Estimated bytes a result kept for reuse (a server's cache) holds alive on the managed heap, from what dominates it: coordinates of its
/// geometries, reached street intervals, cell masks and covering sets. Inputs it shares with the loaded dataset
/// (subdistrict boundaries, stations) are not counted; results it keeps alive (a what-if base holds its audit) are.
/// </summary>
public static class ResultSizes
{
    // A Coordinate object (header, X, Y) and the array slot pointing at it.
    private const long CoordinateBytes = 40;
    // A geometry's objects beside its coordinates: the geometry, its sequence, its envelope.
    private const long GeometryBytes = 160;
    private const long IntervalBytes = 24;
    private const long RecordBytes = 96;

    public static long Of(Geometry geometry)
    {
        if (geometry.IsEmpty) return GeometryBytes;
        if (geometry is GeometryCollection collection)
        {
            long sum = GeometryBytes + 8L * collection.NumGeometries;
            for (int i = 0; i < collection.NumGeometries; i++) sum += Of(collection.GetGeometryN(i));
            return sum;
        }
        if (geometry is Polygon polygon) return GeometryBytes * (1 + polygon.NumInteriorRings) + CoordinateBytes * polygon.NumPoints;
        return GeometryBytes + CoordinateBytes * geometry.NumPoints;
    }

    public static long Of(ServiceAreaResult result)
    {
        long sum = RecordBytes;
        foreach (var a in result.Areas) sum += RecordBytes + Of(a.Area);
        foreach (var c in result.Coverage) sum += RecordBytes + Of(c.Area);
        foreach (var o in result.Overlap) sum += RecordBytes + Of(o.Area);
        foreach (var g in result.CoverageLocal) sum += Of(g);
        foreach (var streets in result.CoveredStreets) sum += IntervalBytes * streets.Count;
        sum += (result.Snapped.Count + result.Unsnapped.Count) * 3 * RecordBytes;
        if (result.CoveredCells is { } cells) sum += cells.Cells.LongLength + RecordBytes;
        return sum;
    }

    public static long Of(AuditResult audit)
    {
        long sum = RecordBytes + Of(audit.ServiceAreas);
        foreach (var s in audit.Subdistricts) sum += RecordBytes + Of(s.Gap);
        foreach (var g in audit.SubdistrictsLocal) sum += Of(g);
        foreach (var g in audit.GapsLocal) sum += Of(g);
        foreach (var b in audit.AllBlindSpots) sum += RecordBytes + Of(b.Area);
        foreach (var s in audit.Stretches) sum += RecordBytes + IntervalBytes * s.Intervals.Count;
        sum += 48L * audit.StretchIds.Count;
        // The blind spots' subdistrict borders: an index and prepared copies of the graph-coordinate subdistricts.
        if (audit.Borders is not null) foreach (var g in audit.SubdistrictsLocal) sum += Of(g);
        if (audit.Pairing is { } pairing) sum += Of(pairing);
        return sum;
    }

    public static long Of(PairingResult pairing)
    {
        long sum = RecordBytes * (pairing.Rows.Count + pairing.StationStreets.Count + pairing.Placements.Count + pairing.Subdistricts.Count);
        sum += 16L * pairing.Territories.Pieces.Count;
        foreach (var t in pairing.Territories.Areas) sum += RecordBytes + Of(t.Area);
        return sum;
    }

    /// <summary>A what-if base: its audit, which it keeps alive, and its own indexes (prepared subdistricts, covered streets by piece).</summary>
    public static long OfWhatIfBase(AuditResult audit)
    {
        long own = 0;
        foreach (var g in audit.SubdistrictsLocal) own += 2 * Of(g);
        own += (IntervalBytes + 16) * audit.ServiceAreas.CoveredStreets[0].Count;
        foreach (var s in audit.Stretches) own += 32L * s.Intervals.Count;
        return Of(audit) + own;
    }

    public static long Of(SitingProblem problem)
    {
        long sum = RecordBytes * (problem.Existing.Count + problem.Candidates.Count) * 3;
        foreach (var set in problem.Instance.Sets) sum += 32 + 4L * set.Length;
        sum += 17L * problem.Instance.Units + 24L * problem.Demand.Count + 4L * problem.Demand.FirstOfPiece.Length;
        return sum;
    }
}
