namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>
/// A VM gets no more vCPUs than its host has cores, and a host's allocated vCPUs stay within its cores
/// times the cluster's allocation ratio.
/// </summary>
public sealed class VcpuFilter : IHostFilter
{
    public string Name => nameof(VcpuFilter);

    public string? Reject(HostLoad host, PlacementRequest request, ClusterSnapshot snapshot)
    {
        if (request.Vcpus > host.Host.CpuCores)
        {
            return $"{request.Vcpus} vCPUs exceed the host's {host.Host.CpuCores} cores";
        }
        var allocatable = (int)Math.Floor(host.Host.CpuCores * snapshot.Settings.VcpuAllocationRatio);
        return host.AllocatedVcpus + request.Vcpus > allocatable
            ? $"{allocatable - host.AllocatedVcpus} allocatable vCPUs free, {request.Vcpus} needed"
            : null;
    }
}
