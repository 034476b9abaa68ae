using ControlPlane.Domain.Scheduling;

namespace ControlPlane.Bench;

/// <summary>
/// First-fit decreasing, the baseline run side by side: batches sorted by memory, each into the first host (in
/// instance order) with room; hotspots by moving each hot host's VMs in decreasing CPU order to the first host with
/// room under the threshold, until it is cool.
/// </summary>
internal static class FfdBaseline
{
    public static int HostsUsed(ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest> requests)
    {
        var hosts = snapshot.Hosts.Where(h => h.State == SchedulerHostState.Connected).ToArray();
        var mem = hosts.Select(h => h.MemoryMiB - snapshot.Vms.Where(v => v.HostId == h.Id).Sum(v => v.MemoryReservedMiB)).ToArray();
        var cpu = hosts.Select(h => (h.CpuCores * snapshot.Settings.CpuThresholdPercent / 100.0) - snapshot.Vms.Where(v => v.HostId == h.Id).Sum(v => v.CpuUsedCores)).ToArray();
        var vcpu = hosts.Select(h => (int)Math.Floor(h.CpuCores * snapshot.Settings.VcpuAllocationRatio) - snapshot.Vms.Where(v => v.HostId == h.Id).Sum(v => v.Vcpus)).ToArray();
        var used = hosts.Select(h => snapshot.Vms.Any(v => v.HostId == h.Id)).ToArray();
        foreach (var r in requests.OrderByDescending(r => r.MemoryReservedMiB))
        {
            int b;
            for (b = 0; b < hosts.Length; b++)
            {
                if (mem[b] >= r.MemoryReservedMiB && cpu[b] + 1e-9 >= r.CpuUsedCores && vcpu[b] >= r.Vcpus && hosts[b].CpuCores >= r.Vcpus)
                {
                    break;
                }
            }
            if (b < hosts.Length)
            {
                (mem[b], cpu[b], vcpu[b], used[b]) = (mem[b] - r.MemoryReservedMiB, cpu[b] - r.CpuUsedCores, vcpu[b] - r.Vcpus, true);
            }
        }
        return used.Count(u => u);
    }

    /// <summary>Memory copied by the baseline, and whether it cooled every hot host.</summary>
    public static (long CostMiB, bool Resolved) Hotspot(ClusterSnapshot snapshot)
    {
        var hosts = snapshot.Hosts.ToArray();
        var byHost = snapshot.Vms.ToLookup(v => v.HostId);
        var mem = hosts.ToDictionary(h => h.Id, h => byHost[h.Id].Sum(v => v.MemoryReservedMiB), StringComparer.Ordinal);
        var cpu = hosts.ToDictionary(h => h.Id, h => byHost[h.Id].Sum(v => v.CpuUsedCores), StringComparer.Ordinal);
        double Limit(SchedulerHost h) => (h.CpuCores * snapshot.Settings.CpuThresholdPercent / 100.0) + 1e-9;
        long cost = 0;
        var resolved = true;
        foreach (var hot in hosts.Where(h => h.State == SchedulerHostState.Connected && cpu[h.Id] > Limit(h)))
        {
            foreach (var vm in byHost[hot.Id].Where(v => v.Movable).OrderByDescending(v => v.CpuUsedCores))
            {
                if (cpu[hot.Id] <= Limit(hot))
                {
                    break;
                }
                var to = hosts.FirstOrDefault(h => h.Id != hot.Id && h.State == SchedulerHostState.Connected && h.CpuCores >= vm.Vcpus
                    && mem[h.Id] + vm.MemoryReservedMiB <= h.MemoryMiB && cpu[h.Id] + vm.CpuUsedCores <= Limit(h));
                if (to is null)
                {
                    continue;
                }
                (mem[hot.Id], cpu[hot.Id], mem[to.Id], cpu[to.Id]) = (mem[hot.Id] - vm.MemoryReservedMiB, cpu[hot.Id] - vm.CpuUsedCores,
                    mem[to.Id] + vm.MemoryReservedMiB, cpu[to.Id] + vm.CpuUsedCores);
                cost += vm.MemoryMiB;
            }
            resolved &= cpu[hot.Id] <= Limit(hot);
        }
        return (cost, resolved);
    }
}
