using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Fewest hosts that could hold everything: per dimension (reserved memory; CPU up to the threshold), the fewest
/// CONNECTED hosts, largest first, whose capacity covers the total demand; the maximum over dimensions, and never
/// fewer than the hosts already running VMs.
/// </summary>
internal static class HostLowerBound
{
    public static int Of(ClusterState state)
    {
        var connected = Enumerable.Range(0, state.Hosts.Length).Where(state.IsConnected).ToArray();
        var memory = Cover(connected.Select(h => state.Hosts[h].MemoryMiB), state.Vms.Sum(v => v.MemoryReservedMiB));
        var cpu = Cover(connected.Select(h => state.CpuLimit[h]), state.VmCpu.Sum());
        var used = Enumerable.Range(0, state.Hosts.Length).Count(h => state.HostOf.Any(x => x == h));
        return Math.Max(used, Math.Max(memory, cpu));
    }

    private static int Cover(IEnumerable<long> capacities, long demand)
    {
        var (count, sum) = (0, 0L);
        foreach (var c in capacities.OrderDescending())
        {
            if (sum >= demand)
            {
                break;
            }
            sum += c;
            count++;
        }
        return count;
    }
}
