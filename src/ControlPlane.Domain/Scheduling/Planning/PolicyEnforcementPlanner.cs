namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Background policy enforcement: moves VMs onto hosts their VM-host affinity allows, separates anti-affinity
/// groups (MUST first, keeping the largest VM of each crowded host in place so the least memory is copied), brings
/// affinity groups together on the host holding most of their memory, all as capacity allows; then cools any host
/// left above the CPU threshold. What cannot be done is reported, never forced.
/// </summary>
public static class PolicyEnforcementPlanner
{
    /// <summary>
    /// The enforcement plan. With <paramref name="mustOnly"/>, only MUST rules are repaired (SHOULD ones are left,
    /// and reported); with <paramref name="cool"/> false, hosts above the CPU threshold are left as they are.
    /// </summary>
    public static Plan Plan(ClusterSnapshot snapshot, HotspotPlannerOptions? options = null, bool mustOnly = false, bool cool = true)
    {
        var state = ClusterState.From(snapshot);
        var builder = new PlanBuilder(state);
        var lowerBound = HostAffinity(builder) + AntiAffinity(builder, must: true) + (mustOnly ? 0 : AntiAffinity(builder, must: false))
            + Affinity(builder, mustOnly);
        if (cool)
        {
            lowerBound += HotspotPlanner.LowerBound(state);
            HotspotPlanner.Cool(builder, options ?? new HotspotPlannerOptions());
        }
        return builder.Build(PlanKind.PolicyEnforcement, lowerBound);
    }

    /// <summary>True when some VM breaks a MUST rule (a host affinity, a MUST anti-affinity or a MUST affinity).</summary>
    public static bool BreaksMustRules(ClusterSnapshot snapshot) =>
        ClusterState.From(snapshot).Violations().Any(v => v.Enforcement == Policies.Enforcement.Must);

    private static long HostAffinity(PlanBuilder builder)
    {
        var state = builder.State;
        long bound = 0;
        for (var v = 0; v < state.Vms.Length; v++)
        {
            var h = state.HostOf[v];
            if (h < 0 || state.HostAllowedFor(v, h))
            {
                continue;
            }
            bound += state.Vms[v].MemoryMiB;
            var to = state.Movable(v) ? HotspotGreedy.Destination(state, v) : -1;
            if (to >= 0)
            {
                builder.Move(v, to, MoveReason.HostAffinity);
                continue;
            }
            if (state.Movable(v) && MakeRoom(builder, v, MoveReason.HostAffinity))
            {
                continue;
            }
            var allowed = Enumerable.Range(0, state.Hosts.Length).Any(d => state.IsConnected(d) && state.HostAllowedFor(v, d));
            builder.Issues.Add(new PlanIssue(state.Vms[v].Id, allowed ? PlanIssueKind.NotEnoughResources : PlanIssueKind.NotEnoughHosts,
                "no allowed host can take the VM"));
        }
        return bound;
    }

    private static long AntiAffinity(PlanBuilder builder, bool must)
    {
        var state = builder.State;
        long bound = 0;
        for (var g = 0; g < state.Groups.Length; g++)
        {
            if (!state.Groups[g].Apart || state.Groups[g].Must != must)
            {
                continue;
            }
            for (var h = 0; h < state.Hosts.Length; h++)
            {
                var crowd = Enumerable.Range(0, state.Vms.Length).Where(v => state.HostOf[v] == h && state.VmGroups[v].Contains(g))
                    .OrderByDescending(v => state.Vms[v].MemoryMiB).ThenBy(v => v).Skip(1).ToList();
                foreach (var v in crowd.OrderBy(v => state.Vms[v].MemoryMiB))
                {
                    bound += state.Vms[v].MemoryMiB;
                    var to = state.Movable(v) ? Apart(state, v, g) : -1;
                    if (to >= 0)
                    {
                        builder.Move(v, to, MoveReason.AntiAffinity);
                        continue;
                    }
                    if (must && state.Movable(v) && MakeRoom(builder, v, MoveReason.AntiAffinity))
                    {
                        continue;
                    }
                    var free = Enumerable.Range(0, state.Hosts.Length).Count(d => state.IsConnected(d) && state.HostAllowedFor(v, d) && state.Members(g, d) == 0);
                    builder.Issues.Add(new PlanIssue(state.Vms[v].Id, free == 0 ? PlanIssueKind.NotEnoughHosts : PlanIssueKind.NotEnoughResources,
                        $"no host without another VM of {state.Groups[g].Id} can take it"));
                }
            }
        }
        return bound;
    }

    /// <summary>Frees room (cheapest moves) on a host the VM may use, then moves it there; false when no such host exists.</summary>
    private static bool MakeRoom(PlanBuilder builder, int v, MoveReason reason)
    {
        var (room, _) = RoomMaker.Find(builder.State, v, needCpu: true);
        if (room is null)
        {
            return false;
        }
        foreach (var (u, to) in room.Moves)
        {
            builder.Move(u, to, MoveReason.MakeRoom);
        }
        builder.Move(v, room.Target, reason);
        return true;
    }

    private static int Apart(ClusterState state, int v, int g)
    {
        var (best, bestRoom) = (-1, long.MinValue);
        for (var d = 0; d < state.Hosts.Length; d++)
        {
            if (state.Members(g, d) > 0 || !state.Fits(v, d) || !state.CpuFits(v, d))
            {
                continue;
            }
            var room = state.CpuHeadroom(d) - state.VmCpu[v] - (state.ShouldPartnersOn(v, d) > 0 ? long.MaxValue / 4 : 0);
            if (best < 0 || room > bestRoom)
            {
                (best, bestRoom) = (d, room);
            }
        }
        return best;
    }

    private static long Affinity(PlanBuilder builder, bool mustOnly)
    {
        var state = builder.State;
        long bound = 0;
        for (var g = 0; g < state.Groups.Length; g++)
        {
            if (state.Groups[g].Apart || (mustOnly && !state.Groups[g].Must))
            {
                continue;
            }
            var members = Enumerable.Range(0, state.Vms.Length).Where(v => state.HostOf[v] >= 0 && state.VmGroups[v].Contains(g)).ToList();
            var hosts = members.GroupBy(v => state.HostOf[v]).OrderByDescending(x => x.Sum(v => state.Vms[v].MemoryMiB)).ThenBy(x => x.Key).ToList();
            if (hosts.Count <= 1)
            {
                continue;
            }
            bound += hosts.Skip(1).Sum(x => x.Sum(v => state.Vms[v].MemoryMiB));
            var target = hosts[0].Key;
            foreach (var v in hosts.Skip(1).SelectMany(x => x).OrderBy(v => state.Vms[v].MemoryMiB))
            {
                if (state.Vms[v].Movable && state.Fits(v, target, ignoreGroup: g) && state.CpuFits(v, target))
                {
                    builder.Move(v, target, MoveReason.Affinity);
                    continue;
                }
                builder.Issues.Add(new PlanIssue(state.Vms[v].Id, PlanIssueKind.NotEnoughResources,
                    $"cannot join the other VMs of {state.Groups[g].Id} on {state.Hosts[target].Id}"));
            }
        }
        return bound;
    }
}
