using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>The orders in which a batch is tried: decreasing by largest normalised dimension, by their sum, by memory, by CPU.</summary>
internal static class PackOrders
{
    public static int[][] For(ClusterState state, int[] items, int[] hosts)
    {
        var mem = hosts.Length == 0 ? 1.0 : hosts.Average(h => (double)state.Hosts[h].MemoryMiB);
        var cpu = hosts.Length == 0 ? 1.0 : Math.Max(1, hosts.Average(h => (double)state.CpuLimit[h]));
        Func<int, double>[] keys =
        [
            v => Math.Max(state.Vms[v].MemoryReservedMiB / mem, state.VmCpu[v] / cpu),
            v => (state.Vms[v].MemoryReservedMiB / mem) + (state.VmCpu[v] / cpu),
            v => state.Vms[v].MemoryReservedMiB,
            v => state.VmCpu[v],
        ];
        return [.. keys.Select(key => items.OrderByDescending(key).ThenBy(v => v).ToArray())];
    }
}
