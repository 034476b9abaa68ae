using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// The mutable working copy planners search over: hosts and VMs by index, the sums per host, and per VM-VM
/// policy group how many members each host runs. CPU is counted in micro-cores so threshold checks are exact.
/// Pending requests are VMs with no host yet (<see cref="HostOf"/> = -1).
/// </summary>
internal sealed partial class ClusterState
{
    public const long Micro = 1_000_000;

    private ClusterState(ClusterSnapshot snapshot, SchedulerVm[] vms, Dictionary<string, int> hostIndex)
    {
        Snapshot = snapshot;
        Hosts = [.. snapshot.Hosts];
        Vms = vms;
        HostIndex = hostIndex;
        VmIndex = new Dictionary<string, int>(vms.Length, StringComparer.Ordinal);
        for (var i = 0; i < vms.Length; i++)
        {
            VmIndex[vms[i].Id] = i;
        }
        Policies = snapshot.PolicySet;
        Groups = [
            .. Policies.AntiAffinity.Select(p => new PolicyGroup(p.Id, true, p.Enforcement == Enforcement.Must, p.Categories)),
            .. Policies.Affinity.Select(p => new PolicyGroup(p.Id, false, p.Enforcement == Enforcement.Must, p.Categories)),
        ];
        HostOf = new int[vms.Length];
        MemUsed = new long[Hosts.Length];
        CpuUsed = new long[Hosts.Length];
        VcpusUsed = new int[Hosts.Length];
        GpuUsed = new Dictionary<string, int>?[Hosts.Length];
        GroupCount = [.. Groups.Select(_ => new int[Hosts.Length])];
        VmGroups = new int[vms.Length][];
        VmHostPolicies = new int[vms.Length][];
        HostAllowed = [.. Policies.HostAffinity.Select(p => Hosts.Select(h => CategoryMatch.Matches(p.HostCategories, h.Categories)).ToArray())];
        CpuLimit = [.. Hosts.Select(h => (long)Math.Floor(h.CpuCores * snapshot.Settings.CpuThresholdPercent / 100.0 * Micro + 1e-3))];
        VcpuLimit = [.. Hosts.Select(h => (int)Math.Floor(h.CpuCores * snapshot.Settings.VcpuAllocationRatio))];
        VmCpu = [.. vms.Select(v => (long)Math.Round(v.CpuUsedCores * Micro))];
        RequiredModel = new string?[vms.Length];
        Pinned = new bool[vms.Length];
    }

    public ClusterSnapshot Snapshot { get; }
    public SchedulerHost[] Hosts { get; }
    public SchedulerVm[] Vms { get; }
    public Dictionary<string, int> HostIndex { get; }
    public Dictionary<string, int> VmIndex { get; }
    public PolicySet Policies { get; }
    public PolicyGroup[] Groups { get; }
    public int[] HostOf { get; private set; }
    public long[] MemUsed { get; private set; }
    public long[] CpuUsed { get; private set; }
    public int[] VcpusUsed { get; private set; }
    public long[] CpuLimit { get; }
    public int[] VcpuLimit { get; }
    public long[] VmCpu { get; }
    public int[][] VmGroups { get; }

    /// <summary>VMs a plan has placed: they land after every move, so no move may take them.</summary>
    public bool[] Pinned { get; private set; }

    /// <summary>The CPU model a pending request needs (null for VMs already running).</summary>
    public string?[] RequiredModel { get; }
    public int[][] VmHostPolicies { get; }
    public bool[][] HostAllowed { get; }
    private Dictionary<string, int>?[] GpuUsed { get; set; }
    private int[][] GroupCount { get; set; }

    public static ClusterState From(ClusterSnapshot snapshot, IReadOnlyList<PlacementRequest>? pending = null)
    {
        var hostIndex = new Dictionary<string, int>(snapshot.Hosts.Count, StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Hosts.Count; i++)
        {
            hostIndex[snapshot.Hosts[i].Id] = i;
        }
        SchedulerVm[] vms = [.. snapshot.Vms, .. (pending ?? []).Select(r => r.AsVm(""))];
        var state = new ClusterState(snapshot, vms, hostIndex);
        for (var i = 0; i < (pending?.Count ?? 0); i++)
        {
            state.RequiredModel[snapshot.Vms.Count + i] = pending![i].CpuModel;
        }
        for (var v = 0; v < vms.Length; v++)
        {
            state.VmGroups[v] = [.. Enumerable.Range(0, state.Groups.Length).Where(g => CategoryMatch.Matches(state.Groups[g].Categories, vms[v].Categories))];
            state.VmHostPolicies[v] = [.. Enumerable.Range(0, state.Policies.HostAffinity.Count)
                .Where(p => CategoryMatch.Matches(state.Policies.HostAffinity[p].VmCategories, vms[v].Categories))];
            state.HostOf[v] = -1;
            if (hostIndex.TryGetValue(vms[v].HostId, out var h))
            {
                state.Add(v, h);
            }
        }
        return state;
    }

    public bool IsConnected(int h) => Hosts[h].State == SchedulerHostState.Connected;
    public long MemFree(int h) => Hosts[h].MemoryMiB - MemUsed[h];
    public long CpuHeadroom(int h) => CpuLimit[h] - CpuUsed[h];
    public bool IsHot(int h) => IsConnected(h) && CpuUsed[h] > CpuLimit[h];
    public int Members(int group, int h) => GroupCount[group][h];
    public bool Movable(int v) => Vms[v].Movable && !Pinned[v] && !PinnedByAffinity(v);

    public int GpusUsed(int h, string profile) => GpuUsed[h] is { } used && used.TryGetValue(profile, out var n) ? n : 0;

    public void Move(int v, int to)
    {
        if (HostOf[v] >= 0)
        {
            Remove(v, HostOf[v]);
        }
        Add(v, to);
    }

    /// <summary>Takes a VM off its host (back to pending).</summary>
    public void Unplace(int v)
    {
        if (HostOf[v] >= 0)
        {
            Remove(v, HostOf[v]);
        }
    }

    public ClusterState Clone()
    {
        var copy = (ClusterState)MemberwiseClone();
        copy.HostOf = (int[])HostOf.Clone();
        copy.Pinned = (bool[])Pinned.Clone();
        copy.MemUsed = (long[])MemUsed.Clone();
        copy.CpuUsed = (long[])CpuUsed.Clone();
        copy.VcpusUsed = (int[])VcpusUsed.Clone();
        copy.GpuUsed = [.. GpuUsed.Select(d => d is null ? null : new Dictionary<string, int>(d, StringComparer.Ordinal))];
        copy.GroupCount = [.. GroupCount.Select(c => (int[])c.Clone())];
        return copy;
    }

    private void Add(int v, int h)
    {
        HostOf[v] = h;
        MemUsed[h] += Vms[v].MemoryReservedMiB;
        CpuUsed[h] += VmCpu[v];
        VcpusUsed[h] += Vms[v].Vcpus;
        foreach (var g in VmGroups[v])
        {
            GroupCount[g][h]++;
        }
        foreach (var profile in Vms[v].Gpus ?? [])
        {
            var used = GpuUsed[h] ??= new(StringComparer.Ordinal);
            used[profile] = GpusUsed(h, profile) + 1;
        }
    }

    private void Remove(int v, int h)
    {
        MemUsed[h] -= Vms[v].MemoryReservedMiB;
        CpuUsed[h] -= VmCpu[v];
        VcpusUsed[h] -= Vms[v].Vcpus;
        foreach (var g in VmGroups[v])
        {
            GroupCount[g][h]--;
        }
        foreach (var profile in Vms[v].Gpus ?? [])
        {
            GpuUsed[h]![profile]--;
        }
        HostOf[v] = -1;
    }
}
