namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Hotspot mitigation: the moves that bring every CONNECTED host under the CPU threshold with the least memory
/// copied, then the fewest moves, never breaking a MUST rule and keeping memory within capacity after every move.
/// A greedy plan comes first: per hot host the exact cheapest cover of its excess (a covering knapsack), each VM sent
/// to the destination with the most CPU headroom, with one make-room move where memory is short. On small clusters
/// an exact search (A* over single moves) then looks for a cheaper plan, pruned by the greedy plan's cost.
/// </summary>
public static class HotspotPlanner
{
    public static Plan Plan(ClusterSnapshot snapshot, HotspotPlannerOptions? options = null)
    {
        var state = ClusterState.From(snapshot);
        var builder = new PlanBuilder(state);
        var lowerBound = LowerBound(state);
        Cool(builder, options ?? new HotspotPlannerOptions());
        return builder.Build(PlanKind.Hotspot, lowerBound);
    }

    /// <summary>Sum over hot hosts of the cheapest set of their movable VMs that covers the excess, ignoring destinations.</summary>
    /// <remarks>VMs too big for the threshold of every other host are left out; a host no cover can fix adds nothing.</remarks>
    internal static long LowerBound(ClusterState state)
    {
        var limits = Enumerable.Range(0, state.Hosts.Length).Where(state.IsConnected).Select(h => state.CpuLimit[h]).OrderDescending().ToArray();
        return state.HotHosts().Sum(h => CoverOf(state, h, [.. OnHost(state, h).Where(v => limits.Any(l => l >= state.VmCpu[v]))], roundUp: true)?.Cost ?? 0);
    }

    internal static void Cool(PlanBuilder builder, HotspotPlannerOptions options)
    {
        var state = builder.State;
        if (!state.HotHosts().Any())
        {
            return;
        }
        var greedy = new PlanBuilder(state.Clone());
        HotspotGreedy.Cool(greedy);
        var movable = Enumerable.Range(0, state.Vms.Length).Count(v => state.HostOf[v] >= 0 && state.Movable(v));
        if (movable <= options.ExactSearchMaxVms && state.Hosts.Length <= options.ExactSearchMaxHosts)
        {
            var bound = greedy.Issues.Count == 0 ? HotspotSearch.Cost(greedy.Moves) : long.MaxValue;
            var hasShould = state.Groups.Any(g => g.Apart && !g.Must);
            foreach (var keepShould in hasShould ? new[] { true, false } : [false])
            {
                if (HotspotSearch.Find(state, keepShould, options.ExactSearchBudget, bound) is { } moves)
                {
                    foreach (var (v, to) in moves)
                    {
                        builder.Move(v, to, state.IsHot(state.HostOf[v]) ? MoveReason.Hotspot : MoveReason.MakeRoom);
                    }
                    return;
                }
            }
        }
        foreach (var move in greedy.Moves)
        {
            builder.Move(state.VmIndex[move.VmId], state.HostIndex[move.To], move.Reason);
        }
        builder.Issues.AddRange(greedy.Issues);
    }

    internal static IEnumerable<int> OnHost(ClusterState state, int h) =>
        Enumerable.Range(0, state.Vms.Length).Where(v => state.HostOf[v] == h && state.Movable(v));

    internal static (long Cost, List<int> Chosen)? CoverOf(ClusterState state, int h, IReadOnlyList<int> vms, bool roundUp = false)
    {
        var excess = state.CpuUsed[h] - state.CpuLimit[h];
        var cover = CoverKnapsack.Solve([.. vms.Select(v => (state.VmCpu[v], state.Vms[v].MemoryMiB))], excess, roundUp);
        return cover is { } c ? (c.Cost, [.. c.Chosen.Select(i => vms[i])]) : null;
    }
}
