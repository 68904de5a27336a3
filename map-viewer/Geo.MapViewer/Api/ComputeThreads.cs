using System.Collections.Concurrent;

namespace Geo.MapViewer.Api;

/// <summary>
/// The threads heavy computations run on: a few dedicated threads (one fewer than the cores for requests, one per core
/// for the first view), so a light request (info, tiles, stations) finds a free core and a pool thread at once instead
/// of waiting for the thread pool to grow. The analyses' parallel loops run here too, as they use the scheduler they
/// are started from, so they use as many threads as there are here, not as many as the thread pool would lend.
/// The threads keep the process's priority: a garbage collection runs on the thread whose allocation started it while
/// every other thread waits, so a computation at a lower priority (nice 10 was tried) made light requests wait behind
/// its collections whenever other processes kept the cores busy (with two such processes on 2 cores, the soak's worst
/// /api/info answer was 70–350 ms at nice 10, 37–82 ms at the normal priority).
/// </summary>
internal sealed class ComputeThreads : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    private readonly int _threads;
    [ThreadStatic] private static ComputeThreads? _current;

    public ComputeThreads(int threads)
    {
        _threads = threads;
        for (int i = 0; i < threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"geo compute {i + 1}" }.Start();
        }
    }

    public static ComputeThreads ForThisMachine() => new(Math.Max(1, Environment.ProcessorCount - 1));

    public override int MaximumConcurrencyLevel => _threads;

    /// <summary>The threads end once the work queued so far is done.</summary>
    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Only a compute thread may run a computation inline (a loop waiting on its own parts); a request thread never does.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => _current == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        _current = this;
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }
}
