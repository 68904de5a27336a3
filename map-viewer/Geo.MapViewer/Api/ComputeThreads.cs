using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Geo.MapViewer.Api;

/// <summary>
/// The threads heavy computations run on: a few dedicated threads (one fewer than the cores for requests, one per core
/// for the first view), each at a lower operating-system priority (nice 10 on Linux). A light request (info, tiles,
/// stations) then takes a core from a computation the moment it needs one, instead of waiting for the scheduler's next
/// turn or for the thread pool to grow. The analyses' parallel loops run here too, as they use the scheduler they are
/// started from, so they use as many threads as there are here, not as many as the thread pool would lend.
/// </summary>
internal sealed class ComputeThreads : TaskScheduler, IDisposable
{
    private const int LowerPriorityNice = 10;
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
        LowerThisThreadsPriority();
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    private static void LowerThisThreadsPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return;
        }
        try
        {
            // On Linux a thread is scheduled as its own task: its nice value is set through its thread id.
            setpriority(PriorityOfProcess, gettid(), LowerPriorityNice);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without gettid: the computation keeps the normal priority.
        }
    }

    private const int PriorityOfProcess = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int priority);

    [DllImport("libc")]
    private static extern int gettid();
}
