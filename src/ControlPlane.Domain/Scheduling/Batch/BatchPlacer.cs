using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>
/// Places a batch of VMs on as few hosts as possible (the live scheduler spreads instead). Several passes of
/// decreasing-size packing (four size orders × five host rankings × best-fit or first-fit), each opening a new host
/// only when no open one fits; the best pass is then tightened by emptying its least-loaded hosts into the others.
/// Small batches are then searched exactly for fewer hosts. Every placement obeys the scheduler's rules, the CPU
/// threshold included.
/// </summary>
public static class BatchPlacer
{
    public static BatchPlacement Place(ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest> requests)
    {
        var root = ClusterState.From(snapshot, requests);
        var items = Enumerable.Range(snapshot.Vms.Count, requests.Count).ToArray();
        var lowerBound = HostLowerBound.Of(root);
        var best = Heuristic(root, items, lowerBound);
        if (best is not null)
        {
            Consolidator.Tighten(best, items, lowerBound);
            var connected = Enumerable.Range(0, root.Hosts.Length).Where(root.IsConnected).ToArray();
            best = FixedSetPacker.Smallest(root, items, lowerBound, UsedHosts(best), HostRankings.For(root, connected).Take(2).ToList()) ?? best;
            Consolidator.Tighten(best, items, lowerBound);
        }
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
        return new BatchPlacement(builder.Build(PlanKind.BatchPlacement, 0), UsedHosts(root), lowerBound);
    }

    internal static int UsedHosts(ClusterState state)
    {
        var used = new bool[state.Hosts.Length];
        foreach (var h in state.HostOf.Where(h => h >= 0))
        {
            used[h] = true;
        }
        return used.Count(u => u);
    }

    private static ClusterState? Heuristic(ClusterState root, int[] items, int lowerBound)
    {
        var connected = Enumerable.Range(0, root.Hosts.Length).Where(root.IsConnected).ToArray();
        ClusterState? best = null;
        var bestCount = int.MaxValue;
        foreach (var ranking in HostRankings.For(root, connected))
        {
            var binCentric = root.Clone();
            if (BinCentricPacker.Pack(binCentric, items, ranking) && UsedHosts(binCentric) < bestCount)
            {
                (best, bestCount) = (binCentric, UsedHosts(binCentric));
            }
            foreach (var order in PackOrders.For(root, items, connected))
            {
                foreach (var bestFit in new[] { true, false })
                {
                    var state = root.Clone();
                    if (!Pack(state, order, ranking, bestFit))
                    {
                        continue;
                    }
                    var count = UsedHosts(state);
                    if (count < bestCount)
                    {
                        (best, bestCount) = (state, count);
                    }
                    if (bestCount <= lowerBound)
                    {
                        return best;
                    }
                }
            }
        }
        return best;
    }

    /// <summary>Packs in order; each VM goes to an open host (best or first fit), and a new host opens, in ranking order, only when none fits.</summary>
    internal static bool Pack(ClusterState state, int[] order, int[] ranking, bool bestFit)
    {
        var open = ranking.Where(h => state.HostOf.Contains(h)).ToList();
        var closed = new LinkedList<int>(ranking.Where(h => !open.Contains(h)));
        foreach (var v in order)
        {
            var to = Choose(state, v, open, bestFit, keepShould: true);
            to = to >= 0 ? to : Choose(state, v, open, bestFit, keepShould: false);
            if (to < 0)
            {
                var node = closed.First;
                while (node is not null && !(state.Fits(v, node.Value) && state.CpuFits(v, node.Value)))
                {
                    node = node.Next;
                }
                if (node is null)
                {
                    return false;
                }
                to = node.Value;
                closed.Remove(node);
                open.Add(to);
            }
            state.Move(v, to);
        }
        return true;
    }

    internal static int Choose(ClusterState state, int v, IReadOnlyList<int> hosts, bool bestFit, bool keepShould)
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
