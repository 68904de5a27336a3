namespace Geo.MapViewer.Api;

/// <summary>
/// Runs an analysis off the request thread within the server's <see cref="ServerLimits"/>: a heavy computation takes
/// one of a few slots (none free within the queue wait: 503 with Retry-After), and gets a cancellation token that
/// fires when the time limit passes or the client goes away, so the work itself stops, not only the wait for it. The
/// slot is given back when the work has stopped. Every endpoint that computes goes through here.
/// </summary>
internal static class Compute
{
    public static async Task<T> RunAsync<T>(HttpContext context, Func<CancellationToken, T> work, bool heavy = true)
    {
        var limits = context.RequestServices.GetRequiredService<ServerLimits>();
        var aborted = context.RequestAborted;
        if (heavy && !await limits.Slots.WaitAsync(limits.QueueWait, aborted))
        {
            throw ApiProblemException.Busy($"the server is already running {limits.Computations} heavy computations (isochrones, audits, what-if, siting); " +
                $"try again in {ServerLimits.RetryAfterSeconds} s");
        }
        var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        stop.CancelAfter(limits.TimeLimit);
        var token = stop.Token;
        Task<T> task;
        try
        {
            task = Task.Factory.StartNew(() => work(token), token, TaskCreationOptions.DenyChildAttach, limits.Scheduler);
        }
        catch
        {
            if (heavy) limits.Slots.Release();
            stop.Dispose();
            throw;
        }
        _ = task.ContinueWith(_ =>
        {
            if (heavy) limits.Slots.Release();
            stop.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await task.WaitAsync(token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            throw new TimeoutException($"the computation took longer than {limits.TimeLimit.TotalSeconds:0} s and was stopped; " +
                "ask for less (fewer locations, shorter breaks, smaller K)");
        }
    }

    /// <summary>A computation with no loops to stop early; it still takes a slot and the time limit.</summary>
    public static Task<T> RunAsync<T>(HttpContext context, Func<T> work, bool heavy = true) => RunAsync(context, _ => work(), heavy);
}
