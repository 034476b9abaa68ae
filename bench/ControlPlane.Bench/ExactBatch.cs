using ControlPlane.Domain.Scheduling;

namespace ControlPlane.Bench;

/// <summary>
/// Brute force, independent of the placer: the fewest CONNECTED hosts that can hold every request (memory; CPU up
/// to the threshold; vCPUs per core and the allocation ratio), by trying every host set of size k, smallest k first.
/// </summary>
internal static class ExactBatch
{
    public static int? MinHosts(ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest> requests)
    {
        var hosts = snapshot.Hosts.Where(h => h.State == SchedulerHostState.Connected).ToArray();
        var items = requests.OrderByDescending(r => r.MemoryReservedMiB).ThenByDescending(r => r.CpuUsedCores).ToArray();
        for (var k = 1; k <= hosts.Length; k++)
        {
            foreach (var set in Subsets(hosts.Length, k))
            {
                var mem = set.Select(i => hosts[i].MemoryMiB).ToArray();
                var cpu = set.Select(i => hosts[i].CpuCores * snapshot.Settings.CpuThresholdPercent / 100.0 + 1e-9).ToArray();
                var vcpu = set.Select(i => (int)Math.Floor(hosts[i].CpuCores * snapshot.Settings.VcpuAllocationRatio)).ToArray();
                var cores = set.Select(i => hosts[i].CpuCores).ToArray();
                if (Assign(items, 0, mem, cpu, vcpu, cores))
                {
                    return k;
                }
            }
        }
        return null;
    }

    private static bool Assign(PlacementRequest[] items, int i, long[] mem, double[] cpu, int[] vcpu, int[] cores)
    {
        if (i == items.Length)
        {
            return true;
        }
        var r = items[i];
        var tried = new HashSet<(long, double, int, int)>();
        for (var b = 0; b < mem.Length; b++)
        {
            if (mem[b] < r.MemoryReservedMiB || cpu[b] < r.CpuUsedCores || vcpu[b] < r.Vcpus || cores[b] < r.Vcpus || !tried.Add((mem[b], cpu[b], vcpu[b], cores[b])))
            {
                continue;
            }
            (mem[b], cpu[b], vcpu[b]) = (mem[b] - r.MemoryReservedMiB, cpu[b] - r.CpuUsedCores, vcpu[b] - r.Vcpus);
            var ok = Assign(items, i + 1, mem, cpu, vcpu, cores);
            (mem[b], cpu[b], vcpu[b]) = (mem[b] + r.MemoryReservedMiB, cpu[b] + r.CpuUsedCores, vcpu[b] + r.Vcpus);
            if (ok)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return [.. index];
            var j = k - 1;
            while (j >= 0 && index[j] == n - k + j)
            {
                j--;
            }
            if (j < 0)
            {
                yield break;
            }
            index[j]++;
            for (var m = j + 1; m < k; m++)
            {
                index[m] = index[m - 1] + 1;
            }
        }
    }
}
