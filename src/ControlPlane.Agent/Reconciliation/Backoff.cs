using System.Collections.Concurrent;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>Per-VM exponential backoff: the first retry waits <c>initial</c>, each further one twice as long, up to <c>cap</c>.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan cap)
{
    private readonly ConcurrentDictionary<Guid, int> _failures = new();

    public static Backoff Default() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>Counts one more failure of <paramref name="vmId"/> and returns how long to wait before retrying.</summary>
    public TimeSpan NextDelay(Guid vmId)
    {
        var failures = _failures.AddOrUpdate(vmId, 1, (_, n) => n + 1);
        var exponent = Math.Min(failures - 1, 30);
        var delay = initial * Math.Pow(2, exponent);
        return delay < cap ? delay : cap;
    }

    public void Forget(Guid vmId) => _failures.TryRemove(vmId, out _);
}
