namespace Geo.MapViewer.Api;

/// <summary>
/// The resident memory the server promises to stay under: what it held once the dataset was loaded and the first
/// view worked out, plus the cache budget, plus a working allowance per heavy computation slot (a request's cells,
/// polygons and answer are bounded by <see cref="WorkEstimate"/>).
/// </summary>
public sealed class MemoryBudget(long startBytes, long cacheBytes, int computations)
{
    public const long WorkAllowanceBytes = 256L * 1024 * 1024;

    private long _startBytes = startBytes;

    public long StartBytes => Interlocked.Read(ref _startBytes);

    public long BudgetBytes => StartBytes + cacheBytes + computations * WorkAllowanceBytes;

    /// <summary>When the first view is worked out after the server starts listening, the start is measured again then.</summary>
    public void MeasureStartAgainWhenSettled(Geo.MapViewer.Session.FirstView firstView) =>
        firstView.Settled += () => Interlocked.Exchange(ref _startBytes, Measure().Resident);

    /// <summary>The process's resident memory now and at its peak (Linux: VmRSS and VmHWM), or the working set elsewhere.</summary>
    public static (long Resident, long Peak) Measure()
    {
        long resident = Environment.WorkingSet, peak = resident;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) resident = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line) * 1024;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return (resident, Math.Max(resident, peak));
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
