namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Initial placement with defragmentation: a request that fits somewhere is placed as the scheduler would;
/// one that fits nowhere while the cluster has room in total gets the cheapest set of migrations (memory to
/// copy) that makes room on one host, and is placed there once they are done.
/// </summary>
public static class DefragmentPlanner
{
    public static Plan Plan(ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest> requests)
    {
        var state = ClusterState.From(snapshot, requests);
        var builder = new PlanBuilder(state);
        long lowerBound = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var v = snapshot.Vms.Count + i;
            if (!state.HaAdmits(state.Vms[v].MemoryReservedMiB))
            {
                Refuse(builder, requests[i]);
                continue;
            }
            var direct = Direct(state, v);
            if (direct >= 0)
            {
                builder.Place(v, direct);
                continue;
            }
            var (room, bound) = RoomMaker.Find(state, v, needCpu: true);
            if (room is null)
            {
                Refuse(builder, requests[i]);
                continue;
            }
            lowerBound += bound;
            foreach (var (u, to) in room.Moves)
            {
                builder.Move(u, to, MoveReason.MakeRoom);
            }
            builder.Place(v, room.Target);
        }
        return builder.Build(PlanKind.Defragment, lowerBound);
    }

    /// <summary>The host the live scheduler would pick (most free memory), preferring one where no SHOULD rule yields.</summary>
    internal static int Direct(ClusterState state, int v)
    {
        var (best, bestKeeps, bestFree) = (-1, false, long.MinValue);
        for (var h = 0; h < state.Hosts.Length; h++)
        {
            if (!state.Fits(v, h) || !state.CpuFits(v, h))
            {
                continue;
            }
            var keeps = state.ShouldPartnersOn(v, h) == 0;
            var free = state.MemFree(h);
            if (best < 0 || (keeps && !bestKeeps) || (keeps == bestKeeps && free > bestFree))
            {
                (best, bestKeeps, bestFree) = (h, keeps, free);
            }
        }
        return best;
    }

    private static void Refuse(PlanBuilder builder, PlacementRequest request)
    {
        var decision = Scheduler.Default.Place(builder.State.ToSnapshot(), request);
        builder.Unplaced.Add(new UnplacedRequest(request.Id, decision.Rejections.Where(r => r.Value > 0).ToDictionary(StringComparer.Ordinal)));
    }
}
