namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Hotspot plan for clusters too large to search: per hot host (largest excess first), the exact cheapest cover of
/// its excess among the VMs that have somewhere to go, each sent where the most CPU headroom is left; when memory
/// is short everywhere, one make-room move on the target first.
/// </summary>
internal static class HotspotGreedy
{
    public static void Cool(PlanBuilder builder)
    {
        var state = builder.State;
        var hot = state.HotHosts().OrderByDescending(h => state.CpuUsed[h] - state.CpuLimit[h]).ThenBy(h => h).ToList();
        foreach (var h in hot)
        {
            while (state.IsHot(h))
            {
                if (!Step(builder, h) && !MakeRoom(builder, h))
                {
                    builder.Issues.Add(new PlanIssue(state.Hosts[h].Id, PlanIssueKind.NotEnoughResources,
                        "no set of moves brings the host under the CPU threshold"));
                    break;
                }
            }
        }
    }

    private static bool Step(PlanBuilder builder, int h)
    {
        var state = builder.State;
        var candidates = HotspotPlanner.OnHost(state, h).Where(v => Destination(state, v) >= 0).ToList();
        if (HotspotPlanner.CoverOf(state, h, candidates) is not { } cover)
        {
            return false;
        }
        var moved = false;
        foreach (var v in cover.Chosen.OrderByDescending(v => state.VmCpu[v]).ThenBy(v => v))
        {
            var to = Destination(state, v);
            if (to >= 0)
            {
                builder.Move(v, to, MoveReason.Hotspot);
                moved = true;
            }
        }
        return moved;
    }

    /// <summary>The host with the most CPU headroom left that takes the VM, preferring one where no SHOULD rule yields.</summary>
    internal static int Destination(ClusterState state, int v, int exclude = -1)
    {
        var (best, bestKeeps, bestRoom) = (-1, false, long.MinValue);
        for (var d = 0; d < state.Hosts.Length; d++)
        {
            if (d == exclude || !state.Fits(v, d) || !state.CpuFits(v, d))
            {
                continue;
            }
            var keeps = state.ShouldPartnersOn(v, d) == 0;
            var room = state.CpuHeadroom(d) - state.VmCpu[v];
            if (best < 0 || (keeps && !bestKeeps) || (keeps == bestKeeps && room > bestRoom))
            {
                (best, bestKeeps, bestRoom) = (d, keeps, room);
            }
        }
        return best;
    }

    /// <summary>Moves one VM off a cooler host so a VM of the hot host fits there; the cheapest such pair wins.</summary>
    private static bool MakeRoom(PlanBuilder builder, int h)
    {
        var state = builder.State;
        (long Cost, int U, int E, int V, int D) best = (long.MaxValue, -1, -1, -1, -1);
        foreach (var v in HotspotPlanner.OnHost(state, h).OrderBy(v => state.Vms[v].MemoryMiB).Take(16))
        {
            for (var d = 0; d < state.Hosts.Length; d++)
            {
                if (d == h || !state.IsConnected(d) || !state.CpuFits(v, d) || state.Vms[v].MemoryReservedMiB <= state.MemFree(d))
                {
                    continue;
                }
                foreach (var u in HotspotPlanner.OnHost(state, d))
                {
                    var cost = state.Vms[v].MemoryMiB + state.Vms[u].MemoryMiB;
                    if (cost >= best.Cost || state.MemFree(d) + state.Vms[u].MemoryReservedMiB < state.Vms[v].MemoryReservedMiB)
                    {
                        continue;
                    }
                    var e = Destination(state, u, exclude: h);
                    if (e < 0)
                    {
                        continue;
                    }
                    state.Move(u, e);
                    var ok = state.Fits(v, d) && state.CpuFits(v, d);
                    state.Move(u, d);
                    if (ok)
                    {
                        best = (cost, u, e, v, d);
                    }
                }
            }
        }
        if (best.U < 0)
        {
            return false;
        }
        builder.Move(best.U, best.E, MoveReason.MakeRoom);
        builder.Move(best.V, best.D, MoveReason.Hotspot);
        return true;
    }
}
