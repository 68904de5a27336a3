namespace Geo.MapViewer.Api;

/// <summary>
/// Runs an analysis off the request thread with a time limit: past it the client gets 503 at once (the computation
/// finishes in the background and is dropped), so a heavy request never holds the server.
/// </summary>
internal static class Compute
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    public static async Task<T> RunAsync<T>(HttpContext context, Func<T> work, TimeSpan? limit = null)
    {
        var budget = limit ?? DefaultLimit;
        try
        {
            return await Task.Run(work).WaitAsync(budget, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the computation took longer than {budget.TotalSeconds:0} s; ask for less (fewer locations, shorter breaks, smaller K)");
        }
    }
}
