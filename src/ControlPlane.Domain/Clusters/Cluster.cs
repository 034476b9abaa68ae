using ControlPlane.Domain.Common;

namespace ControlPlane.Domain.Clusters;

/// <summary>A cluster of hosts with its scheduling settings.</summary>
public sealed class Cluster
{
    private Cluster() { }

    public Cluster(ClusterId id, string name)
    {
        Id = id;
        Name = name;
    }

    public ClusterId Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>vCPUs that may be allocated per physical core (Nova's initial allocation ratio is 4.0).</summary>
    public double VcpuAllocationRatio { get; private set; } = 4.0;

    /// <summary>Lowest common CPU model every VM is presented, unless the VM names its own.</summary>
    public string? CpuBaseline { get; private set; }

    public long Version { get; private set; }
}
