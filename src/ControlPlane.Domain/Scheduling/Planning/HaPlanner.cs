namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// HA guarantees. <see cref="Check(ClusterSnapshot)"/>: for every set of k CONNECTED hosts failing, do their VMs fit (by reserved
/// memory, first-fit decreasing) in the others' free memory? <see cref="PlanReservation"/>: moves that restore the
/// guarantee by making a hole for the VM that did not fit. <see cref="PlanRestart"/>: where the VMs of UNREACHABLE
/// hosts restart, respecting every MUST rule and, while resources allow, SHOULD ones.
/// </summary>
public static class HaPlanner
{
    private const int MaxRepairs = 32;

    public static HaReport Check(ClusterSnapshot snapshot) => Check(ClusterState.From(snapshot));

    public static Plan PlanReservation(ClusterSnapshot snapshot, HotspotPlannerOptions? options = null)
    {
        var state = ClusterState.From(snapshot);
        var builder = new PlanBuilder(state);
        for (var i = 0; i < MaxRepairs; i++)
        {
            var report = Check(state);
            if (report.Guaranteed || !Repair(builder, report))
            {
                break;
            }
        }
        HotspotPlanner.Cool(builder, options ?? new HotspotPlannerOptions());
        var final = Check(state);
        if (!final.Guaranteed)
        {
            builder.Issues.Add(new PlanIssue(string.Join('+', final.FailingHostSets[0]), PlanIssueKind.HaGuaranteeBroken,
                $"the VMs of {final.FailingHostSets.Count} set(s) of {final.HostFailures} host(s) could not restart"));
        }
        return builder.Build(PlanKind.HaReservation, 0);
    }

    public static Plan PlanRestart(ClusterSnapshot snapshot)
    {
        var state = ClusterState.From(snapshot);
        var builder = new PlanBuilder(state);
        var lost = Enumerable.Range(0, state.Vms.Length)
            .Where(v => state.HostOf[v] >= 0 && state.Hosts[state.HostOf[v]].State == SchedulerHostState.Unreachable)
            .OrderByDescending(v => state.Vms[v].MemoryReservedMiB).ThenBy(v => v).ToList();
        foreach (var v in lost)
        {
            if (!state.Vms[v].Movable)
            {
                builder.Issues.Add(new PlanIssue(state.Vms[v].Id, PlanIssueKind.NotEnoughResources, "the VM is marked unmovable; it waits for its host"));
                continue;
            }
            var to = DefragmentPlanner.Direct(state, v);
            to = to >= 0 ? to : Enumerable.Range(0, state.Hosts.Length).Where(h => state.Fits(v, h)).DefaultIfEmpty(-1).First();
            if (to >= 0)
            {
                builder.Move(v, to, MoveReason.HaRestart);
            }
            else
            {
                builder.Issues.Add(new PlanIssue(state.Vms[v].Id, PlanIssueKind.NotEnoughResources, "no CONNECTED host can restart it"));
            }
        }
        return builder.Build(PlanKind.HaRestart, 0);
    }

    internal static HaReport Check(ClusterState state)
    {
        var k = state.Snapshot.Settings.HaHostFailures;
        var connected = Enumerable.Range(0, state.Hosts.Length).Where(state.IsConnected).OrderByDescending(state.MemFree).ThenBy(h => h).ToArray();
        var reserve = connected.Sum(state.MemFree);
        if (k <= 0)
        {
            return new HaReport(k, true, reserve, 0, []);
        }
        var byHost = VmsByHost(state);
        var failing = new List<IReadOnlyList<string>>();
        long required = 0;
        foreach (var set in HaSets.Of(connected, k))
        {
            required = Math.Max(required, set.Sum(h => state.MemUsed[h]));
            if (Unfit(state, set, connected, byHost) >= 0)
            {
                failing.Add([.. set.Select(h => state.Hosts[h].Id)]);
            }
        }
        return new HaReport(k, failing.Count == 0, reserve, required, failing);
    }

    private static List<int>[] VmsByHost(ClusterState state)
    {
        var byHost = Enumerable.Range(0, state.Hosts.Length).Select(_ => new List<int>()).ToArray();
        foreach (var v in Enumerable.Range(0, state.Vms.Length).Where(v => state.HostOf[v] >= 0).OrderByDescending(v => state.Vms[v].MemoryReservedMiB).ThenBy(v => v))
        {
            byHost[state.HostOf[v]].Add(v);
        }
        return byHost;
    }

    /// <summary>
    /// The first VM of the failed hosts that first-fit decreasing cannot restart, or -1. Survivors are tried in
    /// decreasing order of free memory (<paramref name="connected"/> comes sorted that way).
    /// </summary>
    internal static int Unfit(ClusterState state, int[] failed, int[] connected, List<int>[] byHost)
    {
        var free = connected.Select(h => failed.Contains(h) ? -1 : state.MemFree(h)).ToArray();
        foreach (var v in failed.SelectMany(h => byHost[h]).OrderByDescending(v => state.Vms[v].MemoryReservedMiB).ThenBy(v => v))
        {
            var b = Array.FindIndex(free, f => f >= state.Vms[v].MemoryReservedMiB);
            if (b < 0)
            {
                return v;
            }
            free[b] -= state.Vms[v].MemoryReservedMiB;
        }
        return -1;
    }

    private static bool Repair(PlanBuilder builder, HaReport report)
    {
        var state = builder.State;
        var failed = report.FailingHostSets[0].Select(id => state.HostIndex[id]).ToArray();
        var connected = Enumerable.Range(0, state.Hosts.Length).Where(state.IsConnected).OrderByDescending(state.MemFree).ThenBy(h => h).ToArray();
        var v = Unfit(state, failed, connected, VmsByHost(state));
        var (room, _) = RoomMaker.Find(state, v, needCpu: false, forbidden: failed.ToHashSet());
        if (room is null || room.Moves.Count == 0)
        {
            return false;
        }
        foreach (var (u, to) in room.Moves)
        {
            builder.Move(u, to, MoveReason.MakeRoom);
        }
        return true;
    }
}
