using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;
using static ControlPlane.Agent.Reconciliation.VmActionKind;

namespace ControlPlane.Agent.Tests.Reconciliation;

public sealed class VmDiffTests
{
    private static readonly AppliedCounters NoneApplied = new(0, 0);

    [Fact]
    public void Compute_AbsentVmDesiredOn_DefinesPortsAndStarts()
    {
        var desired = Vms.Desired(VmPowerState.On, nics: 1);

        Assert.Equal([Define, EnsureNicPorts, Start], Kinds(desired, actual: null));
    }

    [Fact]
    public void Compute_AbsentVmDesiredOff_OnlyDefines()
    {
        Assert.Equal([Define], Kinds(Vms.Desired(VmPowerState.Off), actual: null));
    }

    [Fact]
    public void Compute_RunningVmDesiredOffHard_Stops()
    {
        var desired = Vms.Desired(VmPowerState.Off) with { ShutdownMode = ShutdownMode.Hard };

        Assert.Equal([Stop], Kinds(desired, Actual(desired, ObservedVmState.Running)));
    }

    [Theory]
    [InlineData("NotRequested", "Powerdown")]
    [InlineData("Pending", "AwaitPowerdown")]
    [InlineData("Expired", "Stop")]
    public void Compute_RunningVmDesiredOffGraceful_PressesButtonWaitsThenStops(string progress, string expected)
    {
        var desired = Vms.Desired(VmPowerState.Off) with { ShutdownMode = ShutdownMode.Graceful };

        var plan = Kinds(desired, Actual(desired, ObservedVmState.Running), progress: Enum.Parse<PowerdownProgress>(progress));

        Assert.Equal([Enum.Parse<VmActionKind>(expected)], plan);
    }

    [Fact]
    public void Compute_RunningVmDesiredPaused_Pauses()
    {
        var desired = Vms.Desired(VmPowerState.Paused);

        Assert.Equal([Pause], Kinds(desired, Actual(desired, ObservedVmState.Running)));
    }

    [Fact]
    public void Compute_StoppedVmDesiredPaused_StartsThenPauses()
    {
        var desired = Vms.Desired(VmPowerState.Paused);

        Assert.Equal([Define, Start, Pause], Kinds(desired, Actual(desired, ObservedVmState.Stopped)));
    }

    [Fact]
    public void Compute_PausedVmDesiredOn_Resumes()
    {
        var desired = Vms.Desired(VmPowerState.On);

        Assert.Equal([Resume], Kinds(desired, Actual(desired, ObservedVmState.Paused)));
    }

    [Fact]
    public void Compute_PausedVmDesiredOffGraceful_StopsHard()
    {
        var desired = Vms.Desired(VmPowerState.Off) with { ShutdownMode = ShutdownMode.Graceful };

        Assert.Equal([Stop], Kinds(desired, Actual(desired, ObservedVmState.Paused)));
    }

    [Fact]
    public void Compute_CrashedVmDesiredOn_StopsThenBootsAgain()
    {
        var desired = Vms.Desired(VmPowerState.On);

        Assert.Equal([Stop, Define, Start], Kinds(desired, Actual(desired, ObservedVmState.Crashed)));
    }

    [Fact]
    public void Compute_RunningVmMatchingDesired_DoesNothing()
    {
        var desired = Vms.Desired(VmPowerState.On, nics: 2, disks: 1);

        Assert.Empty(Kinds(desired, Actual(desired, ObservedVmState.Running)));
    }

    [Fact]
    public void Compute_ResetCounterAheadOnRunningVm_Resets()
    {
        var desired = Vms.Desired(VmPowerState.On) with { ResetCounter = 3 };

        Assert.Equal([Reset], Kinds(desired, Actual(desired, ObservedVmState.Running), new AppliedCounters(2, 0)));
    }

    [Fact]
    public void Compute_RebootCounterAheadOnRunningVm_RebootsAndRestartsAfterTimeout()
    {
        var desired = Vms.Desired(VmPowerState.On) with { RebootCounter = 1 };
        var running = Actual(desired, ObservedVmState.Running);

        Assert.Equal([Reboot], Kinds(desired, running));
        Assert.Equal([AwaitPowerdown], Kinds(desired, running, progress: PowerdownProgress.Pending));
        Assert.Equal([Stop, Define, Start, AcknowledgeCounters], Kinds(desired, running, progress: PowerdownProgress.Expired));
    }

    [Fact]
    public void Compute_RebootCounterAheadOnStoppedVmDesiredOn_StartsAndAcknowledges()
    {
        var desired = Vms.Desired(VmPowerState.On) with { RebootCounter = 1 };

        Assert.Equal([Define, Start, AcknowledgeCounters], Kinds(desired, Actual(desired, ObservedVmState.Stopped)));
    }

    [Fact]
    public void Compute_ResetCounterAheadOnVmDesiredOff_OnlyAcknowledges()
    {
        var desired = Vms.Desired(VmPowerState.Off) with { ResetCounter = 1 };

        Assert.Equal([AcknowledgeCounters], Kinds(desired, Actual(desired, ObservedVmState.Stopped)));
    }

    [Fact]
    public void Compute_RunningVmGainsNic_EnsuresPortsThenAttaches()
    {
        var before = Vms.Desired(VmPowerState.On, nics: 1);
        var nic = Vms.Nic();
        var desired = before with { Nics = [.. before.Nics, nic] };

        var plan = VmDiff.Compute(desired, Actual(before, ObservedVmState.Running), NoneApplied, PowerdownProgress.NotRequested);

        Assert.Equal([new VmAction(EnsureNicPorts), new VmAction(AttachNic, nic.Id)], plan);
    }

    [Fact]
    public void Compute_RunningVmLosesNicAndDisk_DetachesBoth()
    {
        var before = Vms.Desired(VmPowerState.On, nics: 2, disks: 1);
        var desired = before with { Nics = [before.Nics[0]], Disks = [] };

        var plan = VmDiff.Compute(desired, Actual(before, ObservedVmState.Running), NoneApplied, PowerdownProgress.NotRequested);

        Assert.Equal([new VmAction(DetachNic, before.Nics[1].Id), new VmAction(DetachDisk, before.Disks[0].Id)], plan);
    }

    [Fact]
    public void Compute_StoppedVmWithChangedNics_LeavesThemForTheNextStart()
    {
        var before = Vms.Desired(VmPowerState.Off, nics: 1);
        var desired = before with { Nics = [Vms.Nic()] };

        Assert.Empty(Kinds(desired, Actual(before, ObservedVmState.Stopped)));
    }

    [Theory]
    [InlineData(ObservedVmState.Running, "Stop, Undefine")]
    [InlineData(ObservedVmState.Paused, "Stop, Undefine")]
    [InlineData(ObservedVmState.Stopped, "Undefine")]
    public void Compute_OrphanVm_IsStoppedAndUndefined(ObservedVmState state, string expected)
    {
        var orphan = Vms.Desired();

        Assert.Equal(expected, string.Join(", ", Kinds(desired: null, Actual(orphan, state))));
    }

    [Fact]
    public void Compute_StoppingVmDesiredOn_WaitsForIt()
    {
        var desired = Vms.Desired(VmPowerState.On);

        Assert.Equal([AwaitPowerdown], Kinds(desired, Actual(desired, ObservedVmState.Stopping)));
    }

    private static VmActual Actual(DesiredVm spec, ObservedVmState state) => FakeHypervisor.FromSpec(spec, state);

    private static VmActionKind[] Kinds(
        DesiredVm? desired, VmActual? actual, AppliedCounters? applied = null,
        PowerdownProgress progress = PowerdownProgress.NotRequested) =>
        [.. VmDiff.Compute(desired, actual, applied ?? NoneApplied, progress).Select(action => action.Kind)];
}
