using Geo.MapViewer.Session;

namespace Geo.Tests.MapViewer;

/// <summary>The server's result cache: a byte budget with least-recently-used eviction, one computation per key, nothing kept from a failed run.</summary>
public sealed class ResultCacheTests
{
    private static byte[] Bytes(int n) => new byte[n];

    [Fact]
    public void GetOrAdd_over_budget_drops_the_least_recently_used()
    {
        var cache = new ResultCache(1000);
        cache.GetOrAdd("a", _ => Bytes(400), b => b.Length, default);
        cache.GetOrAdd("b", _ => Bytes(400), b => b.Length, default);
        cache.GetOrAdd<byte[]>("a", _ => throw new InvalidOperationException("a is cached"), b => b.Length, default);
        cache.GetOrAdd("c", _ => Bytes(400), b => b.Length, default);
        Assert.True(cache.Contains("a"));
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Contains("c"));
        Assert.Equal(800, cache.UsedBytes);
        Assert.Equal(1, cache.Evictions);
    }

    [Fact]
    public void GetOrAdd_recomputes_a_dropped_result()
    {
        var cache = new ResultCache(500);
        int computed = 0;
        for (int round = 0; round < 3; round++)
        {
            cache.GetOrAdd("a", _ => { computed++; return Bytes(400); }, b => b.Length, default);
            cache.GetOrAdd("b", _ => Bytes(400), b => b.Length, default);
        }
        Assert.Equal(3, computed);
        Assert.True(cache.UsedBytes <= 500);
    }

    [Fact]
    public void GetOrAdd_keeps_pinned_results_and_never_keeps_one_larger_than_the_budget()
    {
        var cache = new ResultCache(1000);
        cache.GetOrAdd("first view", _ => Bytes(700), b => b.Length, default, pin: true);
        for (int i = 0; i < 10; i++) cache.GetOrAdd(i, _ => Bytes(200), b => b.Length, default);
        var huge = cache.GetOrAdd("huge", _ => Bytes(5000), b => b.Length, default);
        Assert.Equal(5000, huge.Length);
        Assert.True(cache.Contains("first view"));
        Assert.False(cache.Contains("huge"));
        Assert.True(cache.UsedBytes <= 1000, $"{cache.UsedBytes} bytes held");
    }

    [Fact]
    public void GetOrAdd_computes_once_for_simultaneous_requests()
    {
        var cache = new ResultCache(1 << 20);
        int computed = 0;
        using var release = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetOrAdd("k", _ =>
        {
            Interlocked.Increment(ref computed);
            release.Wait();
            return Bytes(10);
        }, b => b.Length, default))).ToArray();
        Thread.Sleep(200);
        release.Set();
        Task.WaitAll(tasks);
        Assert.Equal(1, computed);
        Assert.All(tasks, t => Assert.Same(tasks[0].Result, t.Result));
    }

    [Fact]
    public void GetOrAdd_keeps_nothing_from_a_failed_or_cancelled_run()
    {
        var cache = new ResultCache(1 << 20);
        Assert.Throws<GeoInputException>(() => cache.GetOrAdd("k", _ => throw new GeoInputException("bad"), (byte[] b) => b.Length, default));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => cache.GetOrAdd("k", c => { c.ThrowIfCancellationRequested(); return Bytes(1); }, b => b.Length, cancelled.Token));
        Assert.False(cache.Contains("k"));
        Assert.Equal(0, cache.UsedBytes);
        Assert.Equal(3, cache.GetOrAdd("k", _ => Bytes(3), b => b.Length, default).Length);
    }

    [Fact]
    public void GetOrAdd_waiter_computes_itself_when_the_first_request_is_cancelled()
    {
        var cache = new ResultCache(1 << 20);
        using var first = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        var cancelledRun = Task.Run(() => cache.GetOrAdd("k", c =>
        {
            started.Set();
            c.WaitHandle.WaitOne();
            c.ThrowIfCancellationRequested();
            return Bytes(1);
        }, b => b.Length, first.Token));
        started.Wait();
        var waiter = Task.Run(() => cache.GetOrAdd("k", _ => Bytes(7), b => b.Length, default));
        Thread.Sleep(100);
        first.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => cancelledRun.GetAwaiter().GetResult());
        Assert.Equal(7, waiter.GetAwaiter().GetResult().Length);
    }
}
