namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>
/// A VM gets no more vCPUs than its host has cores, and a host's allocated vCPUs stay within its cores
/// times the cluster's allocation ratio.
/// </summary>
public sealed class VcpuFilter : IHostFilter
{
    public string Name => nameof(VcpuFilter);

    public bool Accepts(HostLoad host, PlacementContext context) =>
        context.Request.Vcpus <= host.Host.CpuCores && host.AllocatedVcpus + context.Request.Vcpus <= Allocatable(host, context);

    public string Explain(HostLoad host, PlacementContext context) =>
        context.Request.Vcpus > host.Host.CpuCores
            ? $"{context.Request.Vcpus} vCPUs exceed the host's {host.Host.CpuCores} cores"
            : $"{Allocatable(host, context) - host.AllocatedVcpus} allocatable vCPUs free, {context.Request.Vcpus} needed";

    private static int Allocatable(HostLoad host, PlacementContext context) =>
        (int)Math.Floor(host.Host.CpuCores * context.Snapshot.Settings.VcpuAllocationRatio);
}
