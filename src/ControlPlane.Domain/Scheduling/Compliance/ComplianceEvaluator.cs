using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Compliance;

/// <summary>
/// Per policy, per VM: does it comply, and if not, why — so the API can show what enforcement will fix
/// (<see cref="NonComplianceReason.PendingEnforcement"/>) and what it cannot.
/// </summary>
public static class ComplianceEvaluator
{
    public static IReadOnlyList<PolicyCompliance> Evaluate(ClusterSnapshot snapshot)
    {
        var state = ClusterState.From(snapshot);
        var result = new List<PolicyCompliance>();
        for (var p = 0; p < state.Policies.HostAffinity.Count; p++)
        {
            var policy = state.Policies.HostAffinity[p];
            var vms = Members(state, v => state.VmHostPolicies[v].Contains(p)).Select(v => HostAffinity(state, v, p));
            result.Add(new PolicyCompliance(policy.Id, PolicyKind.VmHostAffinity, Enforcement.Must, [.. vms]));
        }
        for (var g = 0; g < state.Groups.Length; g++)
        {
            var group = state.Groups[g];
            var vms = Members(state, v => state.VmGroups[v].Contains(g)).Select(v => Group(state, v, g));
            result.Add(new PolicyCompliance(group.Id, group.Apart ? PolicyKind.VmVmAntiAffinity : PolicyKind.VmVmAffinity,
                group.Must ? Enforcement.Must : Enforcement.Should, [.. vms]));
        }
        return result;
    }

    private static IEnumerable<int> Members(ClusterState state, Func<int, bool> inPolicy) =>
        Enumerable.Range(0, state.Vms.Length).Where(v => state.HostOf[v] >= 0 && inPolicy(v));

    private static VmCompliance HostAffinity(ClusterState state, int v, int p)
    {
        var h = state.HostOf[v];
        if (!state.IsConnected(h))
        {
            return Non(state, v, NonComplianceReason.HostUnavailable);
        }
        if (state.HostAllowed[p][h])
        {
            return Ok(state, v);
        }
        var allowedByThis = Enumerable.Range(0, state.Hosts.Length).Where(d => state.IsConnected(d) && state.HostAllowed[p][d]).ToList();
        return allowedByThis.Count == 0 ? Non(state, v, NonComplianceReason.NotEnoughHosts)
            : !allowedByThis.Any(d => state.HostAllowedFor(v, d)) ? Non(state, v, NonComplianceReason.ConflictingPolicy)
            : allowedByThis.Any(d => state.Fits(v, d) && state.CpuFits(v, d)) ? Non(state, v, NonComplianceReason.PendingEnforcement)
            : Non(state, v, NonComplianceReason.NotEnoughResources);
    }

    private static VmCompliance Group(ClusterState state, int v, int g)
    {
        var h = state.HostOf[v];
        if (!state.IsConnected(h))
        {
            return Non(state, v, NonComplianceReason.HostUnavailable);
        }
        var group = state.Groups[g];
        var together = state.Members(g, h);
        var placed = state.PlacedMembers(g);
        if (group.Apart ? together <= 1 : together == placed)
        {
            return Ok(state, v);
        }
        if (InConflict(state, v, g))
        {
            return Non(state, v, NonComplianceReason.ConflictingPolicy);
        }
        var eligible = Enumerable.Range(0, state.Hosts.Length).Where(d => state.IsConnected(d) && state.HostAllowedFor(v, d)).ToList();
        if (group.Apart && eligible.Count < placed)
        {
            return Non(state, v, NonComplianceReason.NotEnoughHosts);
        }
        var target = group.Apart
            ? eligible.Any(d => state.Members(g, d) == 0 && state.Fits(v, d, ignoreGroup: g) && state.CpuFits(v, d))
            : eligible.Any(d => d != h && state.Members(g, d) >= together && state.Fits(v, d, ignoreGroup: g) && state.CpuFits(v, d));
        return Non(state, v, target ? NonComplianceReason.PendingEnforcement : NonComplianceReason.NotEnoughResources);
    }

    /// <summary>A VM under both a MUST affinity and a MUST anti-affinity that share other members.</summary>
    private static bool InConflict(ClusterState state, int v, int g)
    {
        var groups = state.VmGroups[v].Where(x => state.Groups[x].Must).ToList();
        return state.Groups[g].Must && groups.Any(x => x != g && state.Groups[x].Apart != state.Groups[g].Apart
            && Enumerable.Range(0, state.Vms.Length).Any(u => u != v && state.VmGroups[u].Contains(x) && state.VmGroups[u].Contains(g)));
    }

    private static VmCompliance Ok(ClusterState state, int v) =>
        new(state.Vms[v].Id, state.Hosts[state.HostOf[v]].Id, ComplianceStatus.Compliant);

    private static VmCompliance Non(ClusterState state, int v, NonComplianceReason reason) =>
        new(state.Vms[v].Id, state.Hosts[state.HostOf[v]].Id, ComplianceStatus.NonCompliant, reason);
}
