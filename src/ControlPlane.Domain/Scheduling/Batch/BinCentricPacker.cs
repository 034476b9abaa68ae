using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Bin-centric packing for several dimensions at once: open one host, then keep adding the VM whose demand best
/// matches what the host has left (largest dot product of the two, each dimension weighted by how scarce it is
/// cluster-wide) until none fits; then open the next host in ranking order.
/// </summary>
internal static class BinCentricPacker
{
    public static bool Pack(ClusterState state, int[] items, int[] ranking)
    {
        var connected = ranking;
        var memWeight = state.Vms.Sum(v => v.MemoryReservedMiB) / (double)Math.Max(1, connected.Sum(h => state.Hosts[h].MemoryMiB));
        var cpuWeight = state.VmCpu.Sum() / (double)Math.Max(1, connected.Sum(h => state.CpuLimit[h]));
        var remaining = items.OrderByDescending(v => state.Vms[v].MemoryReservedMiB).ToList();
        foreach (var h in ranking)
        {
            if (remaining.Count == 0)
            {
                return true;
            }
            while (true)
            {
                var (best, bestScore) = (-1, double.MinValue);
                for (var i = 0; i < remaining.Count; i++)
                {
                    var v = remaining[i];
                    if (!state.Fits(v, h, keepShould: true) || !state.CpuFits(v, h))
                    {
                        continue;
                    }
                    var score = (memWeight * state.Vms[v].MemoryReservedMiB * state.MemFree(h) / Square(state.Hosts[h].MemoryMiB))
                        + (cpuWeight * state.VmCpu[v] * (double)state.CpuHeadroom(h) / Square(state.CpuLimit[h]));
                    if (score > bestScore)
                    {
                        (best, bestScore) = (i, score);
                    }
                }
                if (best < 0)
                {
                    break;
                }
                state.Move(remaining[best], h);
                remaining.RemoveAt(best);
            }
        }
        return remaining.Count == 0;
    }

    private static double Square(long x) => Math.Max(1.0, (double)x * x);
}
