namespace ControlPlane.Domain.Scheduling;

/// <summary>What is already committed on one host: the sums the filters compare with its capacity.</summary>
public sealed class HostLoad
{
    public HostLoad(SchedulerHost host) => Host = host;

    public SchedulerHost Host { get; }
    public long ReservedMemoryMiB { get; private set; }
    public int AllocatedVcpus { get; private set; }
    public double CpuUsedCores { get; private set; }
    public int VmCount { get; private set; }

    public long FreeMemoryMiB => Host.MemoryMiB - ReservedMemoryMiB;

    public void Add(long reservedMemoryMiB, int vcpus, double cpuUsedCores)
    {
        ReservedMemoryMiB += reservedMemoryMiB;
        AllocatedVcpus += vcpus;
        CpuUsedCores += cpuUsedCores;
        VmCount++;
    }

    public static Dictionary<string, HostLoad> From(ClusterSnapshot snapshot)
    {
        var loads = snapshot.Hosts.ToDictionary(h => h.Id, h => new HostLoad(h), StringComparer.Ordinal);
        foreach (var vm in snapshot.Vms)
        {
            if (loads.TryGetValue(vm.HostId, out var load))
            {
                load.Add(vm.MemoryReservedMiB, vm.Vcpus, vm.CpuUsedCores);
            }
        }
        return loads;
    }
}
