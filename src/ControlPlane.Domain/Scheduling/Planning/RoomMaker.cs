namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Finds the cheapest set of VMs to move off some target host so that a VM (a pending request, or one being
/// restarted) fits there: per target, a branch-and-bound over its VMs (cheapest first) covering the memory and CPU
/// deficits, each candidate set checked by actually relocating its VMs; the cheapest target wins.
/// </summary>
internal static class RoomMaker
{
    private const int Budget = 20_000;

    internal sealed record Room(int Target, List<(int Vm, int To)> Moves, long Cost);

    /// <summary>Room for VM <paramref name="v"/>; <paramref name="forbidden"/> hosts neither take it nor the moved VMs.</summary>
    public static (Room? Room, long LowerBound) Find(ClusterState state, int v, bool needCpu, IReadOnlySet<int>? forbidden = null)
    {
        Room? best = null;
        var lowerBound = long.MaxValue;
        for (var t = 0; t < state.Hosts.Length; t++)
        {
            if (t == state.HostOf[v] || (forbidden?.Contains(t) ?? false) || !Eligible(state, v, t))
            {
                continue;
            }
            var memDeficit = Math.Max(0, state.Vms[v].MemoryReservedMiB - state.MemFree(t));
            var cpuDeficit = needCpu ? Math.Max(0, state.VmCpu[v] - state.CpuHeadroom(t)) : 0;
            var victims = HotspotPlanner.OnHost(state, t).OrderBy(u => state.Vms[u].MemoryMiB).ThenBy(u => u).ToArray();
            var cpuBound = CoverKnapsack.Solve([.. victims.Select(u => (state.VmCpu[u], state.Vms[u].MemoryMiB))], cpuDeficit, roundUp: true);
            if (cpuBound is null)
            {
                continue;
            }
            lowerBound = Math.Min(lowerBound, Math.Max(memDeficit, cpuBound.Value.Cost));
            var search = new Search(state, v, t, needCpu, victims, forbidden, best?.Cost ?? long.MaxValue);
            search.Run(0, [], memDeficit, cpuDeficit, 0);
            if (search.Best is { } found && (best is null || found.Cost < best.Cost))
            {
                best = found;
            }
        }
        return (best, lowerBound == long.MaxValue ? 0 : lowerBound);
    }

    /// <summary>What moving VMs off the target cannot change: state, vCPUs per core, vGPU profiles, host affinity.</summary>
    private static bool Eligible(ClusterState state, int v, int t)
    {
        var vm = state.Vms[v];
        return state.IsConnected(t) && vm.Vcpus <= state.Hosts[t].CpuCores && state.HostAllowedFor(v, t)
            && (vm.Gpus ?? []).All(g => state.Hosts[t].Gpus is { } gpus && gpus.GetValueOrDefault(g) >= vm.Gpus!.Count(x => x == g));
    }

    private sealed class Search(ClusterState state, int v, int t, bool needCpu, int[] victims, IReadOnlySet<int>? forbidden, long bound)
    {
        private int _nodes;

        public Room? Best { get; private set; }

        public void Run(int i, List<int> chosen, long mem, long cpu, long cost)
        {
            if (cost >= (Best?.Cost ?? bound) || ++_nodes > Budget)
            {
                return;
            }
            if (mem <= 0 && cpu <= 0 && Relocate(chosen) is { } moves)
            {
                Best = new Room(t, moves, cost);
                return;
            }
            if (i == victims.Length)
            {
                return;
            }
            var u = victims[i];
            chosen.Add(u);
            Run(i + 1, chosen, mem - state.Vms[u].MemoryReservedMiB, cpu - state.VmCpu[u], cost + state.Vms[u].MemoryMiB);
            chosen.RemoveAt(chosen.Count - 1);
            Run(i + 1, chosen, mem, cpu, cost);
        }

        private List<(int, int)>? Relocate(List<int> chosen)
        {
            var moves = new List<(int Vm, int To)>();
            var from = chosen.ToDictionary(u => u, u => state.HostOf[u]);
            foreach (var u in chosen.OrderByDescending(u => state.Vms[u].MemoryReservedMiB))
            {
                var to = Destination(u);
                if (to < 0)
                {
                    break;
                }
                state.Move(u, to);
                moves.Add((u, to));
            }
            var ok = moves.Count == chosen.Count && state.Fits(v, t) && (!needCpu || state.CpuFits(v, t));
            for (var m = moves.Count - 1; m >= 0; m--)
            {
                state.Move(moves[m].Vm, from[moves[m].Vm]);
            }
            return ok ? moves : null;
        }

        private int Destination(int u)
        {
            var (best, bestKeeps, bestRoom) = (-1, false, long.MinValue);
            for (var d = 0; d < state.Hosts.Length; d++)
            {
                if (d == t || (forbidden?.Contains(d) ?? false) || !state.Fits(u, d) || !state.CpuFits(u, d))
                {
                    continue;
                }
                var keeps = state.ShouldPartnersOn(u, d) == 0;
                var room = state.MemFree(d) - state.Vms[u].MemoryReservedMiB;
                if (best < 0 || (keeps && !bestKeeps) || (keeps == bestKeeps && room > bestRoom))
                {
                    (best, bestKeeps, bestRoom) = (d, keeps, room);
                }
            }
            return best;
        }
    }
}
