namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>Only CONNECTED hosts take new VMs: not unreachable ones, nor hosts in maintenance.</summary>
public sealed class HostStateFilter : IHostFilter
{
    public string Name => nameof(HostStateFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => host.Host.State == SchedulerHostState.Connected;

    public string Explain(HostLoad host, PlacementContext context) => $"host is {host.Host.State}";
}
