namespace ControlPlane.Agent.Hypervisor;

/// <summary>
/// Optionally implemented by a hypervisor that notices VM changes by itself (a guest shut down, a process
/// died). Each id yielded only triggers a reconcile of that VM; what changed is read again from the
/// hypervisor.
/// </summary>
internal interface IVmEventSource
{
    IAsyncEnumerable<Guid> WatchAsync(CancellationToken ct);
}
