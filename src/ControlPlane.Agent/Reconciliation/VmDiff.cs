using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.State;
using ControlPlane.Contracts;
using static ControlPlane.Agent.Reconciliation.VmActionKind;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>
/// The pure heart of reconciliation: what to do to bring one VM from what the hypervisor has to what is
/// desired, as ordered actions. Rules worth knowing:
/// <list type="bullet">
/// <item>Every start is preceded by an (idempotent) define, so the spec being booted has its resources.</item>
/// <item>NIC and disk changes are hot-plugged only into a running or paused VM; a stopped VM gets them at its next start.
/// vCPU and memory changes likewise wait for the next power cycle.</item>
/// <item>Reset and reboot counters act only on a VM that should be on and is running; otherwise they are
/// acknowledged without effect (a VM being started is fresh anyway). A pending reboot takes precedence over a reset.</item>
/// <item>A paused VM that should be off is stopped hard: a paused guest cannot answer the power button.</item>
/// <item>VMs the hypervisor has but the desired state no longer lists are stopped hard and undefined.</item>
/// </list>
/// </summary>
internal static class VmDiff
{
    public static IReadOnlyList<VmAction> Compute(
        DesiredVm? desired, VmActual? actual, AppliedCounters applied, PowerdownProgress powerdown)
    {
        if (desired is null)
        {
            return actual is null ? []
                : actual.State is ObservedVmState.Stopped or ObservedVmState.Missing ? [new(Undefine)]
                : [new(Stop), new(Undefine)];
        }

        var plan = new List<VmAction>();
        var state = actual?.State ?? ObservedVmState.Missing;
        if (state is ObservedVmState.Crashed or ObservedVmState.Failed)
        {
            plan.Add(new(Stop));
            state = ObservedVmState.Stopped;
        }
        if (state is ObservedVmState.Stopping)
        {
            var hardOff = desired.PowerState == VmPowerState.Off && desired.ShutdownMode == ShutdownMode.Hard;
            if (!hardOff && powerdown != PowerdownProgress.Expired)
            {
                return [new(AwaitPowerdown)];
            }
            plan.Add(new(Stop));
            state = ObservedVmState.Stopped;
        }

        switch (state)
        {
            case ObservedVmState.Running or ObservedVmState.Starting:
                AddForRunning(plan, desired, actual!, applied, powerdown);
                break;
            case ObservedVmState.Paused:
                AddForPaused(plan, desired, actual!, applied, powerdown);
                break;
            default:
                AddForStopped(plan, desired, defined: state != ObservedVmState.Missing);
                AcknowledgeIfOwed(plan, desired, applied);
                break;
        }
        return plan;
    }

    private static void AddForStopped(List<VmAction> plan, DesiredVm desired, bool defined)
    {
        switch (desired.PowerState)
        {
            case VmPowerState.On:
                AddBoot(plan, desired);
                break;
            case VmPowerState.Paused:
                AddBoot(plan, desired);
                plan.Add(new(Pause));
                break;
            default:
                if (!defined)
                {
                    plan.Add(new(Define));
                }
                break;
        }
    }

    private static void AddForRunning(
        List<VmAction> plan, DesiredVm desired, VmActual actual, AppliedCounters applied, PowerdownProgress powerdown)
    {
        switch (desired.PowerState)
        {
            case VmPowerState.On:
                AddKeepRunning(plan, desired, actual, applied, powerdown);
                return;
            case VmPowerState.Paused:
                AddDeviceChanges(plan, desired, actual);
                plan.Add(new(Pause));
                break;
            default:
                plan.Add(desired.ShutdownMode == ShutdownMode.Hard ? new(Stop) : powerdown switch
                {
                    PowerdownProgress.NotRequested => new(Powerdown),
                    PowerdownProgress.Pending => new(AwaitPowerdown),
                    _ => new(Stop),
                });
                break;
        }
        AcknowledgeIfOwed(plan, desired, applied);
    }

    private static void AddForPaused(
        List<VmAction> plan, DesiredVm desired, VmActual actual, AppliedCounters applied, PowerdownProgress powerdown)
    {
        switch (desired.PowerState)
        {
            case VmPowerState.On:
                plan.Add(new(Resume));
                AddKeepRunning(plan, desired, actual, applied, powerdown);
                return;
            case VmPowerState.Paused:
                AddDeviceChanges(plan, desired, actual);
                break;
            default:
                plan.Add(new(Stop));
                break;
        }
        AcknowledgeIfOwed(plan, desired, applied);
    }

    private static void AddKeepRunning(
        List<VmAction> plan, DesiredVm desired, VmActual actual, AppliedCounters applied, PowerdownProgress powerdown)
    {
        if (desired.RebootCounter > applied.Reboot)
        {
            switch (powerdown)
            {
                case PowerdownProgress.NotRequested:
                    plan.Add(new(Reboot));
                    break;
                case PowerdownProgress.Pending:
                    plan.Add(new(AwaitPowerdown));
                    break;
                default:
                    plan.Add(new(Stop));
                    AddBoot(plan, desired);
                    plan.Add(new(AcknowledgeCounters));
                    break;
            }
            return;
        }
        AddDeviceChanges(plan, desired, actual);
        if (desired.ResetCounter > applied.Reset)
        {
            plan.Add(new(Reset));
        }
    }

    private static void AddBoot(List<VmAction> plan, DesiredVm desired)
    {
        plan.Add(new(Define));
        if (desired.Nics.Count > 0)
        {
            plan.Add(new(EnsureNicPorts));
        }
        plan.Add(new(Start));
    }

    private static void AddDeviceChanges(List<VmAction> plan, DesiredVm desired, VmActual actual)
    {
        var desiredNics = desired.Nics.Select(nic => nic.Id).ToHashSet();
        var desiredDisks = desired.Disks.Select(disk => disk.Id).ToHashSet();
        plan.AddRange(actual.NicIds.Where(id => !desiredNics.Contains(id)).Select(id => new VmAction(DetachNic, id)));
        plan.AddRange(actual.DiskIds.Where(id => !desiredDisks.Contains(id)).Select(id => new VmAction(DetachDisk, id)));

        var newNics = desired.Nics.Where(nic => !actual.NicIds.Contains(nic.Id)).ToList();
        if (newNics.Count > 0)
        {
            plan.Add(new(EnsureNicPorts));
            plan.AddRange(newNics.Select(nic => new VmAction(AttachNic, nic.Id)));
        }
        plan.AddRange(desired.Disks.Where(disk => !actual.DiskIds.Contains(disk.Id))
            .Select(disk => new VmAction(AttachDisk, disk.Id)));
    }

    private static void AcknowledgeIfOwed(List<VmAction> plan, DesiredVm desired, AppliedCounters applied)
    {
        if (desired.ResetCounter > applied.Reset || desired.RebootCounter > applied.Reboot)
        {
            plan.Add(new(AcknowledgeCounters));
        }
    }
}
