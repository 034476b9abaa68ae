namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Exact hotspot plan by A* over single moves. Cost = memory copied (then one unit per move, so fewer moves win
/// ties); the heuristic adds, per hot host, the cheapest cover of its excess, which no plan can beat. Each VM moves
/// at most once and no move takes its target over the threshold, so every prefix of the answer is a valid state.
/// </summary>
internal static class HotspotSearch
{
    private const long PerMiB = 1024;

    private sealed record Node(Node? Parent, int Vm, int To, long Cost);

    /// <summary>The search's cost of a plan: memory copied, then one unit per move.</summary>
    public static long Cost(IEnumerable<PlannedMove> moves) => moves.Sum(m => (m.MemoryMiB * PerMiB) + 1);

    /// <summary>The cheapest plan costing less than <paramref name="bound"/>, or null (none, or the budget ran out).</summary>
    public static List<(int Vm, int To)>? Find(ClusterState root, bool keepShould, int budget, long bound = long.MaxValue)
    {
        var movable = Enumerable.Range(0, root.Vms.Length).Where(v => root.HostOf[v] >= 0 && root.Movable(v)).ToArray();
        var open = new PriorityQueue<Node, (long, long, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sequence = 0;
        open.Enqueue(new Node(null, -1, -1, 0), (Heuristic(root), 0, sequence++));
        while (open.TryDequeue(out var node, out _))
        {
            if (--budget < 0)
            {
                return null;
            }
            var state = Replay(root, node, out var moved);
            if (!seen.Add(string.Join(',', state.HostOf)))
            {
                continue;
            }
            if (!state.HotHosts().Any())
            {
                return Path(node);
            }
            foreach (var v in movable)
            {
                if (moved.Contains(v))
                {
                    continue;
                }
                var from = state.HostOf[v];
                for (var h = 0; h < state.Hosts.Length; h++)
                {
                    if (!state.Fits(v, h, keepShould) || !state.CpuFits(v, h))
                    {
                        continue;
                    }
                    state.Move(v, h);
                    var estimate = Heuristic(state);
                    state.Move(v, from);
                    if (estimate == long.MaxValue)
                    {
                        continue;
                    }
                    var cost = node.Cost + (state.Vms[v].MemoryMiB * PerMiB) + 1;
                    if (cost + estimate < bound)
                    {
                        open.Enqueue(new Node(node, v, h, cost), (cost + estimate, -cost, sequence++));
                    }
                }
            }
        }
        return null;
    }

    private static long Heuristic(ClusterState state)
    {
        long total = 0;
        foreach (var h in state.HotHosts())
        {
            if (HotspotPlanner.CoverOf(state, h, [.. HotspotPlanner.OnHost(state, h)], roundUp: true) is not { } cover)
            {
                return long.MaxValue;
            }
            total += cover.Cost * PerMiB + 1;
        }
        return total;
    }

    private static ClusterState Replay(ClusterState root, Node node, out HashSet<int> moved)
    {
        var state = root.Clone();
        moved = [];
        foreach (var (v, to) in Path(node))
        {
            state.Move(v, to);
            moved.Add(v);
        }
        return state;
    }

    private static List<(int Vm, int To)> Path(Node node)
    {
        var path = new List<(int, int)>();
        for (var n = node; n.Parent is not null; n = n.Parent)
        {
            path.Add((n.Vm, n.To));
        }
        path.Reverse();
        return path;
    }
}
