using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>What the working state breaks: VM-VM groups, host affinity and hot hosts.</summary>
internal sealed partial class ClusterState
{
    /// <summary>Every VM that shares a host with another member of an anti-affinity group, or sits apart from its affinity group, or on a host its host-affinity forbids.</summary>
    public List<PolicyViolation> Violations()
    {
        var violations = new List<PolicyViolation>();
        for (var v = 0; v < Vms.Length; v++)
        {
            var h = HostOf[v];
            if (h < 0)
            {
                continue;
            }
            foreach (var g in VmGroups[v])
            {
                var group = Groups[g];
                var broken = group.Apart ? GroupCount[g][h] > 1 : GroupCount[g][h] < PlacedMembers(g);
                if (broken)
                {
                    violations.Add(new PolicyViolation(group.Id, Vms[v].Id, Hosts[h].Id, group.Must ? Enforcement.Must : Enforcement.Should));
                }
            }
            foreach (var p in VmHostPolicies[v])
            {
                if (!HostAllowed[p][h])
                {
                    violations.Add(new PolicyViolation(Policies.HostAffinity[p].Id, Vms[v].Id, Hosts[h].Id, Enforcement.Must));
                }
            }
        }
        return violations;
    }

    public IEnumerable<int> HotHosts() => Enumerable.Range(0, Hosts.Length).Where(IsHot);
}
