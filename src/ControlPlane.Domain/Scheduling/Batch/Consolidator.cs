using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Tightens a packing: tries to empty each used host (least loaded first) by re-placing its batch VMs, largest
/// first, into the other used hosts (best fit, else by ejecting a smaller batch VM); keeps every success, so the
/// count only goes down.
/// </summary>
internal static class Consolidator
{
    public static void Tighten(ClusterState state, int[] items, int lowerBound)
    {
        var batch = items.ToHashSet();
        var improved = true;
        while (improved && BatchPlacer.UsedHosts(state) > lowerBound)
        {
            improved = false;
            var used = Enumerable.Range(0, state.Hosts.Length).Where(h => state.HostOf.Contains(h)).ToList();
            foreach (var victim in used.OrderBy(h => Load(state, h)).ThenBy(h => h))
            {
                var vms = Enumerable.Range(0, state.Vms.Length).Where(v => state.HostOf[v] == victim).ToList();
                if (vms.Any(v => !batch.Contains(v)) || !TryEmpty(state, victim, vms, [.. used.Where(h => h != victim)], batch))
                {
                    continue;
                }
                improved = true;
                break;
            }
        }
    }

    private static double Load(ClusterState state, int h) =>
        ((double)state.MemUsed[h] / state.Hosts[h].MemoryMiB) + ((double)state.CpuUsed[h] / Math.Max(1, state.CpuLimit[h]));

    private static bool TryEmpty(ClusterState state, int victim, List<int> vms, List<int> others, HashSet<int> batch)
    {
        var moved = new List<int>();
        foreach (var v in vms.OrderByDescending(v => state.Vms[v].MemoryReservedMiB))
        {
            var to = BatchPlacer.Choose(state, v, others, bestFit: true, keepShould: true);
            if (to < 0 && EjectionRepair.Place(state, v, [.. others], batch))
            {
                moved.Add(v);
                continue;
            }
            if (to < 0)
            {
                foreach (var u in moved)
                {
                    state.Move(u, victim);
                }
                return false;
            }
            state.Move(v, to);
            moved.Add(v);
        }
        return true;
    }
}
