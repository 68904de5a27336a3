using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Geo.Data;

/// <summary>
/// A loop run on every core that fails as the same loop run in order would: with the exception of the first index
/// that failed, not an <see cref="AggregateException"/> of whichever failed first in time.
/// </summary>
internal static class OrderedParallel
{
    /// <param name="state">Makes each thread's own state (a reader or writer that is not thread-safe).</param>
    /// <param name="finished">Takes back a state once its thread has no more indices to run, if the caller keeps states.</param>
    public static void For<TState>(int count, Func<TState> state, Action<int, TState> body, Action<TState>? finished = null)
    {
        var failures = new ConcurrentDictionary<int, Exception>();
        Parallel.For(0, count, state, (i, _, local) =>
        {
            try
            {
                body(i, local);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
            return local;
        }, local => finished?.Invoke(local));
        if (!failures.IsEmpty) ExceptionDispatchInfo.Capture(failures[failures.Keys.Min()]).Throw();
    }
}
