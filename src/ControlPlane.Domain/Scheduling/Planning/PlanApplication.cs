namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>The snapshot as it will be once a plan is carried out, so plans can be chained or re-checked.</summary>
public static class PlanApplication
{
    /// <summary>
    /// Moves the plan's VMs and adds its placements (as VMs, from <paramref name="requests"/>); placed requests are
    /// marked unmovable when <paramref name="pinPlacements"/>, so a follow-up plan leaves them where they landed.
    /// </summary>
    public static ClusterSnapshot ApplyTo(this Plan plan, ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest>? requests = null, bool pinPlacements = false)
    {
        var to = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var move in plan.Moves)
        {
            to[move.VmId] = move.To;
        }
        var byId = (requests ?? []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var placed = plan.Placements.Where(p => byId.ContainsKey(p.RequestId))
            .Select(p => byId[p.RequestId].AsVm(p.HostId) with { Movable = !pinPlacements });
        return snapshot with
        {
            Vms = [.. snapshot.Vms.Select(v => to.TryGetValue(v.Id, out var h) ? v with { HostId = h } : v), .. placed],
        };
    }
}
