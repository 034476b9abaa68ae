namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>The placement rules over the working state: the same ones the placement filters apply.</summary>
internal sealed partial class ClusterState
{
    /// <summary>
    /// Whether VM <paramref name="v"/> may go to host <paramref name="h"/> now: the host is CONNECTED, memory,
    /// vCPUs and vGPUs fit, and no MUST rule breaks. With <paramref name="keepShould"/>, SHOULD anti-affinity
    /// counts as a must too. CPU threshold is separate (<see cref="CpuFits"/>): planners may cross it mid-plan.
    /// </summary>
    public bool Fits(int v, int h, bool keepShould = false, int ignoreGroup = -1)
    {
        var vm = Vms[v];
        if (h == HostOf[v] || !IsConnected(h) || vm.MemoryReservedMiB > MemFree(h) || vm.Vcpus > Hosts[h].CpuCores
            || VcpusUsed[h] + vm.Vcpus > VcpuLimit[h] || !CpuModels.Satisfies(Hosts[h].CpuModel, RequiredModel[v]))
        {
            return false;
        }
        foreach (var p in VmHostPolicies[v])
        {
            if (!HostAllowed[p][h])
            {
                return false;
            }
        }
        return GroupsAllow(v, h, keepShould, ignoreGroup) && GpusFit(v, h);
    }

    /// <summary>Host <paramref name="h"/> stays under the CPU threshold with VM <paramref name="v"/> on it.</summary>
    public bool CpuFits(int v, int h) => CpuUsed[h] + VmCpu[v] <= CpuLimit[h];

    /// <summary>How many SHOULD anti-affinity partners of <paramref name="v"/> already run on <paramref name="h"/>.</summary>
    public int ShouldPartnersOn(int v, int h)
    {
        var n = 0;
        foreach (var g in VmGroups[v])
        {
            if (Groups[g].Apart && !Groups[g].Must)
            {
                n += GroupCount[g][h] - (HostOf[v] == h ? 1 : 0);
            }
        }
        return n;
    }

    /// <summary>True when the host is allowed for the VM by every VM-host affinity policy it falls under.</summary>
    public bool HostAllowedFor(int v, int h)
    {
        foreach (var p in VmHostPolicies[v])
        {
            if (!HostAllowed[p][h])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A member of a MUST affinity group whose other members share its host cannot move alone.</summary>
    private bool PinnedByAffinity(int v)
    {
        var h = HostOf[v];
        if (h < 0)
        {
            return false;
        }
        foreach (var g in VmGroups[v])
        {
            if (!Groups[g].Apart && Groups[g].Must && GroupCount[g][h] > 1)
            {
                return true;
            }
        }
        return false;
    }

    private bool GroupsAllow(int v, int h, bool keepShould, int ignoreGroup)
    {
        foreach (var g in VmGroups[v])
        {
            if (g == ignoreGroup)
            {
                continue;
            }
            var group = Groups[g];
            var here = GroupCount[g][h];
            if (group.Apart && (group.Must || keepShould) && here > 0)
            {
                return false;
            }
            if (!group.Apart && group.Must)
            {
                var elsewhere = PlacedMembers(g) - (HostOf[v] >= 0 ? 1 : 0);
                if (elsewhere > 0 && here != elsewhere)
                {
                    return false;
                }
            }
        }
        return true;
    }

    public int PlacedMembers(int g)
    {
        var n = 0;
        foreach (var c in GroupCount[g])
        {
            n += c;
        }
        return n;
    }

    private bool GpusFit(int v, int h)
    {
        var gpus = Vms[v].Gpus;
        if (gpus is null || gpus.Count == 0)
        {
            return true;
        }
        foreach (var profile in gpus)
        {
            var wanted = gpus.Count(g => g == profile);
            var total = Hosts[h].Gpus is { } g && g.TryGetValue(profile, out var n) ? n : 0;
            if (GpusUsed(h, profile) + wanted > total)
            {
                return false;
            }
        }
        return true;
    }
}
