using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Orders in which a batch opens hosts: hosts already running VMs first, then by normalised size (sum, smaller
/// side, memory, CPU), and one greedy order that each time takes the host covering most of the demand still uncovered.
/// </summary>
internal static class HostRankings
{
    public static List<int[]> For(ClusterState state, int[] connected)
    {
        var used = connected.Where(h => state.HostOf.Contains(h)).ToHashSet();
        var (maxMem, maxCpu) = ((double)connected.Max(h => state.Hosts[h].MemoryMiB), (double)Math.Max(1, connected.Max(h => state.CpuLimit[h])));
        Func<int, double>[] keys =
        [
            h => (state.Hosts[h].MemoryMiB / maxMem) + (state.CpuLimit[h] / maxCpu),
            h => Math.Min(state.Hosts[h].MemoryMiB / maxMem, state.CpuLimit[h] / maxCpu),
            h => state.Hosts[h].MemoryMiB,
            h => state.CpuLimit[h],
        ];
        List<int[]> rankings = [.. keys.Select(key => connected.OrderByDescending(h => used.Contains(h)).ThenByDescending(key).ThenBy(h => h).ToArray())];
        rankings.Insert(0, Coverage(state, connected, used));
        rankings.Insert(0, [.. HostLowerBound.Compute(state).Ranking.OrderByDescending(used.Contains)]);
        return rankings;
    }

    private static int[] Coverage(ClusterState state, int[] connected, HashSet<int> used)
    {
        var mem = (double)Math.Max(1, state.Vms.Sum(v => v.MemoryReservedMiB));
        var cpu = (double)Math.Max(1, state.VmCpu.Sum());
        var (leftMem, leftCpu) = (mem, cpu);
        var order = new List<int>();
        var rest = connected.ToList();
        foreach (var h in connected.Where(used.Contains))
        {
            (leftMem, leftCpu) = (leftMem - state.Hosts[h].MemoryMiB, leftCpu - state.CpuLimit[h]);
            order.Add(h);
            rest.Remove(h);
        }
        while (rest.Count > 0)
        {
            var (lm, lc) = (Math.Max(leftMem, mem * 0.02), Math.Max(leftCpu, cpu * 0.02));
            var next = rest.OrderByDescending(h => (Math.Min(state.Hosts[h].MemoryMiB, lm) / lm) + (Math.Min(state.CpuLimit[h], lc) / lc)).ThenBy(h => h).First();
            (leftMem, leftCpu) = (leftMem - state.Hosts[next].MemoryMiB, leftCpu - state.CpuLimit[next]);
            order.Add(next);
            rest.Remove(next);
        }
        return [.. order];
    }
}
