using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.State;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Reporting;

/// <summary>
/// Assembles a <see cref="HostStatusReport"/>: every VM the hypervisor has, plus each desired VM it does
/// not have (as <see cref="ObservedVmState.Missing"/>), with the last reconcile error of each.
/// </summary>
internal sealed class StatusReportBuilder(IHypervisor hypervisor, DesiredStateStore store, VmErrors errors)
{
    public async Task<HostStatusReport> BuildAsync(AgentIdentity identity, CancellationToken ct)
    {
        var actual = await hypervisor.ListAsync(ct);
        var usage = await hypervisor.GetUsageAsync(ct);
        var desired = store.Current is { } state && state.HostId == identity.HostId ? state : null;

        var known = actual.Select(vm => vm.Id).ToHashSet();
        var missing = (desired?.Vms ?? []).Where(vm => !known.Contains(vm.Id));
        var vms = actual.Select(Observed).Concat(missing.Select(Missing)).ToList();

        return new HostStatusReport
        {
            ObservedGeneration = desired?.Generation ?? 0,
            Capacity = hypervisor.Capacity,
            Usage = usage,
            Vms = vms,
            Driver = hypervisor.Name,
        };
    }

    private ObservedVm Observed(VmActual vm) => new()
    {
        Id = vm.Id,
        State = vm.State,
        CpuPercent = vm.CpuPercent,
        MemoryUsedMiB = vm.MemoryUsedMiB,
        DirtyRateBytesPerSec = vm.DirtyRateBytesPerSec,
        LastError = errors.Get(vm.Id)?.Message,
    };

    private ObservedVm Missing(DesiredVm vm) => new()
    {
        Id = vm.Id,
        State = ObservedVmState.Missing,
        LastError = errors.Get(vm.Id)?.Message,
    };
}
