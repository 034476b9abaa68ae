using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// For small batches: tries every set of k hosts (k below what the heuristic used, from the lower bound up) and
/// searches assignments depth-first with a node budget; the first k that packs is optimal.
/// </summary>
internal static class ExactPacker
{
    public const int MaxItems = 16;
    public const int MaxHosts = 12;
    private const int Budget = 200_000;

    public static ClusterState? Improve(ClusterState root, int[] items, int lowerBound, ClusterState heuristic)
    {
        var heuristicUsed = Enumerable.Range(0, root.Hosts.Length).Count(h => heuristic.HostOf.Contains(h));
        var used = Enumerable.Range(0, root.Hosts.Length).Where(h => root.HostOf.Contains(h)).ToArray();
        var free = Enumerable.Range(0, root.Hosts.Length).Where(h => root.IsConnected(h) && !used.Contains(h)).ToArray();
        var order = PackOrders.For(root, items, [.. used, .. free])[0];
        for (var k = Math.Max(lowerBound, used.Length); k < heuristicUsed; k++)
        {
            foreach (var extra in HaSets.Of(free, k - used.Length))
            {
                var state = root.Clone();
                var budget = Budget;
                if (Search(state, order, 0, [.. used, .. extra], ref budget))
                {
                    return state;
                }
            }
        }
        return null;
    }

    private static bool Search(ClusterState state, int[] order, int i, int[] hosts, ref int budget)
    {
        if (i == order.Length)
        {
            return true;
        }
        if (--budget < 0)
        {
            return false;
        }
        var v = order[i];
        foreach (var h in hosts)
        {
            if (!state.Fits(v, h) || !state.CpuFits(v, h))
            {
                continue;
            }
            state.Move(v, h);
            if (Search(state, order, i + 1, hosts, ref budget))
            {
                return true;
            }
            state.Unplace(v);
        }
        return false;
    }
}
