using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling;

/// <summary>What is already committed on one host: the sums the filters compare with its capacity.</summary>
public sealed class HostLoad
{
    private Dictionary<string, int>? _gpusUsed;
    private Dictionary<string, int>? _members;

    public HostLoad(SchedulerHost host) => Host = host;

    public SchedulerHost Host { get; }
    public long ReservedMemoryMiB { get; private set; }
    public int AllocatedVcpus { get; private set; }
    public double CpuUsedCores { get; private set; }
    public int VmCount { get; private set; }

    public long FreeMemoryMiB => Host.MemoryMiB - ReservedMemoryMiB;

    /// <summary>vGPUs of this profile already given to VMs on the host.</summary>
    public int GpusUsed(string profile) => _gpusUsed is not null && _gpusUsed.TryGetValue(profile, out var n) ? n : 0;

    /// <summary>How many VMs on the host belong to the VM-VM (anti-)affinity policy with this id.</summary>
    public int Members(string policyId) => _members is not null && _members.TryGetValue(policyId, out var n) ? n : 0;

    public void Add(long reservedMemoryMiB, int vcpus, double cpuUsedCores)
    {
        ReservedMemoryMiB += reservedMemoryMiB;
        AllocatedVcpus += vcpus;
        CpuUsedCores += cpuUsedCores;
        VmCount++;
    }

    /// <summary>Counts a VM in full: capacity, vGPUs and its policy groups.</summary>
    public void Add(SchedulerVm vm, PolicySet policies)
    {
        Add(vm.MemoryReservedMiB, vm.Vcpus, vm.CpuUsedCores);
        AddGpus(vm.Gpus);
        AddGroups(policies.GroupsOf(vm.Categories));
    }

    /// <summary>Consumes a placed request, so the next placement in a batch sees it.</summary>
    public void Add(PlacementRequest request, PolicySet policies)
    {
        Add(request.MemoryReservedMiB, request.Vcpus, request.CpuUsedCores);
        AddGpus(request.Gpus);
        AddGroups(policies.GroupsOf(request.Categories));
    }

    private void AddGpus(IReadOnlyList<string>? gpus)
    {
        if (gpus is null)
        {
            return;
        }
        foreach (var profile in gpus)
        {
            _gpusUsed ??= new(StringComparer.Ordinal);
            _gpusUsed[profile] = GpusUsed(profile) + 1;
        }
    }

    private void AddGroups(IReadOnlyList<string> groups)
    {
        foreach (var id in groups)
        {
            _members ??= new(StringComparer.Ordinal);
            _members[id] = Members(id) + 1;
        }
    }

    public static Dictionary<string, HostLoad> From(ClusterSnapshot snapshot)
    {
        var loads = new Dictionary<string, HostLoad>(snapshot.Hosts.Count, StringComparer.Ordinal);
        foreach (var h in snapshot.Hosts)
        {
            loads[h.Id] = new HostLoad(h);
        }
        var policies = snapshot.PolicySet;
        foreach (var vm in snapshot.Vms)
        {
            if (loads.TryGetValue(vm.HostId, out var load))
            {
                load.Add(vm, policies);
            }
        }
        return loads;
    }
}
