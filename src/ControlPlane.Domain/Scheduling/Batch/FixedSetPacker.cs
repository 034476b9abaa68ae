using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Packs a batch into a fixed set of hosts: VMs in decreasing size, each to the host that stays most balanced
/// (memory and CPU utilisation closest to each other after it lands), fuller hosts first among equals, so no host
/// fills up in one dimension while the other is left stranded; or, as a third try, to the host whose remaining
/// capacity best matches its demand (dot product, dimensions weighted by scarcity). Used to search (by bisection) for the smallest host
/// count between the lower bound and the best packing found so far.
/// </summary>
internal static class FixedSetPacker
{
    public static ClusterState? Smallest(ClusterState root, int[] items, int lowerBound, int bestCount, List<int[]> rankings)
    {
        ClusterState? best = null;
        var (low, high) = (lowerBound, bestCount - 1);
        while (low <= high)
        {
            var k = (low + high) / 2;
            var packed = TryAll(root, items, k, rankings);
            if (packed is not null)
            {
                (best, high) = (packed, k - 1);
            }
            else
            {
                low = k + 1;
            }
        }
        return best;
    }

    private static ClusterState? TryAll(ClusterState root, int[] items, int k, List<int[]> rankings)
    {
        foreach (var ranking in rankings)
        {
            var hosts = ranking.Take(k).ToArray();
            foreach (var order in PackOrders.For(root, items, hosts).Take(2))
            {
                foreach (var fullness in Fullness)
                {
                    var state = root.Clone();
                    if (Pack(state, order, hosts, fullness))
                    {
                        return state;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>A pass that leaves more VMs than this for the ejection repair gives up early.</summary>
    private const int MaxRepairs = 12;

    /// <summary>How much a fuller host counts against balance; negative selects the dot-product rule instead.</summary>
    private static readonly double[] Fullness = [0.1, 0.4, -1];

    private static bool Pack(ClusterState state, int[] order, int[] hosts, double fullness)
    {
        var memWeight = state.Vms.Sum(v => v.MemoryReservedMiB) / (double)Math.Max(1, hosts.Sum(h => state.Hosts[h].MemoryMiB));
        var cpuWeight = state.VmCpu.Sum() / (double)Math.Max(1, hosts.Sum(h => state.CpuLimit[h]));
        var left = new List<int>();
        foreach (var v in order)
        {
            var best = Best(state, v, hosts, fullness, memWeight, cpuWeight);
            if (best < 0)
            {
                left.Add(v);
                if (left.Count > MaxRepairs)
                {
                    return false;
                }
                continue;
            }
            state.Move(v, best);
        }
        var batch = order.ToHashSet();
        return left.All(v => EjectionRepair.Place(state, v, hosts, batch));
    }

    private static int Best(ClusterState state, int v, int[] hosts, double fullness, double memWeight, double cpuWeight)
    {
        var (best, bestScore) = (-1, double.MinValue);
        foreach (var keepShould in new[] { true, false })
        {
            foreach (var h in hosts)
            {
                if (!state.Fits(v, h, keepShould) || !state.CpuFits(v, h))
                {
                    continue;
                }
                var memory = (state.MemUsed[h] + state.Vms[v].MemoryReservedMiB) / (double)state.Hosts[h].MemoryMiB;
                var cpu = (state.CpuUsed[h] + state.VmCpu[v]) / Math.Max(1.0, state.CpuLimit[h]);
                var score = fullness >= 0
                    ? -Math.Abs(memory - cpu) + (fullness * (memory + cpu))
                    : (memWeight * state.Vms[v].MemoryReservedMiB / state.Hosts[h].MemoryMiB * state.MemFree(h) / state.Hosts[h].MemoryMiB)
                      + (cpuWeight * state.VmCpu[v] / Math.Max(1.0, state.CpuLimit[h]) * state.CpuHeadroom(h) / Math.Max(1.0, state.CpuLimit[h]));
                if (score > bestScore)
                {
                    (best, bestScore) = (h, score);
                }
            }
            if (best >= 0)
            {
                return best;
            }
        }
        return -1;
    }
}
