using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Logging;
using ControlPlane.Agent.Network;
using ControlPlane.Agent.Reporting;
using ControlPlane.Agent.State;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>
/// Brings one VM to its desired state, level-based: it re-reads desired and actual state, asks
/// <see cref="VmDiff"/> for a plan, applies it, and looks again, until nothing is left to do or the VM
/// has to be waited for. It never waits itself, so a slow guest holds no worker.
/// </summary>
internal sealed class VmReconciler(
    IHypervisor hypervisor,
    INetworkDriver network,
    DesiredStateStore store,
    AppliedCountersStore counters,
    PowerdownTracker powerdowns,
    VmErrors errors,
    HostNetworkSync hostNetwork,
    ReportTrigger reportTrigger,
    ILogger<VmReconciler> logger)
{
    private const int MaxPasses = 4;
    private static readonly TimeSpan PowerdownPoll = TimeSpan.FromSeconds(1);

    public async Task<ReconcileResult> ReconcileAsync(Guid vmId, CancellationToken ct)
    {
        var generation = store.Generation;
        if (errors.IsTerminalAt(vmId, generation))
        {
            return ReconcileResult.Done;
        }
        try
        {
            var result = await ConvergeAsync(vmId, ct);
            if (errors.Clear(vmId))
            {
                reportTrigger.Request();
            }
            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (VmSpecException e)
        {
            logger.ReconcileTerminal(vmId, generation, e.Message);
            RecordError(vmId, new VmError(e.Message, Terminal: true, generation));
            return ReconcileResult.Terminal(e.Message);
        }
        catch (Exception e)
        {
            logger.ReconcileFailed(e, vmId, generation);
            RecordError(vmId, new VmError(e.Message, Terminal: false, generation));
            return ReconcileResult.Transient(e.Message);
        }
    }

    private async Task<ReconcileResult> ConvergeAsync(Guid vmId, CancellationToken ct)
    {
        IReadOnlyList<VmAction> plan = [];
        VmActual? actual = null;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var desired = store.FindVm(vmId);
            actual = await hypervisor.GetAsync(vmId, ct);
            var applied = await AppliedCountersOfAsync(vmId, desired, ct);
            if (actual is null || !IsUp(actual.State))
            {
                powerdowns.Clear(vmId);
            }

            plan = VmDiff.Compute(desired, actual, applied, powerdowns.ProgressOf(vmId));
            if (!plan.Any(action => action.Kind is VmActionKind.Powerdown or VmActionKind.Reboot or VmActionKind.AwaitPowerdown))
            {
                powerdowns.Clear(vmId);
            }
            if (plan.Count == 0)
            {
                return ReconcileResult.Done;
            }

            var waiting = plan.Any(action => action.Kind is VmActionKind.AwaitPowerdown);
            if (!waiting)
            {
                logger.Applying(vmId, string.Join(", ", plan), store.Generation);
            }
            foreach (var action in plan)
            {
                await ApplyAsync(action, vmId, desired, actual, ct);
            }
            if (waiting)
            {
                var remaining = powerdowns.Remaining(vmId);
                return ReconcileResult.RequeueAfter(remaining < PowerdownPoll ? remaining : PowerdownPoll);
            }
            reportTrigger.Request();
        }
        throw new InvalidOperationException(
            $"VM still {actual?.State.ToString() ?? "absent"} after applying {string.Join(", ", plan)} {MaxPasses} times.");
    }

    private async Task ApplyAsync(VmAction action, Guid vmId, DesiredVm? desired, VmActual? actual, CancellationToken ct)
    {
        switch (action.Kind)
        {
            case VmActionKind.Define:
                await hypervisor.DefineAsync(desired!, ct);
                break;
            case VmActionKind.EnsureNicPorts:
                await hostNetwork.EnsureCurrentAsync(ct);
                foreach (var nic in desired!.Nics)
                {
                    await network.EnsureVmPortAsync(vmId, nic, ct);
                }
                break;
            case VmActionKind.Start:
                EnsureFitsHost(desired!);
                await hypervisor.StartAsync(desired!, ct);
                break;
            case VmActionKind.Stop:
                if (powerdowns.ProgressOf(vmId) == PowerdownProgress.Expired)
                {
                    logger.PowerdownTimedOut(vmId, powerdowns.Timeout);
                }
                await hypervisor.StopAsync(vmId, ct);
                break;
            case VmActionKind.Powerdown or VmActionKind.Reboot:
                powerdowns.Begin(vmId);
                await hypervisor.PowerdownAsync(vmId, ct);
                break;
            case VmActionKind.AwaitPowerdown:
                powerdowns.Begin(vmId);
                break;
            case VmActionKind.Reset:
                await hypervisor.ResetAsync(vmId, ct);
                await counters.SetAsync(vmId, AppliedCounters.Of(desired!), ct);
                break;
            case VmActionKind.AcknowledgeCounters:
                await counters.SetAsync(vmId, AppliedCounters.Of(desired!), ct);
                break;
            case VmActionKind.Pause:
                await hypervisor.PauseAsync(vmId, ct);
                break;
            case VmActionKind.Resume:
                await hypervisor.ResumeAsync(vmId, ct);
                break;
            case VmActionKind.AttachNic:
                await hypervisor.AttachNicAsync(vmId, desired!.Nics.Single(nic => nic.Id == action.DeviceId), ct);
                break;
            case VmActionKind.DetachNic:
                await hypervisor.DetachNicAsync(vmId, action.DeviceId!.Value, ct);
                await network.RemoveVmPortAsync(vmId, action.DeviceId.Value, ct);
                break;
            case VmActionKind.AttachDisk:
                await hypervisor.AttachDiskAsync(vmId, desired!.Disks.Single(disk => disk.Id == action.DeviceId), ct);
                break;
            case VmActionKind.DetachDisk:
                await hypervisor.DetachDiskAsync(vmId, action.DeviceId!.Value, ct);
                break;
            case VmActionKind.Undefine:
                await hypervisor.UndefineAsync(vmId, ct);
                foreach (var nicId in actual!.NicIds)
                {
                    await network.RemoveVmPortAsync(vmId, nicId, ct);
                }
                await counters.ForgetAsync(vmId, ct);
                powerdowns.Clear(vmId);
                break;
            default:
                throw new InvalidOperationException($"Unknown action {action}.");
        }
    }

    /// <summary>A VM seen for the first time starts with its current counters as applied: a new VM is not reset.</summary>
    private async Task<AppliedCounters> AppliedCountersOfAsync(Guid vmId, DesiredVm? desired, CancellationToken ct)
    {
        if (desired is null)
        {
            return new AppliedCounters(0, 0);
        }
        if (counters.Get(vmId) is { } applied)
        {
            return applied;
        }
        var current = AppliedCounters.Of(desired);
        await counters.SetAsync(vmId, current, ct);
        return current;
    }

    private void EnsureFitsHost(DesiredVm desired)
    {
        var capacity = hypervisor.Capacity;
        if (desired.Vcpus > capacity.CpuCores || desired.MemoryMiB > capacity.MemoryMiB)
        {
            throw new VmSpecException(
                $"VM needs {desired.Vcpus} vCPUs and {desired.MemoryMiB} MiB; "
                + $"host has {capacity.CpuCores} cores and {capacity.MemoryMiB} MiB.");
        }
    }

    private void RecordError(Guid vmId, VmError error)
    {
        if (errors.Record(vmId, error))
        {
            reportTrigger.Request();
        }
    }

    private static bool IsUp(ObservedVmState state) =>
        state is ObservedVmState.Running or ObservedVmState.Starting or ObservedVmState.Stopping or ObservedVmState.Paused;
}
