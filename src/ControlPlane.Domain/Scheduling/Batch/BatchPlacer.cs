using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Places a batch of VMs on as few hosts as possible (the live scheduler spreads instead). For k from the lower
/// bound up, it picks k hosts by several rankings and packs the VMs into them with first-fit and best-fit decreasing
/// under several size orders; small batches are then searched exactly for a smaller k. Every placement obeys the
/// same rules as the scheduler's filters, the CPU threshold included.
/// </summary>
public static class BatchPlacer
{
    public static BatchPlacement Place(ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest> requests)
    {
        var root = ClusterState.From(snapshot, requests);
        var items = Enumerable.Range(snapshot.Vms.Count, requests.Count).ToArray();
        var lowerBound = HostLowerBound.Of(root);
        var best = Heuristic(root, items, lowerBound);
        if (best is not null && items.Length <= ExactPacker.MaxItems && root.Hosts.Length <= ExactPacker.MaxHosts)
        {
            best = ExactPacker.Improve(root, items, lowerBound, best) ?? best;
        }
        var builder = new PlanBuilder(root);
        if (best is not null)
        {
            foreach (var v in items)
            {
                builder.Place(v, best.HostOf[v]);
            }
        }
        else
        {
            Fallback(builder, items);
        }
        var used = Enumerable.Range(0, root.Hosts.Length).Count(h => root.HostOf.Contains(h));
        return new BatchPlacement(builder.Build(PlanKind.BatchPlacement, 0), used, lowerBound);
    }

    private static ClusterState? Heuristic(ClusterState root, int[] items, int lowerBound)
    {
        var used = Enumerable.Range(0, root.Hosts.Length).Where(h => root.HostOf.Contains(h)).ToHashSet();
        var connected = Enumerable.Range(0, root.Hosts.Length).Where(root.IsConnected).ToArray();
        var rankings = HostRankings(root, connected, used);
        var orders = PackOrders.For(root, items, connected);
        for (var k = Math.Max(lowerBound, 1); k <= connected.Length; k++)
        {
            foreach (var ranking in rankings)
            {
                var chosen = ranking.Take(k).ToArray();
                foreach (var order in orders)
                {
                    foreach (var bestFit in new[] { true, false })
                    {
                        var state = root.Clone();
                        if (Pack(state, order, chosen, bestFit))
                        {
                            return state;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static List<int[]> HostRankings(ClusterState state, int[] connected, HashSet<int> used)
    {
        var (maxMem, maxCpu) = ((double)connected.Max(h => state.Hosts[h].MemoryMiB), (double)connected.Max(h => state.CpuLimit[h]));
        Func<int, double>[] keys =
        [
            h => (state.Hosts[h].MemoryMiB / maxMem) + (state.CpuLimit[h] / maxCpu),
            h => Math.Min(state.Hosts[h].MemoryMiB / maxMem, state.CpuLimit[h] / maxCpu),
            h => state.Hosts[h].MemoryMiB,
            h => state.CpuLimit[h],
        ];
        return [.. keys.Select(key => connected.OrderByDescending(h => used.Contains(h)).ThenByDescending(key).ThenBy(h => h).ToArray())];
    }

    internal static bool Pack(ClusterState state, int[] order, int[] hosts, bool bestFit)
    {
        foreach (var v in order)
        {
            var to = Choose(state, v, hosts, bestFit, keepShould: true);
            to = to >= 0 ? to : Choose(state, v, hosts, bestFit, keepShould: false);
            if (to < 0)
            {
                return false;
            }
            state.Move(v, to);
        }
        return true;
    }

    private static int Choose(ClusterState state, int v, int[] hosts, bool bestFit, bool keepShould)
    {
        var (best, bestSlack) = (-1, double.MaxValue);
        foreach (var h in hosts)
        {
            if (!state.Fits(v, h, keepShould) || !state.CpuFits(v, h))
            {
                continue;
            }
            if (!bestFit)
            {
                return h;
            }
            var slack = ((double)(state.MemFree(h) - state.Vms[v].MemoryReservedMiB) / state.Hosts[h].MemoryMiB)
                + ((double)(state.CpuHeadroom(h) - state.VmCpu[v]) / Math.Max(1, state.CpuLimit[h]));
            if (slack < bestSlack)
            {
                (best, bestSlack) = (h, slack);
            }
        }
        return best;
    }

    private static void Fallback(PlanBuilder builder, int[] items)
    {
        var state = builder.State;
        var all = Enumerable.Range(0, state.Hosts.Length).Where(state.IsConnected).ToArray();
        foreach (var v in PackOrders.For(state, items, all)[0])
        {
            var to = Choose(state, v, all, bestFit: true, keepShould: false);
            if (to >= 0)
            {
                builder.Place(v, to);
                continue;
            }
            var decision = Scheduler.Packing.Place(state.ToSnapshot(), state.AsRequest(v));
            builder.Unplaced.Add(new UnplacedRequest(state.Vms[v].Id, decision.Rejections.Where(r => r.Value > 0).ToDictionary(StringComparer.Ordinal)));
        }
    }
}
