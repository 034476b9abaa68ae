namespace ControlPlane.Agent.Reconciliation;

/// <summary>
/// A deduplicating queue of VM ids, after client-go's workqueue: an id queued twice is processed once,
/// and an id added while it is being processed is processed again afterwards, never concurrently.
/// Callers take an id, reconcile it, then call <see cref="Done"/>.
/// </summary>
internal sealed class WorkQueue(TimeProvider time) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<Guid> _queue = new();
    private readonly HashSet<Guid> _dirty = [];
    private readonly HashSet<Guid> _processing = [];
    private readonly Dictionary<Guid, (DateTimeOffset Due, ITimer Timer)> _delayed = [];
    private readonly SemaphoreSlim _available = new(0);
    private bool _disposed;

    public void Add(Guid vmId)
    {
        lock (_lock)
        {
            if (_disposed || !_dirty.Add(vmId) || _processing.Contains(vmId))
            {
                return;
            }
            _queue.Enqueue(vmId);
            _available.Release();
        }
    }

    /// <summary>Adds the id once <paramref name="delay"/> has passed; an earlier pending add wins.</summary>
    public void AddAfter(Guid vmId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(vmId);
            return;
        }
        var due = time.GetUtcNow() + delay;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            if (_delayed.TryGetValue(vmId, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }
                pending.Timer.Dispose();
            }
            var timer = time.CreateTimer(_ => AddDelayed(vmId), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _delayed[vmId] = (due, timer);
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Waits for the next id and marks it as being processed.</summary>
    public async Task<Guid> TakeAsync(CancellationToken ct)
    {
        await _available.WaitAsync(ct);
        lock (_lock)
        {
            var vmId = _queue.Dequeue();
            _dirty.Remove(vmId);
            _processing.Add(vmId);
            return vmId;
        }
    }

    public void Done(Guid vmId)
    {
        lock (_lock)
        {
            _processing.Remove(vmId);
            if (_disposed || !_dirty.Contains(vmId))
            {
                return;
            }
            _queue.Enqueue(vmId);
            _available.Release();
        }
    }

    /// <summary>Whether nothing is queued or being processed right now (delayed adds aside).</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count == 0 && _processing.Count == 0;
            }
        }
    }

    /// <summary>Whether the id is queued or has a delayed add pending.</summary>
    public bool IsPending(Guid vmId)
    {
        lock (_lock)
        {
            return _dirty.Contains(vmId) || _delayed.ContainsKey(vmId);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var (_, timer) in _delayed.Values)
            {
                timer.Dispose();
            }
            _delayed.Clear();
        }
        _available.Dispose();
    }

    private void AddDelayed(Guid vmId)
    {
        lock (_lock)
        {
            if (_delayed.Remove(vmId, out var pending))
            {
                pending.Timer.Dispose();
            }
        }
        Add(vmId);
    }
}
