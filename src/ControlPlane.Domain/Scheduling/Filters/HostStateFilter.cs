namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>Only CONNECTED hosts take new VMs: not unreachable ones, nor hosts in maintenance.</summary>
public sealed class HostStateFilter : IHostFilter
{
    public string Name => nameof(HostStateFilter);

    public string? Reject(HostLoad host, PlacementRequest request, ClusterSnapshot snapshot) =>
        host.Host.State == SchedulerHostState.Connected ? null : $"host is {host.Host.State}";
}
