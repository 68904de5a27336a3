using System.Diagnostics;

namespace Geo.MapViewer.Session;

/// <summary>
/// What the first page view needs (the default profile and break's audit, with pairing and served land, and its
/// what-if base), worked out either before the server listens or in the background once it does. Requests that read those results
/// wait for it rather than start the same work again; everything else (the page, /api/info, stations, street tiles,
/// nearest, isochrones) is answered meanwhile.
/// </summary>
public sealed class FirstView(string profile, double minutes)
{
    private readonly Stopwatch _clock = new();
    private Task _work = Task.CompletedTask;
    private double _seconds;

    public string Profile { get; } = profile;
    public double Minutes { get; } = minutes;

    /// <summary>Raised on the thread that finished working the first view out, whether it succeeded or not.</summary>
    public event Action? Settled;

    /// <summary>Completes when the first view is worked out, failed or was never started; never faults.</summary>
    private Task Completion => _work.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public bool IsReady => _work.IsCompletedSuccessfully;

    public bool IsWorking => !_work.IsCompleted;

    /// <summary>Why working it out failed, or null.</summary>
    public Exception? Failure => _work.Exception?.InnerException;

    /// <summary>The seconds it took, or has taken so far.</summary>
    public double Seconds => IsWorking ? _clock.Elapsed.TotalSeconds : _seconds;

    public bool Is(string profile, double minutes) => string.Equals(profile, Profile, StringComparison.OrdinalIgnoreCase) && minutes == Minutes;

    /// <summary>Works it out on this thread.</summary>
    public void Run(Action work) => Start(() => { work(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    /// <summary>Works it out on <paramref name="threads"/>; the returned task faults as the work does.</summary>
    public Task RunInBackground(Action work, TaskScheduler threads) =>
        Start(() => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, threads));

    /// <summary>
    /// Waits until the first view is ready when <paramref name="profile"/> and <paramref name="minutes"/> are its own
    /// and it is still being worked out; a failure is left to the request, which then works the result out itself.
    /// </summary>
    public async Task WaitIfWorkingAsync(string profile, double minutes, CancellationToken cancellation)
    {
        if (IsWorking && Is(profile, minutes)) await Completion.WaitAsync(cancellation);
    }

    private Task Start(Func<Task> work)
    {
        if (IsWorking) throw new InvalidOperationException("the first view is already being worked out");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work = done.Task;
        _clock.Restart();
        Task task;
        try
        {
            task = work();
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }
        task.ContinueWith(t =>
        {
            _seconds = _clock.Elapsed.TotalSeconds;
            _clock.Stop();
            Settled?.Invoke();
            if (t.IsFaulted) done.SetException(t.Exception!.InnerExceptions);
            else if (t.IsCanceled) done.SetCanceled();
            else done.SetResult();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return done.Task;
    }
}
