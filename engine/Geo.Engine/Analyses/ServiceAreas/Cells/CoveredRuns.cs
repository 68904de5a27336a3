namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>Runs of covered cells along one row of a mask, found with vectorised searches rather than cell by cell.</summary>
internal static class CoveredRuns
{
    /// <summary>
    /// The first run of covered cells at or after column <paramref name="start"/>: its first and last column. False
    /// when the rest of the row is uncovered.
    /// </summary>
    public static bool Next(ReadOnlySpan<byte> row, int start, out int first, out int last)
    {
        first = last = -1;
        if (start >= row.Length) return false;
        int from = row[start..].IndexOfAnyExcept((byte)0);
        if (from < 0) return false;
        first = start + from;
        int length = row[first..].IndexOf((byte)0);
        last = length < 0 ? row.Length - 1 : first + length - 1;
        return true;
    }
}
