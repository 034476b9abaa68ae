using System.Collections.Concurrent;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>When the power button was pressed on each VM that is going down gracefully.</summary>
internal sealed class PowerdownTracker(TimeProvider time, TimeSpan timeout)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _requestedAt = new();

    /// <summary>How long a guest gets between the power button and a hard stop.</summary>
    public TimeSpan Timeout => timeout;

    public void Begin(Guid vmId) => _requestedAt.TryAdd(vmId, time.GetUtcNow());

    public void Clear(Guid vmId) => _requestedAt.TryRemove(vmId, out _);

    public PowerdownProgress ProgressOf(Guid vmId) =>
        !_requestedAt.TryGetValue(vmId, out var requestedAt) ? PowerdownProgress.NotRequested
        : time.GetUtcNow() - requestedAt >= timeout ? PowerdownProgress.Expired
        : PowerdownProgress.Pending;

    /// <summary>How long until the guest's grace period ends (zero once it has).</summary>
    public TimeSpan Remaining(Guid vmId) =>
        _requestedAt.TryGetValue(vmId, out var requestedAt)
            ? TimeSpan.FromTicks(Math.Max(0, (requestedAt + timeout - time.GetUtcNow()).Ticks))
            : TimeSpan.Zero;
}
