using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Verification;

/// <summary>The verifier's own model of the cluster: where every VM is, by id, recomputing sums from scratch.</summary>
internal sealed class VerifierWorld
{
    private readonly ClusterSnapshot _snapshot;
    private readonly Dictionary<string, SchedulerHost> _hosts;
    private readonly Dictionary<string, SchedulerVm> _vms;
    private readonly Dictionary<string, string> _where;

    public VerifierWorld(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _hosts = snapshot.Hosts.ToDictionary(h => h.Id, StringComparer.Ordinal);
        _vms = snapshot.Vms.ToDictionary(v => v.Id, StringComparer.Ordinal);
        _where = snapshot.Vms.ToDictionary(v => v.Id, v => v.HostId, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, SchedulerHost> Hosts => _hosts;
    public IEnumerable<(SchedulerVm Vm, string HostId)> Placed => _where.Select(kv => (_vms[kv.Key], kv.Value));

    public long MemoryOf(string vmId) => _vms.TryGetValue(vmId, out var vm) ? vm.MemoryMiB : 0;

    public long ReservedOn(string hostId) => _where.Where(kv => kv.Value == hostId).Sum(kv => _vms[kv.Key].MemoryReservedMiB);

    public void ApplyMove(PlannedMove move, List<string> problems)
    {
        if (!_vms.TryGetValue(move.VmId, out var vm) || !_where.TryGetValue(move.VmId, out var at))
        {
            problems.Add($"move of unknown VM {move.VmId}");
            return;
        }
        if (at != move.From)
        {
            problems.Add($"move of {vm.Id} from {move.From} but it runs on {at}");
        }
        if (!vm.Movable)
        {
            problems.Add($"unmovable VM {vm.Id} moved");
        }
        if (!_hosts.TryGetValue(move.To, out var to) || to.State != SchedulerHostState.Connected || move.To == at)
        {
            problems.Add($"move of {vm.Id} to {move.To}, which is unknown, not CONNECTED or its own host");
            return;
        }
        if (ReservedOn(move.To) + vm.MemoryReservedMiB > to.MemoryMiB)
        {
            problems.Add($"no room on {move.To} when {vm.Id} starts migrating");
        }
        _where[vm.Id] = move.To;
        CheckMovedVm(vm, to, problems);
    }

    /// <summary>A move never breaks a MUST rule: the moved VM is allowed on its target and meets no MUST anti-affinity partner there.</summary>
    private void CheckMovedVm(SchedulerVm vm, SchedulerHost to, List<string> problems)
    {
        foreach (var policy in _snapshot.PolicySet.HostAffinity.Where(p => CategoryMatch.Matches(p.VmCategories, vm.Categories)))
        {
            if (!CategoryMatch.Matches(policy.HostCategories, to.Categories))
            {
                problems.Add($"moving {vm.Id} to {to.Id} breaks VM-host affinity {policy.Id}");
            }
        }
        foreach (var policy in _snapshot.PolicySet.AntiAffinity.Where(p => p.Enforcement == Enforcement.Must && CategoryMatch.Matches(p.Categories, vm.Categories)))
        {
            if (VmsOn(to.Id).Any(v => v.Id != vm.Id && CategoryMatch.Matches(policy.Categories, v.Categories)))
            {
                problems.Add($"moving {vm.Id} to {to.Id} breaks MUST anti-affinity {policy.Id}");
            }
        }
    }

    public void ApplyPlacement(PlacementRequest request, string hostId, bool keepThreshold, List<string> problems)
    {
        if (!_hosts.TryGetValue(hostId, out var host) || host.State != SchedulerHostState.Connected)
        {
            problems.Add($"request {request.Id} placed on {hostId}, which is unknown or not CONNECTED");
            return;
        }
        _vms[request.Id] = request.AsVm(hostId);
        _where[request.Id] = hostId;
        if (keepThreshold && !PlanVerifier.Le(CpuOn(hostId), host.CpuCores * _snapshot.Settings.CpuThresholdPercent / 100.0))
        {
            problems.Add($"placing {request.Id} takes {hostId} over the CPU threshold");
        }
        if (ReservedOn(hostId) > host.MemoryMiB)
        {
            problems.Add($"placing {request.Id} over-commits memory on {hostId}");
        }
    }

    public void CheckEnd(List<string> problems)
    {
        var byHost = _where.ToLookup(kv => kv.Value, kv => _vms[kv.Key], StringComparer.Ordinal);
        foreach (var host in _hosts.Values)
        {
            var vms = byHost[host.Id].ToList();
            if (vms.Sum(v => v.MemoryReservedMiB) > host.MemoryMiB)
            {
                problems.Add($"memory over-committed on {host.Id} at the end");
            }
            if (host.State == SchedulerHostState.Connected && !PlanVerifier.Le(vms.Sum(v => v.CpuUsedCores), host.CpuCores * _snapshot.Settings.CpuThresholdPercent / 100.0))
            {
                var maxLimit = _hosts.Values.Where(h => h.State == SchedulerHostState.Connected).Max(h => h.CpuCores * _snapshot.Settings.CpuThresholdPercent / 100.0);
                var stuck = vms.FirstOrDefault(v => !PlanVerifier.Le(v.CpuUsedCores, maxLimit))
                    ?? (PlanVerifier.Le(vms.Where(v => !v.Movable).Sum(v => v.CpuUsedCores), host.CpuCores * _snapshot.Settings.CpuThresholdPercent / 100.0) ? null : vms.First(v => !v.Movable));
                problems.Add($"{host.Id} above the CPU threshold at the end ({vms.Sum(v => v.CpuUsedCores):0.###} cores)"
                    + (stuck is null ? "" : $" ({PlanVerifier.Unavoidable}: {stuck.Id} exceeds the threshold of every CONNECTED host, or the unmovable VMs alone do)"));
            }
            foreach (var (profile, count) in host.Gpus ?? new Dictionary<string, int>())
            {
                if (vms.Sum(v => (v.Gpus ?? []).Count(g => g == profile)) > count)
                {
                    problems.Add($"vGPU {profile} over-committed on {host.Id}");
                }
            }
            foreach (var vm in vms)
            {
                if (vm.Vcpus > host.CpuCores)
                {
                    problems.Add($"{vm.Id} has more vCPUs than {host.Id} has cores");
                }
                if ((vm.Gpus ?? []).Any(g => host.Gpus is null || !host.Gpus.ContainsKey(g)))
                {
                    problems.Add($"{vm.Id} needs a vGPU profile {host.Id} lacks");
                }
            }
            CheckMust(host.Id, vms, problems, "at the end");
        }
    }

    public bool HostAffinityBroken((string PolicyId, string VmId) entry) =>
        _snapshot.PolicySet.HostAffinity.Any(p => p.Id == entry.PolicyId) && _where.ContainsKey(entry.VmId)
        && !CategoryMatch.Matches(_snapshot.PolicySet.HostAffinity.First(p => p.Id == entry.PolicyId).HostCategories, _hosts[_where[entry.VmId]].Categories);

    public List<(string Policy, string Vm, Enforcement Enforcement)> GroupViolations()
    {
        var found = new List<(string, string, Enforcement)>();
        foreach (var policy in _snapshot.PolicySet.AntiAffinity)
        {
            foreach (var group in Placed.Where(p => CategoryMatch.Matches(policy.Categories, p.Vm.Categories)).GroupBy(p => p.HostId).Where(g => g.Count() > 1))
            {
                found.AddRange(group.Select(p => (policy.Id, p.Vm.Id, policy.Enforcement)));
            }
        }
        return found;
    }

    private double CpuOn(string hostId) => VmsOn(hostId).Sum(v => v.CpuUsedCores);

    private IEnumerable<SchedulerVm> VmsOn(string hostId) => _where.Where(kv => kv.Value == hostId).Select(kv => _vms[kv.Key]);

    private void CheckMust(string hostId, List<SchedulerVm> vms, List<string> problems, string when)
    {
        if (_snapshot.PolicySet.IsEmpty)
        {
            return;
        }
        foreach (var policy in _snapshot.PolicySet.HostAffinity)
        {
            if (!CategoryMatch.Matches(policy.HostCategories, _hosts[hostId].Categories)
                && vms.FirstOrDefault(v => CategoryMatch.Matches(policy.VmCategories, v.Categories)) is { } vm)
            {
                var stuck = !vm.Movable || !_hosts.Values.Any(h => h.State == SchedulerHostState.Connected && h.CpuCores >= vm.Vcpus
                    && h.MemoryMiB >= vm.MemoryReservedMiB && (vm.Gpus ?? []).All(g => (h.Gpus?.GetValueOrDefault(g) ?? 0) >= vm.Gpus!.Count(x => x == g))
                    && CategoryMatch.Matches(policy.HostCategories, h.Categories));
                problems.Add($"{vm.Id} on {hostId} breaks VM-host affinity {policy.Id} {when}"
                    + (stuck ? $" ({PlanVerifier.Unavoidable}: the VM is unmovable or no allowed CONNECTED host could ever hold it)" : ""));
            }
        }
        foreach (var policy in _snapshot.PolicySet.AntiAffinity.Where(p => p.Enforcement == Enforcement.Must))
        {
            var members = vms.Where(v => CategoryMatch.Matches(policy.Categories, v.Categories)).ToList();
            if (members.Count > 1)
            {
                var stuck = members.Count(v => !v.Movable) > 1
                    || Placed.Count(p => CategoryMatch.Matches(policy.Categories, p.Vm.Categories)) > _hosts.Values.Count(h => h.State == SchedulerHostState.Connected);
                problems.Add($"MUST anti-affinity {policy.Id} broken on {hostId} {when}"
                    + (stuck ? $" ({PlanVerifier.Unavoidable}: two members are unmovable or the group outnumbers the hosts)" : ""));
            }
        }
    }
}
