using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Places a VM that fits no host of a fixed set by ejecting one smaller batch VM from a host to another host of the
/// set, when that frees enough room (one level of an ejection chain); the smallest ejected VM that works wins. Only
/// VMs of the batch (<c>ejectable</c>) are ever ejected: VMs already running stay where they are.
/// </summary>
internal static class EjectionRepair
{
    public static bool Place(ClusterState state, int v, int[] hosts, IReadOnlySet<int> ejectable)
    {
        var vm = state.Vms[v];
        foreach (var h in hosts.OrderBy(h => Shortfall(state, v, h)))
        {
            var residents = Enumerable.Range(0, state.Vms.Length)
                .Where(u => state.HostOf[u] == h && ejectable.Contains(u) && state.Vms[u].MemoryReservedMiB + state.MemFree(h) >= vm.MemoryReservedMiB
                    && state.VmCpu[u] + state.CpuHeadroom(h) >= state.VmCpu[v])
                .OrderBy(u => state.Vms[u].MemoryReservedMiB).ThenBy(u => u);
            foreach (var u in residents)
            {
                foreach (var to in hosts)
                {
                    if (to == h || !state.Fits(u, to) || !state.CpuFits(u, to))
                    {
                        continue;
                    }
                    state.Move(u, to);
                    if (state.Fits(v, h) && state.CpuFits(v, h))
                    {
                        state.Move(v, h);
                        return true;
                    }
                    state.Move(u, h);
                }
            }
        }
        return false;
    }

    private static double Shortfall(ClusterState state, int v, int h) =>
        (Math.Max(0, state.Vms[v].MemoryReservedMiB - state.MemFree(h)) / (double)state.Hosts[h].MemoryMiB)
        + (Math.Max(0, state.VmCpu[v] - state.CpuHeadroom(h)) / Math.Max(1.0, state.CpuLimit[h]));
}
