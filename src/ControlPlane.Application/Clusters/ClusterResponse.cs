using ControlPlane.Domain.Clusters;

namespace ControlPlane.Application.Clusters;

public sealed record ClusterResponse(Guid Id, string Name, double VcpuAllocationRatio, string? CpuBaseline, int Hosts)
{
    public static ClusterResponse From(Cluster cluster, int hosts) =>
        new(cluster.Id.Value, cluster.Name, cluster.VcpuAllocationRatio, cluster.CpuBaseline, hosts);
}
