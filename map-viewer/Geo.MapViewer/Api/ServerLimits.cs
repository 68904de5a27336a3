namespace Geo.MapViewer.Api;

/// <summary>
/// How much work the server takes on: heavy computations (isochrones, audits, what-if, siting) at once, how long a
/// request waits for a free slot before it is refused with 503 and Retry-After, and how long one computation may run
/// before it is cancelled. Computations run on <see cref="Scheduler"/>: dedicated threads, one per core but one, so light
/// requests always find a thread and a core.
/// </summary>
public sealed record ServerLimits(int Computations, TimeSpan TimeLimit, TimeSpan QueueWait)
{
    public static int DefaultComputations => Math.Max(1, Environment.ProcessorCount);

    public static readonly ServerLimits Default = new(DefaultComputations, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

    /// <summary>Seconds a refused client is told to wait before asking again.</summary>
    public const int RetryAfterSeconds = 2;

    internal SemaphoreSlim Slots { get; } = new(Computations, Computations);

    internal TaskScheduler Scheduler => _computeThreads.Value;

    // Made on the first computation, so a server that never computes starts no threads.
    private readonly Lazy<ComputeThreads> _computeThreads = new(ComputeThreads.ForThisMachine);

    /// <summary>Heavy computations running now.</summary>
    public int Running => Computations - Slots.CurrentCount;
}
