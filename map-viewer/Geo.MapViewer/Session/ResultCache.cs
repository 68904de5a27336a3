namespace Geo.MapViewer.Session;

/// <summary>
/// Results keyed by request values (an audit per profile and break, siting problems, tiles …) kept within a byte
/// budget: when the estimated sizes pass it, the least recently used results are dropped and worked out again when
/// asked for. A result is computed once however many requests ask for it at the same time; a computation that fails
/// or is cancelled is not kept, and a request that was waiting for it computes it itself.
/// </summary>
public sealed class ResultCache(long budgetBytes)
{
    private readonly object _lock = new();
    private readonly Dictionary<object, Entry> _entries = new();
    private readonly LinkedList<Entry> _recency = new();
    private long _usedBytes, _evictions, _droppedSinceCollection;

    public long BudgetBytes { get; } = budgetBytes > 0 ? budgetBytes : throw new ArgumentOutOfRangeException(nameof(budgetBytes), "the cache budget must be positive");

    /// <summary>The estimated bytes held now, pinned results included.</summary>
    public long UsedBytes { get { lock (_lock) return _usedBytes; } }

    public int Count { get { lock (_lock) return _entries.Count; } }

    /// <summary>How many results were dropped to stay within the budget since the start.</summary>
    public long Evictions { get { lock (_lock) return _evictions; } }

    public bool Contains(object key)
    {
        lock (_lock) return _entries.TryGetValue(key, out var e) && e.Done.Task.IsCompletedSuccessfully;
    }

    /// <summary>
    /// The cached result for <paramref name="key"/>, or <paramref name="compute"/>'s, kept when it fits. A pinned result
    /// (what the first page view needs) is never dropped; it counts toward the budget all the same.
    /// </summary>
    public T GetOrAdd<T>(object key, Func<CancellationToken, T> compute, Func<T, long> estimateBytes, CancellationToken cancellation, bool pin = false)
        where T : class
    {
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            Entry entry;
            bool mine;
            lock (_lock)
            {
                mine = !_entries.TryGetValue(key, out entry!);
                if (mine)
                {
                    entry = new Entry(key);
                    _entries[key] = entry;
                    entry.Node = _recency.AddFirst(entry);
                }
                else
                {
                    _recency.Remove(entry.Node!);
                    _recency.AddFirst(entry.Node!);
                }
                entry.Pinned |= pin;
            }
            if (mine) return Compute(entry, compute, estimateBytes, cancellation);
            try
            {
                entry.Done.Task.Wait(cancellation);
                return (T)entry.Done.Task.Result;
            }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException && !cancellation.IsCancellationRequested)
            {
                // The request computing it went away; this one still wants it, so it tries again.
            }
            catch (AggregateException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }

    /// <summary>Drops every result (pinned ones too) whose key matches; used when a result depends on another one being dropped.</summary>
    public void RemoveWhere(Func<object, bool> match)
    {
        lock (_lock)
        {
            foreach (var entry in _entries.Values.Where(e => match(e.Key)).ToList()) Remove(entry);
        }
    }

    private T Compute<T>(Entry entry, Func<CancellationToken, T> compute, Func<T, long> estimateBytes, CancellationToken cancellation) where T : class
    {
        T value;
        long bytes;
        try
        {
            value = compute(cancellation);
            bytes = Math.Max(1, estimateBytes(value));
        }
        catch (Exception e)
        {
            lock (_lock) if (_entries.TryGetValue(entry.Key, out var current) && current == entry) Remove(entry);
            entry.Done.TrySetException(e);
            throw;
        }
        bool collect = false;
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Key, out var current) && current == entry)
            {
                entry.Bytes = bytes;
                _usedBytes += bytes;
                if (!entry.Pinned && bytes > BudgetBytes)
                {
                    Remove(entry);
                    _droppedSinceCollection += bytes;
                }
                else EvictBeyondBudget(keep: entry);
            }
            if (_droppedSinceCollection > BudgetBytes / 4)
            {
                _droppedSinceCollection = 0;
                collect = true;
            }
        }
        entry.Done.TrySetResult(value);
        // Dropped results sit in the oldest generation, which the runtime may leave uncollected for a long time; a
        // background collection (no long pause) gives their memory back, so resident memory follows the budget.
        if (collect) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
        return value;
    }

    private void EvictBeyondBudget(Entry keep)
    {
        var node = _recency.Last;
        while (_usedBytes > BudgetBytes && node is not null)
        {
            var previous = node.Previous;
            var e = node.Value;
            if (e != keep && !e.Pinned && e.Done.Task.IsCompleted)
            {
                _droppedSinceCollection += e.Bytes;
                Remove(e);
                _evictions++;
            }
            node = previous;
        }
    }

    private void Remove(Entry entry)
    {
        _entries.Remove(entry.Key);
        if (entry.Node?.List is not null) _recency.Remove(entry.Node);
        _usedBytes -= entry.Bytes;
        entry.Bytes = 0;
    }

    private sealed class Entry(object key)
    {
        public object Key { get; } = key;
        public TaskCompletionSource<object> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Entry>? Node { get; set; }
        public long Bytes { get; set; }
        public bool Pinned { get; set; }
    }
}
